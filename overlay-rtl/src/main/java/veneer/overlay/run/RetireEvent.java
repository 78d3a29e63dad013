package veneer.overlay.run;

import veneer.isa.Disassembler;

/**
 * One instruction retired by the PE, as its retire port shows it.
 *
 * @param cycle the clock edge at which it retired
 * @param thread the hardware thread
 * @param pc its address
 * @param insn the instruction word
 * @param rd the destination register field
 * @param value the value written
 * @param we whether a register was written (false for x0 and for instructions without rd)
 */
public record RetireEvent(long cycle, int thread, int pc, int insn, int rd, int value, boolean we) {
  /** One trace line: {@code t1 00000010 00a00513 x10=0000000a  addi a0,zero,10}. */
  public String traceLine() {
    String effect = we ? String.format("x%d=%08x", rd, value) : "-";
    return String.format("t%d %08x %08x %-14s %s", thread, pc, insn, effect, Disassembler.disassemble(insn, pc));
  }
}
