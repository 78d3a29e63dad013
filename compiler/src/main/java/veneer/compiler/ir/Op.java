package veneer.compiler.ir;

/**
 * Instruction opcodes. Flags say what passes may do with an instruction:
 * <ul>
 *   <li>{@code pure}: no side effect and no trap; the result depends only on the operands (may be
 *       removed when unused, merged with an equal one, and moved);</li>
 *   <li>{@code effect}: must stay even when unused, in order with the other effects (stores, checks,
 *       barriers, calls, terminators).</li>
 * </ul>
 * DIV/REM/ALEN/ALOAD are neither: removable when unused but only valid after their check
 * (a div-zero check, a null check), so they are never moved above it.
 */
public enum Op {
  PHI(false, false),
  ADD(true, false), SUB(true, false), MUL(true, false), MULHI(true, false),
  DIV(false, false), REM(false, false),
  AND(true, false), OR(true, false), XOR(true, false),
  SHL(true, false), SHR(true, false), USHR(true, false),
  NEG(true, false),
  I2L(true, false), L2I(true, false), I2B(true, false), I2S(true, false), I2C(true, false),
  ICMP(true, false), LCMP(true, false),
  INTRINSIC(true, false),
  BUILTIN(true, false),
  ALEN(false, false), ALOAD(false, false),
  ASTORE(false, true),
  NULLCHECK(false, true), BOUNDSCHECK(false, true), DIVZEROCHECK(false, true),
  BARRIER(false, true),
  CALL(false, true),
  JUMP(false, true), BRANCH(false, true), SWITCH(false, true), RETURN(false, true);

  private final boolean pure;
  private final boolean effect;

  Op(boolean pure, boolean effect) {
    this.pure = pure;
    this.effect = effect;
  }

  /** No side effect, no trap, result a function of the operands. */
  public boolean isPure() {
    return pure;
  }

  /** Must be kept and kept in order. */
  public boolean hasEffect() {
    return effect;
  }

  /** Ends a block. */
  public boolean isTerminator() {
    return this == JUMP || this == BRANCH || this == SWITCH || this == RETURN;
  }

  /** A check that traps. */
  public boolean isCheck() {
    return this == NULLCHECK || this == BOUNDSCHECK || this == DIVZEROCHECK;
  }

  /** Binary arithmetic whose type is the type of its first operand. */
  public boolean isBinary() {
    return switch (this) {
      case ADD, SUB, MUL, MULHI, DIV, REM, AND, OR, XOR, SHL, SHR, USHR -> true;
      default -> false;
    };
  }

  /** The check's trap kind (only for checks). */
  public TrapKind trapKind() {
    return switch (this) {
      case NULLCHECK -> TrapKind.NULL;
      case BOUNDSCHECK -> TrapKind.BOUNDS;
      case DIVZEROCHECK -> TrapKind.DIV_ZERO;
      default -> throw new IllegalStateException(this + " is not a check");
    };
  }

  @Override
  public String toString() {
    return name().toLowerCase();
  }
}
