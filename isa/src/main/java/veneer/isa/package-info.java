/**
 * The RV32IM instruction set in one place: encodings, decoder, disassembler, ELF files and the reference instruction-set simulator.
 */
package veneer.isa;
