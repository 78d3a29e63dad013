package veneer.compiler.pass;

import veneer.compiler.ir.Block;
import veneer.compiler.ir.Const;
import veneer.compiler.ir.Function;
import veneer.compiler.ir.Instr;
import veneer.compiler.ir.IrType;
import veneer.compiler.ir.KernelIr;
import veneer.compiler.ir.Loc;
import veneer.compiler.ir.Op;
import veneer.compiler.ir.Value;

import java.util.ArrayList;

/**
 * Replaces multiplication, division and remainder by constants with cheaper operations, exactly
 * as Java defines them (division truncates toward zero, the remainder takes the dividend's sign):
 * <ul>
 *   <li>{@code x * 2^k} to a shift, {@code x * (2^k ± 1)} to shift and add/subtract, {@code x*0},
 *       {@code x*1}, {@code x*-1};</li>
 *   <li>{@code x / ±2^k} to a biased arithmetic shift, {@code x % ±2^k} to a biased mask;</li>
 *   <li>i32 {@code x / c} and {@code x % c} for other constants to a multiply-high by a magic
 *       number (Hacker's Delight, chapter 10).</li>
 * </ul>
 */
public final class StrengthReduction implements Pass {
  @Override
  public String name() {
    return "strength-reduction";
  }

  @Override
  public void run(KernelIr ir) {
    for (Function f : ir.functions()) {
      for (Block b : f.blocks()) {
        for (Instr i : new ArrayList<>(b.instrs())) {
          Value r = reduce(i);
          if (r != null && r != i) {
            f.replaceUses(i, r);
            b.remove(i);
          }
        }
      }
    }
  }

  private static Value reduce(Instr i) {
    if (i.op() != Op.MUL && i.op() != Op.DIV && i.op() != Op.REM) {
      return null;
    }
    IrType t = i.type();
    if (i.op() == Op.MUL && i.operand(0) instanceof Const c && !(i.operand(1) instanceof Const)) {
      return mul(i, i.operand(1), c.bits(), t);
    }
    if (!(i.operand(1) instanceof Const c) || i.operand(0) instanceof Const) {
      return null;
    }
    long d = c.bits();
    return switch (i.op()) {
      case MUL -> mul(i, i.operand(0), d, t);
      case DIV -> div(i, i.operand(0), d, t);
      default -> rem(i, i.operand(0), d, t);
    };
  }

  private static Const k(IrType t, long v) {
    return Const.of(t, v);
  }

  private static Instr before(Instr at, Instr n) {
    return at.block().insertBefore(at, n);
  }

  private static Instr op(Instr at, Op op, IrType t, Value a, Value b) {
    return before(at, new Instr(op, t, at.loc(), a, b));
  }

  private static int bits(IrType t) {
    return t == IrType.I64 ? 64 : 32;
  }

  /** log2 of |d| if |d| is a power of two (|MIN| counts), else -1. */
  private static int log2Abs(long d, IrType t) {
    long mag = t == IrType.I64 ? d : (long) (int) d;
    if (mag == Long.MIN_VALUE) {
      return 63;
    }
    mag = Math.abs(mag);
    return mag != 0 && (mag & (mag - 1)) == 0 ? Long.numberOfTrailingZeros(mag) : -1;
  }

  private static Value mul(Instr at, Value x, long d, IrType t) {
    Loc loc = at.loc();
    if (d == 0) {
      return k(t, 0);
    }
    if (d == 1) {
      return x;
    }
    if (d == -1) {
      return before(at, new Instr(Op.NEG, t, loc, x));
    }
    if (d > 0 && (d & (d - 1)) == 0) {
      return op(at, Op.SHL, t, x, Const.i32(Long.numberOfTrailingZeros(d)));
    }
    if (d > 2 && ((d - 1) & (d - 2)) == 0) {
      Instr s = op(at, Op.SHL, t, x, Const.i32(Long.numberOfTrailingZeros(d - 1)));
      return op(at, Op.ADD, t, s, x);
    }
    if (d > 0 && ((d + 1) & d) == 0 && d + 1 > 0) {
      Instr s = op(at, Op.SHL, t, x, Const.i32(Long.numberOfTrailingZeros(d + 1)));
      return op(at, Op.SUB, t, s, x);
    }
    return null;
  }

