package veneer.overlay.pe;

import veneer.hdl.Bool;
import veneer.hdl.Module;
import veneer.hdl.UInt;

/**
 * The PE's one iterative divider, shared by its threads: restoring division, one quotient bit
 * per cycle (32 cycles after the start), on the magnitudes of the operands. It gives the
 * magnitude of the result the operation wants (the quotient for DIV and DIVU, the remainder for
 * REM and REMU) and whether it is to be negated; the PE applies the sign with its ALU when the
 * division issues again to collect the result ({@code 0 - magnitude} or {@code 0 + magnitude}).
 * So the signed result of the operation is {@code negate ? -result : result}. Division by zero
 * gives quotient -1 and remainder = dividend, and -2^31 / -1 gives quotient -2^31 and remainder
 * 0, as the RISC-V M extension says.
 *
 * <p>It holds its result until {@link #ack}; while {@link #busy} a new division must wait (the
 * PE replays the instruction). {@link #result} and {@link #negate} do not change while
 * {@link #done}, so the PE may read them a cycle before it takes the result.
 *
 * <pre>{@code
 * Divider div = instance("div", new Divider(tidBits));
 * div.start.assign(go); div.op.assign(funct3Low); div.a.assign(x); div.b.assign(y); div.startTid.assign(tid);
 * div.ack.assign(taken); div.cancel.assign(restart);
 * // div.done, div.tid, div.result, div.negate
 * }</pre>
 */
public final class Divider extends Module {
  public final Bool start = input("start", Bool());
  public final UInt startTid;
  /** The operation, {@link MicroOp.DivOp}'s ordinal: funct3's low bits (bit 0 unsigned, bit 1 remainder). */
  public final UInt op = input("op", UInt(2));
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
  /** The magnitude of the quotient (DIV, DIVU) or of the remainder (REM, REMU) while {@link #done}. */
  public final UInt result = output("result", UInt(32));
  /** The signed result is the magnitude negated. */
  public final Bool negate = output("negate", Bool());

