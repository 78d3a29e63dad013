package veneer.overlay.memory;

import veneer.hdl.Bool;
import veneer.hdl.Module;
import veneer.hdl.UInt;

/**
 * Picks one of {@code n} requests per cycle, round robin: the first requester after the last
 * winner. The choice is combinational; {@code advance} (the grant was used) moves the pointer.
 * A <em>sticky</em> arbiter keeps an unused grant until it is used, so a valid that waits for
 * ready keeps its payload stable (AXI requires it); its requesters must then hold their requests.
 *
 * <pre>{@code
 * RoundRobinArbiter arb = instance("arb", new RoundRobinArbiter(4));
 * arb.request.assign(valids); arb.advance.assign(out.fire());   // arb.grant is one-hot
 * }</pre>
 */
public final class RoundRobinArbiter extends Module {
  public final UInt request;
  public final Bool advance = input("advance", Bool());
  /** One-hot winner, 0 when nobody requests. */
  public final UInt grant;
  /** Index of the winner (0 when nobody requests). */
  public final UInt index;
  public final Bool any = output("any", Bool());

  /** A non-sticky arbiter: the choice is made afresh every cycle. */
  public RoundRobinArbiter(int n) {
    this(n, false);
  }

  public RoundRobinArbiter(int n, boolean sticky) {
    if (n < 1 || n > 32) {
      throw new IllegalArgumentException("a round-robin arbiter has 1 to 32 requesters, found " + n);
    }
    int ib = indexBits(n);
    request = input("request", UInt(n));
    grant = output("grant", UInt(n));
    index = output("index", UInt(ib));
    UInt last = reg("last", UInt(ib), n - 1);
    // Requests above the last winner come first; otherwise the lowest request wins.
    UInt above = lit(0, UInt(n));
    for (int i = 0; i < n; i++) {
      above = last.lt(i).mux(above.or(1L << i), above);
    }
    UInt high = request.and(above);
    UInt pool = high.orR().mux(high, request);
    UInt fresh = pool.and(pool.not().add(1));
    UInt onehot = fresh;
    if (sticky) {
      UInt held = reg("held", UInt(n), 0);
      onehot = held.orR().mux(held, fresh);
      UInt choice = onehot;
      held.assign(advance.mux(lit(0, UInt(n)), choice));
    }
    grant.assign(onehot);
    UInt idx = lit(0, UInt(ib));
    for (int i = 1; i < n; i++) {
      idx = onehot.bit(i).mux(lit(i, UInt(ib)), idx);
    }
    index.assign(idx);
    any.assign(request.orR());
    UInt chosen = idx;
    when(advance.and(request.orR()), () -> last.assign(chosen));
  }

  /** Bits to number {@code n} things (at least 1). */
  public static int indexBits(int n) {
    return Math.max(1, 32 - Integer.numberOfLeadingZeros(n - 1));
  }
}