  /** (x + bias) where bias = 2^k - 1 for negative x, else 0: rounds the shift toward zero. */
  private static Instr biased(Instr at, Value x, int k, IrType t) {
    int w = bits(t);
    Instr sign = op(at, Op.SHR, t, x, Const.i32(w - 1));
    Instr bias = op(at, Op.USHR, t, sign, Const.i32(w - k));
    return op(at, Op.ADD, t, x, bias);
  }

  private static Value div(Instr at, Value x, long d, IrType t) {
    if (d == 0) {
      return null;
    }
    if (d == 1) {
      return x;
    }
    if (d == -1) {
      return before(at, new Instr(Op.NEG, t, at.loc(), x));
    }
    int k = log2Abs(d, t);
    if (k > 0) {
      Instr q = op(at, Op.SHR, t, biased(at, x, k, t), Const.i32(k));
      return d < 0 ? before(at, new Instr(Op.NEG, t, at.loc(), q)) : q;
    }
    if (t == IrType.I32) {
      return magicDiv(at, x, (int) d);
    }
    return null;
  }

  private static Value rem(Instr at, Value x, long d, IrType t) {
    if (d == 0) {
      return null;
    }
    if (d == 1 || d == -1) {
      return k(t, 0);
    }
    int k = log2Abs(d, t);
    if (k > 0) {
      Instr rounded = op(at, Op.AND, t, biased(at, x, k, t), k(t, -1L << k));
      return op(at, Op.SUB, t, x, rounded);
    }
    if (t == IrType.I32) {
      Value q = magicDiv(at, x, (int) d);
      Instr qd = op(at, Op.MUL, t, q, Const.i32((int) d));
      return op(at, Op.SUB, t, x, qd);
    }
    return null;
  }

  /** Signed i32 division by a constant that is not 0, ±1 or ±2^k. */
  private static Value magicDiv(Instr at, Value x, int d) {
    long[] ms = magic(d);
    int m = (int) ms[0];
    int s = (int) ms[1];
    IrType t = IrType.I32;
    Value q = op(at, Op.MULHI, t, x, Const.i32(m));
    if (d > 0 && m < 0) {
      q = op(at, Op.ADD, t, q, x);
    } else if (d < 0 && m > 0) {
      q = op(at, Op.SUB, t, q, x);
    }
    if (s > 0) {
      q = op(at, Op.SHR, t, q, Const.i32(s));
    }
    // add one when the quotient is negative, to truncate toward zero
    Instr sign = op(at, Op.USHR, t, d > 0 ? x : q, Const.i32(31));
    if (d > 0) {
      // for d > 0 the quotient is negative exactly when x is
      return op(at, Op.ADD, t, q, sign);
    }
    return op(at, Op.ADD, t, q, sign);
  }

  /** Magic multiplier and shift for signed division by d (|d| >= 2), Hacker's Delight 10-1. */
  static long[] magic(int d) {
    final long two31 = 0x80000000L;
    final long mask = 0xFFFFFFFFL;
    long ad = Math.abs((long) d);
    long t = two31 + ((d & mask) >>> 31);
    long anc = t - 1 - t % ad;
    int p = 31;
    long q1 = two31 / anc;
    long r1 = two31 - q1 * anc;
    long q2 = two31 / ad;
    long r2 = two31 - q2 * ad;
    long delta;
    do {
      p++;
      q1 = (2 * q1) & mask;
      r1 = (2 * r1) & mask;
      if (Long.compareUnsigned(r1, anc) >= 0) {
        q1 = (q1 + 1) & mask;
        r1 = (r1 - anc) & mask;
      }
      q2 = (2 * q2) & mask;
      r2 = (2 * r2) & mask;
      if (Long.compareUnsigned(r2, ad) >= 0) {
        q2 = (q2 + 1) & mask;
        r2 = (r2 - ad) & mask;
      }
      delta = ad - r2;
    } while (q1 < delta || (q1 == delta && r1 == 0));
    int m = (int) (q2 + 1);
    if (d < 0) {
      m = -m;
    }
    return new long[] {m, p - 32};
  }
}