  public Divider(int tidBits) {
    startTid = input("start_tid", UInt(tidBits));
    tid = output("tid", UInt(tidBits));
    Bool running = reg("running", Bool(), 0);
    Bool holding = reg("holding", Bool(), 0);
    // Neither running nor holding, as a register of its own: it chooses the adder's operand.
    Bool idle = reg("idle", Bool(), 1);
    UInt count = reg("count", UInt(5), 0);
    // The partial remainder, then the result (see the last step); 0 whenever the divider is
    // idle (see the adder).
    UInt rem = reg("rem", UInt(32), 0);
    UInt quot = reg("quot", UInt(32));
    // The dividend's magnitude, read one bit a step by the step count: a 32:1 mux instead of a
    // load-or-shift mux on every bit of a register that would shift the dividend out.
    UInt dividend = reg("dividend", UInt(32));
    UInt divisor = reg("divisor", UInt(32));
    // The result's sign: a remainder's is the dividend's; a quotient's is set by its first step
    // that does not fit (below).
    Bool negResult = reg("neg_result", Bool());
    Bool divisorNeg = reg("divisor_neg", Bool());
    Bool remOp = reg("rem_op", Bool());
    // The quotient's sign is set only by a step that does not fit. Dividing by zero every step
    // fits, and the quotient of all ones must not be negated; a signed division by anything
    // else has a step that does not fit (|dividend| <= 2^31 cannot give 32 ones). So a flag
    // instead of a 32-bit compare of the divisor with zero.
    Bool quotientNegative = reg("quotient_negative", Bool());
    UInt owner = reg("owner", UInt(tidBits));

    if (MicroOp.DivOp.DIVU.ordinal() != 1 || MicroOp.DivOp.REM.ordinal() != 2 || MicroOp.DivOp.REMU.ordinal() != 3) {
      throw new IllegalStateException("Divider decodes DivOp's ordinals as funct3's low bits");
    }
    Bool signed = op.bit(0).not();
    Bool remStart = op.bit(1);
    Bool aNeg = signed.and(a.bit(31));
    Bool bNeg = signed.and(b.bit(31));

    // One adder. While running it is the step: the shifted partial remainder fits the divisor
    // when remainder - |divisor| is not negative; the divisor is kept as it came (-|divisor| is
    // the divisor itself, sign-extended, when it is negative, and ~divisor + 1 when not). While
    // idle the partial remainder is 0 and the adder gives the magnitude of the dividend at the
    // port, (a ^ sign) + sign, which a start stores: so no negation circuit of its own. Both
    // choices sit in the adder's per-bit LUT, whose first operand stays a plain register.
    Bool next = running.and(bitAt(dividend, count.not()));
    UInt shifted = rem.cat(next);
    // x ^ invert + invert: -|divisor| (invert when the divisor is not negative) or |a|. One
    // invert signal rather than two sign choices keeps the adder's LUT at five inputs.
    Bool invert = idle.mux(aNeg, divisorNeg.not());
    UInt operand = idle.not().cat(idle.not(), invert.mux(idle.mux(a, divisor).not(), idle.mux(a, divisor)));
    // The carry-in enters through a bit below the operands, as in the ALU.
    UInt sum = shifted.extend(34).cat(lit(1, Bool())).add(operand.cat(invert)).bits(34, 1);
    Bool fits = sum.bit(33).not();
    UInt reduced = fits.mux(sum.bits(31, 0), shifted.bits(31, 0));
    when(running, () -> {
      rem.assign(reduced);
      quot.assign(quot.bits(30, 0).cat(fits));
      // A quotient goes into the partial remainder's register with its last bit, so that the
      // PE reads one result (one input of its operand LUT, no choice): two more inputs of the
      // LUT that is the fits mux.
      when(count.eq(31).and(remOp.not()), () -> rem.assign(quot.bits(30, 0).cat(fits)));
      when(fits.not().and(remOp.not()), () -> negResult.assign(quotientNegative));
      count.assign(count.add(1));
      when(count.eq(31), () -> {
        running.assign(lit(0, Bool()));
        holding.assign(lit(1, Bool()));
      });
    });
    when(start.and(idle), () -> {
      running.assign(lit(1, Bool()));
      idle.assign(lit(0, Bool()));
      count.assign(0);
      dividend.assign(sum.bits(31, 0));
      divisor.assign(b);
      divisorNeg.assign(bNeg);
      negResult.assign(remStart.and(aNeg));
      quotientNegative.assign(aNeg.xor(bNeg));
      remOp.assign(remStart);
      owner.assign(startTid);
    });
    // Leaving the result clears the partial remainder for the next start (its flip-flops'
    // reset: it has priority over their enable, as the FDRE has it).
    when(holding.and(ack), () -> {
      holding.assign(lit(0, Bool()));
      idle.assign(lit(1, Bool()));
      rem.assign(0);
    });
    when(cancel, () -> {
      running.assign(lit(0, Bool()));
      holding.assign(lit(0, Bool()));
      idle.assign(lit(1, Bool()));
      rem.assign(0);
    });

    busy.assign(idle.not());
    done.assign(holding);
    tid.assign(owner);
    result.assign(rem);
    negate.assign(negResult);
  }

  /**
   * Bit {@code index} of {@code word} as a tree of 2:1 muxes, which ABC maps into fewer LUTs than
   * the shift it would otherwise get.
   */
  private static Bool bitAt(UInt word, UInt index) {
    Bool[] level = new Bool[word.width()];
    for (int i = 0; i < level.length; i++) {
      level[i] = word.bit(i);
    }
    for (int k = 0; level.length > 1; k++) {
      Bool[] up = new Bool[level.length / 2];
      for (int i = 0; i < up.length; i++) {
        up[i] = index.bit(k).mux(level[2 * i + 1], level[2 * i]);
      }
      level = up;
    }
    return level[0];
  }
}
