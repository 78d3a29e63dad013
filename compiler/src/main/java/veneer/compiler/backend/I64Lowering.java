package veneer.compiler.backend;

import veneer.compiler.ir.Cond;
import veneer.compiler.ir.Op;
import veneer.compiler.ir.Value;

import static veneer.isa.Opcode.*;

/**
 * 64-bit arithmetic on register pairs [lo, hi]: add/sub with carry through sltu, multiply from
 * mul/mulhu plus the cross products, shifts masked to 6 bits as Java does (branch-free: the
 * bit-5 case is selected with a mask), comparisons from the high words then the unsigned low
 * words. Division goes to the runtime routine (see {@link BackEndPrep}).
 */
final class I64Lowering {
  private I64Lowering() {
  }

  static int[] binary(InstructionSelector s, Op op, Value av, Value bv) {
    int[] a = s.valueOf(av);
    switch (op) {
      case SHL, SHR, USHR -> {
        Long c = InstructionSelector.constantOf(bv);
        return c != null ? shiftConst(s, op, a, (int) (c & 63)) : shiftVar(s, op, a, s.regOf(bv));
      }
      default -> {
      }
    }
    int[] b = s.valueOf(bv);
    switch (op) {
      case ADD -> {
        int lo = s.r(ADD, a[0], b[0]);
        // compare with b: an accumulator a then dies at the add and keeps its register
        int carry = s.r(SLTU, lo, b[0]);
        return new int[] {lo, s.r(ADD, s.r(ADD, a[1], b[1]), carry)};
      }
      case SUB -> {
        int borrow = s.r(SLTU, a[0], b[0]);
        int lo = s.r(SUB, a[0], b[0]);
        return new int[] {lo, s.r(SUB, s.r(SUB, a[1], b[1]), borrow)};
      }
      case MUL -> {
        Integer x = narrow(s, av);
        Integer y = narrow(s, bv);
        if (x != null && y != null) {
          // both factors are sign-extended ints: the 64-bit product is mul/mulh
          return new int[] {s.r(MUL, x, y), s.r(MULH, x, y)};
        }
        int lo = s.r(MUL, a[0], b[0]);
        int hi = s.r(MULHU, a[0], b[0]);
        hi = s.r(ADD, hi, s.r(MUL, a[0], b[1]));
        hi = s.r(ADD, hi, s.r(MUL, a[1], b[0]));
        return new int[] {lo, hi};
      }
      case AND -> {
        return new int[] {s.r(AND, a[0], b[0]), s.r(AND, a[1], b[1])};
      }
      case OR -> {
        return new int[] {s.r(OR, a[0], b[0]), s.r(OR, a[1], b[1])};
      }
      case XOR -> {
        return new int[] {s.r(XOR, a[0], b[0]), s.r(XOR, a[1], b[1])};
      }
      default -> throw new IllegalStateException("i64 " + op + " must be lowered before instruction selection");
    }
  }

  /** The i32 register of a value that is a sign-extended int (i2l or a small constant), else null. */
  private static Integer narrow(InstructionSelector s, Value v) {
    if (v instanceof veneer.compiler.ir.Instr i && i.op() == Op.I2L) {
      return s.regOf(i.operand(0));
    }
    Long c = InstructionSelector.constantOf(v);
    if (c != null && c == (int) (long) c) {
      return s.constReg((int) (long) c);
    }
    return null;
  }

  static int[] neg(InstructionSelector s, int[] a) {
    int lo = s.r(SUB, 0, a[0]);
    int nz = s.r(SLTU, 0, a[0]);
    return new int[] {lo, s.r(SUB, s.r(SUB, 0, a[1]), nz)};
  }

  private static int[] shiftConst(InstructionSelector s, Op op, int[] a, int c) {
    if (c == 0) {
      return a;
    }
    if (op == Op.SHL) {
      if (c >= 32) {
        return new int[] {0, c == 32 ? a[0] : s.i(SLLI, a[0], c - 32)};
      }
      int hi = s.r(OR, s.i(SLLI, a[1], c), s.i(SRLI, a[0], 32 - c));
      return new int[] {s.i(SLLI, a[0], c), hi};
    }
    boolean arith = op == Op.SHR;
    if (c >= 32) {
      int lo = c == 32 ? a[1] : s.i(arith ? SRAI : SRLI, a[1], c - 32);
      return new int[] {lo, arith ? s.i(SRAI, a[1], 31) : 0};
    }
    int lo = s.r(OR, s.i(SRLI, a[0], c), s.i(SLLI, a[1], 32 - c));
    return new int[] {lo, s.i(arith ? SRAI : SRLI, a[1], c)};
  }

  private static int[] shiftVar(InstructionSelector s, Op op, int[] a, int n) {
    int inv = s.i(XORI, n, 31);
    int mask = s.i(SRAI, s.i(SLLI, n, 26), 31);
    if (op == Op.SHL) {
      int spill = s.r(SRL, s.i(SRLI, a[0], 1), inv);
      int h0 = s.r(OR, s.r(SLL, a[1], n), spill);
      int l0 = s.r(SLL, a[0], n);
      int hi = s.r(XOR, h0, s.r(AND, s.r(XOR, h0, l0), mask));
      int lo = s.r(AND, l0, s.i(XORI, mask, -1));
      return new int[] {lo, hi};
    }
    boolean arith = op == Op.SHR;
    int spill = s.r(SLL, s.i(SLLI, a[1], 1), inv);
    int l0 = s.r(OR, s.r(SRL, a[0], n), spill);
    int h0 = s.r(arith ? SRA : SRL, a[1], n);
    int lo = s.r(XOR, l0, s.r(AND, s.r(XOR, l0, h0), mask));
    int hi;
    if (arith) {
      int sign = s.i(SRAI, a[1], 31);
      hi = s.r(XOR, h0, s.r(AND, s.r(XOR, h0, sign), mask));
    } else {
      hi = s.r(AND, h0, s.i(XORI, mask, -1));
    }
    return new int[] {lo, hi};
  }

  /** 1 if a < b (signed 64-bit), else 0. */
  static int lessThan(InstructionSelector s, int[] a, int[] b) {
    int hlt = s.r(SLT, a[1], b[1]);
    int heq = s.i(SLTIU, s.r(XOR, a[1], b[1]), 1);
    int llt = s.r(SLTU, a[0], b[0]);
    return s.r(OR, hlt, s.r(AND, heq, llt));
  }

  static int compare(InstructionSelector s, Cond c, int[] a, int[] b) {
    switch (c) {
      case EQ, NE -> {
        int d = s.r(OR, s.r(XOR, a[0], b[0]), s.r(XOR, a[1], b[1]));
        return c == Cond.EQ ? s.i(SLTIU, d, 1) : s.r(SLTU, 0, d);
      }
      case LT -> {
        return lessThan(s, a, b);
      }
      case GE -> {
        return s.i(XORI, lessThan(s, a, b), 1);
      }
      case GT -> {
        return lessThan(s, b, a);
      }
      default -> {
        return s.i(XORI, lessThan(s, b, a), 1);
      }
    }
  }
}
