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
 * @param late a global-memory load: it retires when it is sent and its value follows later as a
 *     {@link #writeBack} event (non-blocking loads, docs/pe.md); {@code we} is false here
 */
public record RetireEvent(long cycle, int thread, int pc, int insn, int rd, int value, boolean we, boolean late) {
  /** An instruction whose result, if any, is written as it retires. */
  public RetireEvent(long cycle, int thread, int pc, int insn, int rd, int value, boolean we) {
    this(cycle, thread, pc, insn, rd, value, we, false);
  }

  /**
   * The value of a global load arriving (the PE's {@code wb_*} port), for the load that retired
   * earlier with {@code late} set on the same thread and register.
   */
  public record WriteBack(long cycle, int thread, int rd, int value) {
    /** One trace line: {@code t1 x10<=0000000a  (load data)}. */
    public String traceLine() {
      return String.format("t%d x%d<=%08x  (load data)", thread, rd, value);
    }
  }

  /** One trace line: {@code t1 00000010 00a00513 x10=0000000a  addi a0,zero,10}. */
  public String traceLine() {
    String effect = we ? String.format("x%d=%08x", rd, value) : late && rd != 0 ? String.format("x%d<-mem", rd) : "-";
    return String.format("t%d %08x %08x %-14s %s", thread, pc, insn, effect, Disassembler.disassemble(insn, pc));
  }
}
