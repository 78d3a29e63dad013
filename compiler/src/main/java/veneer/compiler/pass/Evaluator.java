package veneer.compiler.pass;

import veneer.compiler.ir.Instr;
import veneer.compiler.ir.IrType;

/**
 * Computes an instruction's result from constant operands with Java semantics, or says it cannot
 * (operands unknown, an operation that traps or reads state). Shared by the folding passes.
 */
final class Evaluator {
  private Evaluator() {
  }

  /** The result bits (i32 sign-extended, i1 as 0/1), or null if it must not be folded. */
  static Long evaluate(Instr in, long[] a) {
    boolean w = in.type() == IrType.I64;
    return switch (in.op()) {
      case ADD -> w ? a[0] + a[1] : (long) (int) (a[0] + a[1]);
      case SUB -> w ? a[0] - a[1] : (long) (int) (a[0] - a[1]);
      case MUL -> w ? a[0] * a[1] : (long) ((int) a[0] * (int) a[1]);
      case MULHI -> (long) (int) ((a[0] * a[1]) >> 32);
      case DIV -> a[1] == 0 ? null : w ? a[0] / a[1] : (long) ((int) a[0] / (int) a[1]);
      case REM -> a[1] == 0 ? null : w ? a[0] % a[1] : (long) ((int) a[0] % (int) a[1]);
      case AND -> a[0] & a[1];
      case OR -> a[0] | a[1];
      case XOR -> a[0] ^ a[1];
      case SHL -> w ? a[0] << a[1] : (long) ((int) a[0] << (int) a[1]);
      case SHR -> w ? a[0] >> a[1] : (long) ((int) a[0] >> (int) a[1]);
      case USHR -> w ? a[0] >>> a[1] : (long) ((int) a[0] >>> (int) a[1]);
      case NEG -> w ? -a[0] : (long) -(int) a[0];
      case I2L -> a[0];
      case L2I -> (long) (int) a[0];
      case I2B -> (long) (byte) a[0];
      case I2S -> (long) (short) a[0];
      case I2C -> (long) (char) a[0];
      case ICMP -> in.operand(0).type().isRef() ? null : (in.cond().test(a[0], a[1]) ? 1L : 0L);
      case LCMP -> (long) Long.compare(a[0], a[1]);
      case INTRINSIC -> in.intrinsic().divides() && a[a.length - 1] == 0 ? null : in.intrinsic().apply(a);
      default -> null;
    };
  }
}
