package veneer.overlay.pe;

import veneer.isa.Opcode;

/**
 * How S2 tells jumps from instruction bits rather than from decoder outputs: among legal words,
 * the jumps (JAL, JALR, branches) are exactly those with opcode bit 6 set and bit 4 clear
 * ({@link #inGroup}), and of those the unconditional ones (JAL, JALR) have bit 2 set
 * ({@link #unconditional}). So the decoder has no jump outputs and S2 registers no jump bit: its
 * "jumps" is legal AND in the group AND (bit 2 OR the branch is taken), from the registered word
 * (the legality also keeps an illegal word with jump-like bits from jumping).
 *
 * <pre>{@code
 * JumpBits.inGroup(0x0000006f)        // true: JAL
 * JumpBits.unconditional(0x00000063)  // false: BEQ
 * }</pre>
 */
public final class JumpBits {
  /** The opcode bits that tell the jumps' group: bit 6 set, bit 4 clear. */
  public static final int GROUP_MASK = 1 << 6 | 1 << 4;
  public static final int GROUP_MATCH = 1 << 6;
  /** The opcode bit set for JAL and JALR, clear for branches. */
  public static final int UNCONDITIONAL_BIT = 2;

  private JumpBits() {}

  /** Whether a legal word is a jump (JAL, JALR or a branch). */
  public static boolean inGroup(int word) {
    return (word & GROUP_MASK) == GROUP_MATCH;
  }

  /** Whether a legal jump always jumps (JAL, JALR) rather than when its branch is taken. */
  public static boolean unconditional(int word) {
    return (word >>> UNCONDITIONAL_BIT & 1) != 0;
  }

  /** Whether {@code u} is one of the units these bits tell. */
  public static boolean isJump(MicroOp.Unit u) {
    return u == MicroOp.Unit.JAL || u == MicroOp.Unit.JALR || u == MicroOp.Unit.BRANCH;
  }

  /** Checks the rule against every row of the ISA table (Pe relies on it; run at elaboration). */
  static void check() {
    int bits = GROUP_MASK | 1 << UNCONDITIONAL_BIT;
    for (Opcode op : Opcode.instructions()) {
      MicroOp.Unit u = MicroOp.of(op).unit();
      boolean ok = (op.mask() & bits) == bits && inGroup(op.match()) == isJump(u)
          && (!isJump(u) || unconditional(op.match()) == (u != MicroOp.Unit.BRANCH));
      if (!ok) {
        throw new IllegalStateException(op + " (" + u + ", match " + Integer.toHexString(op.match()) + " mask "
            + Integer.toHexString(op.mask()) + ") breaks the jump rule of bits 6, 4 and " + UNCONDITIONAL_BIT);
      }
    }
  }
}
