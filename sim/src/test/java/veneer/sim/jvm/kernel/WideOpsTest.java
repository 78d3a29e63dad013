package veneer.sim.jvm.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import veneer.hdl.ir.Op;
import veneer.sim.jvm.BigOps;
import veneer.sim.jvm.EdgeOperands;

/**
 * The word-by-word wide operators that used to go through {@link BigInteger} (multiply, shifts by
 * a constant or dynamic amount, comparisons, sign extension) against {@link BigOps}, on random
 * operands of random widths up to 300 bits, including operands of different widths and shift
 * amounts wider than 64 bits.
 */
class WideOpsTest {
  private static final long SEED = 0x51DE0A5L;

  @Test
  void everyOperatorMatchesBigOps() {
    Random rnd = new Random(SEED);
    for (int i = 0; i < 20_000; i++) {
      Op[] ops = {Op.MUL, Op.SHRS, Op.DSHL, Op.DSHRU, Op.DSHRS, Op.LTU, Op.LEU, Op.LTS, Op.LES, Op.SEXT};
      Op op = ops[rnd.nextInt(ops.length)];
      int aw = width(rnd);
      int bw;
      int dw;
      int param = 0;
      switch (op) {
        case MUL -> {
          bw = width(rnd);
          dw = width(rnd);
        }
        case SHRS -> {
          bw = 0;
          dw = aw;
          param = rnd.nextInt(4) == 0 ? rnd.nextInt(1000) : rnd.nextInt(aw + 1);
        }
        case DSHL, DSHRU, DSHRS -> {
          bw = rnd.nextInt(3) == 0 ? 65 + rnd.nextInt(100) : 1 + rnd.nextInt(12);
          dw = aw;
        }
        case SEXT -> {
          bw = 0;
          dw = aw + rnd.nextInt(300);
        }
        default -> {
          bw = aw;
          dw = 1;
        }
      }
      BigInteger a = EdgeOperands.of(rnd, aw);
      BigInteger b = bw == 0 ? null : rnd.nextInt(8) == 0 && bw == aw ? a : EdgeOperands.of(rnd, bw);
      if (b != null && bw > 64 && (op == Op.DSHL || op == Op.DSHRU || op == Op.DSHRS) && rnd.nextBoolean()) {
        b = BigInteger.valueOf(rnd.nextInt(aw + 2)); // a wide amount that is small
      }
      check(op, dw, a, aw, b, bw, param, i);
    }
  }

  private static void check(Op op, int dw, BigInteger a, int aw, BigInteger b, int bw, int param, int i) {
    int words = (aw + 63) / 64 + (bw + 63) / 64 + (dw + 63) / 64 + 6;
    long[] s = new long[words];
    // operands after a gap and the result after another, so nothing lines up with offset 0
    int ao = 1;
    int bo = ao + (aw + 63) / 64 + 1;
    int d = bo + (bw + 63) / 64 + 1;
    Arrays.fill(s, 0x5A5A5A5A5A5A5A5AL); // the result must overwrite whatever was there
    WideOps.store(s, ao, aw, a);
    if (b != null) {
      WideOps.store(s, bo, bw, b);
    }
    BigInteger[] args = b == null ? new BigInteger[] {a} : new BigInteger[] {a, b};
    int[] widths = b == null ? new int[] {aw} : new int[] {aw, bw};
    BigInteger expected = BigOps.eval(op, dw, args, widths, param);
    int bOff = b == null ? -1 : bo;
    switch (op) {
      case MUL -> WideOps.mul(s, d, dw, ao, aw, bOff, bw, param);
      case SHRS -> WideOps.shrs(s, d, dw, ao, aw, bOff, bw, param);
      case DSHL -> WideOps.dshl(s, d, dw, ao, aw, bOff, bw, param);
      case DSHRU -> WideOps.dshru(s, d, dw, ao, aw, bOff, bw, param);
      case DSHRS -> WideOps.dshrs(s, d, dw, ao, aw, bOff, bw, param);
      case LTU -> WideOps.ltu(s, d, dw, ao, aw, bOff, bw, param);
      case LEU -> WideOps.leu(s, d, dw, ao, aw, bOff, bw, param);
      case LTS -> WideOps.lts(s, d, dw, ao, aw, bOff, bw, param);
      case LES -> WideOps.les(s, d, dw, ao, aw, bOff, bw, param);
      case SEXT -> WideOps.sext(s, d, dw, ao, aw, bOff, bw, param);
      default -> throw new IllegalStateException(op.name());
    }
    BigInteger got = WideOps.load(s, d, dw);
    assertEquals(expected, got, () -> op + " #" + i + " a=" + a.toString(16) + " (" + aw + " bits) b="
        + (b == null ? "-" : b.toString(16) + " (" + bw + " bits)") + " param " + param + " into " + dw
        + " bits (seed " + SEED + ")");
    assertEquals(WideOps.load(new long[] {0x5A5A5A5A5A5A5A5AL}, 0, 64), WideOps.load(s, d - 1, 64),
        () -> op + " #" + i + " wrote below its result (seed " + SEED + ")");
  }

  private static int width(Random rnd) {
    return rnd.nextInt(3) == 0 ? 1 + rnd.nextInt(64) : 65 + rnd.nextInt(236);
  }

}
