/**
 * ELF32 little-endian RISC-V files: {@link veneer.isa.elf.ElfFile} reads executables and objects
 * (segments, sections, symbols, entry), {@link veneer.isa.elf.ElfWriter} writes executables that
 * GNU readelf/objdump and qemu-riscv32 accept.
 */
package veneer.isa.elf;
