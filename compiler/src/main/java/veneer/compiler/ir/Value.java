package veneer.compiler.ir;

/** Anything an instruction can use as an operand: a constant, a parameter or an instruction. */
public abstract sealed class Value permits Const, Param, Instr {
  /** The type of the value. */
  public abstract IrType type();
}
