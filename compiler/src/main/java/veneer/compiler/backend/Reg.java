package veneer.compiler.backend;

/**
 * Register numbering and the back end's fixed register roles. Numbers 0..31 are the machine
 * registers x0..x31; numbers from {@link #FIRST_VIRTUAL} on are virtual registers that the
 * register allocator maps to a machine register or a stack slot.
 *
 * <p>Roles: x0 zero, x1 ra, x2 sp (per-thread stack), x3 gp (unused, kept for tools), x4 tp
 * (this hardware thread's context block in the scratchpad), x30/x31 scratch for spill code and
 * edge moves (never allocated), x5..x29 allocatable. Every allocatable register is caller-saved:
 * a value live across a call lives in a stack slot. Calls pass arguments in the caller's
 * outgoing stack area and return in x30 (low word) and x31 (high word).
 */
public final class Reg {
  public static final int ZERO = 0;
  public static final int RA = 1;
  public static final int SP = 2;
  public static final int TP = 4;
  public static final int A0 = 10;
  public static final int SCRATCH0 = 30;
  public static final int SCRATCH1 = 31;
  public static final int FIRST_ALLOCATABLE = 5;
  public static final int LAST_ALLOCATABLE = 29;
  public static final int FIRST_VIRTUAL = 32;

  private Reg() {
  }

  public static boolean isVirtual(int r) {
    return r >= FIRST_VIRTUAL;
  }

  /** Machine register text as the disassembler prints it; virtual ones as {@code v<n>}. */
  public static String name(int r) {
    return isVirtual(r) ? "v" + (r - FIRST_VIRTUAL) : "x" + r;
  }
}
