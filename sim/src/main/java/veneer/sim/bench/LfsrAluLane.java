package veneer.sim.bench;

import java.math.BigInteger;
import veneer.hdl.Bool;
import veneer.hdl.Module;
import veneer.hdl.UInt;

/**
 * One lane of {@link LfsrAluLanes}: a Galois LFSR feeds a three-stage pipeline (operand
 * registers, an eight-operation ALU selected by LFSR bits, an accumulator), which reads and
 * writes the shared memory at LFSR-chosen addresses.
 */
public final class LfsrAluLane extends Module {
  final UInt rdata;
  final UInt raddr = output("raddr", UInt(8));
  final UInt waddr = output("waddr", UInt(8));
  final UInt wdata;
  final Bool we = output("we", Bool());
  final UInt acc;

  LfsrAluLane(int width, long seed) {
    if (width != 32 && width != 64) {
      throw new IllegalArgumentException("LFSR lanes are 32 or 64 bits wide, found " + width);
    }
    rdata = input("rdata", UInt(width));
    wdata = output("wdata", UInt(width));
    acc = output("acc", UInt(width));
    // x^32 + x^22 + x^2 + x + 1 and x^64 + x^63 + x^61 + x^60 + 1, maximal length
    long taps = width == 32 ? 0x80200003L : 0xD800000000000000L;
    UInt lfsr = reg("lfsr", UInt(width), seed);
    UInt shifted = lfsr.shr(1);
    lfsr.assign(lfsr.bit(0).mux(shifted.xor(lit(new BigInteger(Long.toUnsignedString(taps)), UInt(width))), shifted));

    UInt accumulator = reg("accumulator", UInt(width), 0);
    UInt a1 = regNext("a1", lfsr);
    UInt b1 = regNext("b1", accumulator.xor(rdata));
    UInt op1 = regNext("op1", lfsr.bits(2, 0));

    UInt amount = b1.bits(5, 0);
    UInt result = op1.eq(0).mux(a1.add(b1),
        op1.eq(1).mux(a1.sub(b1),
        op1.eq(2).mux(a1.xor(b1),
        op1.eq(3).mux(a1.and(b1),
        op1.eq(4).mux(a1.or(b1),
        op1.eq(5).mux(a1.shl(amount),
        op1.eq(6).mux(a1.shr(amount), a1.mul(b1))))))));
    UInt r2 = regNext("r2", result);
    accumulator.assign(accumulator.add(r2).xor(r2.shr(7)));

    raddr.assign(lfsr.bits(7, 0));
    waddr.assign(a1.bits(15, 8));
    wdata.assign(r2);
    we.assign(lfsr.bit(9));
    acc.assign(accumulator);
  }
}
