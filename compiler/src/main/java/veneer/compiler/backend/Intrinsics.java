package veneer.compiler.backend;

import veneer.compiler.ir.Instr;
import veneer.compiler.ir.Intrinsic;

import java.util.EnumSet;
import java.util.Set;

import static veneer.isa.Opcode.*;

/**
 * The JDK intrinsics that become a few RV32IM instructions in place. The others are expanded
 * before selection into calls of Java implementations ({@link RuntimeHelpers}) that are then
 * inlined, or into calls of the 64-bit division routine.
 */
final class Intrinsics {
  static final Set<Intrinsic> NATIVE = EnumSet.of(Intrinsic.IMIN, Intrinsic.IMAX, Intrinsic.IABS, Intrinsic.ISUM,
      Intrinsic.ITOUNSIGNEDLONG, Intrinsic.BTOUNSIGNEDINT, Intrinsic.STOUNSIGNEDINT, Intrinsic.IDIVU,
      Intrinsic.IREMU, Intrinsic.ICOMPARE, Intrinsic.ICOMPAREU, Intrinsic.ISIGNUM, Intrinsic.ILOWESTONEBIT,
      Intrinsic.IROTL, Intrinsic.IROTR);

  private Intrinsics() {
  }

  static int[] lower(InstructionSelector s, Instr i) {
    Intrinsic in = i.intrinsic();
    int a = s.regOf(i.operand(0));
    int b = in.arity() > 1 ? s.regOf(i.operand(1)) : 0;
    switch (in) {
      case IMIN, IMAX -> {
        int m = s.r(SUB, 0, s.r(SLT, a, b));
        int x = s.r(AND, s.r(XOR, a, b), m);
        return new int[] {s.r(XOR, in == Intrinsic.IMIN ? b : a, x)};
      }
      case IABS -> {
        int sign = s.i(SRAI, a, 31);
        return new int[] {s.r(SUB, s.r(XOR, a, sign), sign)};
      }
      case ISUM -> {
        return new int[] {s.r(ADD, a, b)};
      }
      case ITOUNSIGNEDLONG -> {
        return new int[] {a, 0};
      }
      case BTOUNSIGNEDINT -> {
        return new int[] {s.i(ANDI, a, 255)};
      }
      case STOUNSIGNEDINT -> {
        return new int[] {s.i(SRLI, s.i(SLLI, a, 16), 16)};
      }
      case IDIVU -> {
        return new int[] {s.r(DIVU, a, b)};
      }
      case IREMU -> {
        return new int[] {s.r(REMU, a, b)};
      }
      case ICOMPARE -> {
        return new int[] {s.r(SUB, s.r(SLT, b, a), s.r(SLT, a, b))};
      }
      case ICOMPAREU -> {
        return new int[] {s.r(SUB, s.r(SLTU, b, a), s.r(SLTU, a, b))};
      }
      case ISIGNUM -> {
        return new int[] {s.r(SUB, s.r(SLT, 0, a), s.i(SRLI, a, 31))};
      }
      case ILOWESTONEBIT -> {
        return new int[] {s.r(AND, a, s.r(SUB, 0, a))};
      }
      case IROTL, IROTR -> {
        int negN = s.r(SUB, 0, b);
        boolean left = in == Intrinsic.IROTL;
        int x = s.r(left ? SLL : SRL, a, b);
        int y = s.r(left ? SRL : SLL, a, negN);
        return new int[] {s.r(OR, x, y)};
      }
      default -> throw new IllegalStateException("intrinsic " + in + " must be expanded before instruction selection");
    }
  }
}
