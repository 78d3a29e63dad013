package veneer.overlay.pe;

import veneer.hdl.Bool;
import veneer.hdl.Module;
import veneer.hdl.UInt;

/**
 * The PE's one iterative divider, shared by its threads: restoring division, one quotient bit
 * per cycle (32 cycles), on the dividend's magnitude and the divisor as it is (each step
 * subtracts it, or adds it when it is negative), with the signs fixed at the end. It holds
 * its result until {@link #ack}; while {@link #busy} a new division must wait (the PE replays
 * the instruction). Division by zero gives quotient -1 and remainder = dividend, and
 * -2^31 / -1 gives quotient -2^31 and remainder 0, as the RISC-V M extension says.
 *
 * <pre>{@code
 * Divider div = instance("div", new Divider(tidBits));
 * div.start.assign(go); div.op.assign(sub); div.a.assign(x); div.b.assign(y); div.startTid.assign(tid);
 * div.ack.assign(taken); div.cancel.assign(restart);   // div.done, div.result, div.tid
 * }</pre>
 */
public final class Divider extends Module {
  public final Bool start = input("start", Bool());
  public final UInt startTid;
  public final UInt op = input("op", UInt(MicroOp.SUB_WIDTH));
  public final UInt a = input("a", UInt(32));
  public final UInt b = input("b", UInt(32));
  /** The result has been taken: the divider is free from the next cycle. */
  public final Bool ack = input("ack", Bool());
  /** Drop the division in progress or the result held (a new launch starts). */
  public final Bool cancel = input("cancel", Bool());
  /** Dividing or holding a result: a start now would be ignored. */
  public final Bool busy = output("busy", Bool());
  public final Bool done = output("done", Bool());
  public final UInt tid;
  /** The signed result while {@link #done}; meaningless otherwise. */
  public final UInt result = output("result", UInt(32));

  public Divider(int tidBits) {
    startTid = input("start_tid", UInt(tidBits));
    tid = output("tid", UInt(tidBits));
    Bool running = reg("running", Bool(), 0);
    Bool holding = reg("holding", Bool(), 0);
    UInt count = reg("count", UInt(6), 0);
    UInt rem = reg("rem", UInt(32));
    UInt quot = reg("quot", UInt(32));
    UInt divisor = reg("divisor", UInt(32));
    // The result's sign: a remainder's is the dividend's; a quotient's is set by its first step
    // that does not fit (below).
    Bool negResult = reg("neg_result", Bool());
    Bool divisorNeg = reg("divisor_neg", Bool());
    Bool wantRem = reg("want_rem", Bool());
    // The quotient's sign is set only by a step that does not fit. Dividing by zero every step
    // fits, and the quotient of all ones must not be negated; a signed division by anything
    // else has a step that does not fit (|dividend| <= 2^31 cannot give 32 ones). So a flag
    // instead of a 32-bit compare of the divisor with zero.
    Bool quotientNegative = reg("quotient_negative", Bool());
    UInt owner = reg("owner", UInt(tidBits));

    Bool signed = op.eq(MicroOp.DivOp.DIV.ordinal()).or(op.eq(MicroOp.DivOp.REM.ordinal()));
    Bool remOp = op.eq(MicroOp.DivOp.REM.ordinal()).or(op.eq(MicroOp.DivOp.REMU.ordinal()));
    Bool aNeg = signed.and(a.bit(31));
    Bool bNeg = signed.and(b.bit(31));
    // Neither running nor holding, as a register of its own so that the negation's operand
    // mux sees one select rather than two.
    Bool idle = reg("idle", Bool(), 1);

    // One negation serves both ends: while idle it makes the dividend's magnitude for a start,
    // while holding the signed result (the result port is read only while holding).
    UInt magnitude = wantRem.mux(rem, quot);
    Bool negate = idle.mux(aNeg, negResult);
    UInt negIn = idle.mux(a, magnitude);
    // ~x + 1 or x + 0, the carry-in entering through a bit below the operand.
    UInt negOut = lit(0, UInt(32)).cat(negate).add(negate.mux(negIn.not(), negIn).cat(negate)).bits(32, 1);

    // One adder: the partial remainder fits the divisor when remainder - |divisor| is not
    // negative. The divisor is kept as it came: -|divisor| is the divisor itself, sign-extended,
    // when it is negative, and ~divisor + 1 when not (the inversion costs the adder's LUTs nothing).
    UInt shifted = rem.cat(quot.bit(31));
    UInt minusDivisor = lit(3, UInt(2)).cat(divisorNeg.mux(divisor, divisor.not()));
    // The carry-in enters through a bit below the operands, as in the ALU.
    UInt difference = shifted.extend(34).cat(lit(1, Bool())).add(minusDivisor.cat(divisorNeg.not()))
        .bits(34, 1);
    Bool fits = difference.bit(33).not();
    UInt reduced = fits.mux(difference.bits(31, 0), shifted.bits(31, 0));
    when(running, () -> {
      rem.assign(reduced);
      quot.assign(quot.bits(30, 0).cat(fits));
      when(fits.not().and(wantRem.not()), () -> negResult.assign(quotientNegative));
      count.assign(count.add(1));
      when(count.eq(31), () -> {
        running.assign(lit(0, Bool()));
        holding.assign(lit(1, Bool()));
      });
    });
    // After the steps, so that clearing rem is its flip-flops' reset with priority over their
    // enable (running), as the FDRE has it: the other order costs a LUT per bit. A start comes
    // only while idle, so the order changes nothing else.
    when(start.and(idle), () -> {
      running.assign(lit(1, Bool()));
      idle.assign(lit(0, Bool()));
      count.assign(0);
      rem.assign(0);
      quot.assign(negOut);
      divisor.assign(b);
      divisorNeg.assign(bNeg);
      negResult.assign(remOp.and(aNeg));
      quotientNegative.assign(aNeg.xor(bNeg));
      wantRem.assign(remOp);
      owner.assign(startTid);
    });
    when(holding.and(ack), () -> {
      holding.assign(lit(0, Bool()));
      idle.assign(lit(1, Bool()));
    });
    when(cancel, () -> {
      running.assign(lit(0, Bool()));
      holding.assign(lit(0, Bool()));
      idle.assign(lit(1, Bool()));
    });

    busy.assign(idle.not());
    done.assign(holding);
    tid.assign(owner);
    result.assign(negOut);
  }
}
