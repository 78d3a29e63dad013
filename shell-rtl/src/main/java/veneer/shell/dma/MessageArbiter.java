package veneer.shell.dma;

import veneer.hdl.Bool;
import veneer.hdl.Module;
import veneer.shell.pcie.MessageWrite;

/**
 * Merges two one-DW write streams, alternating when both wait. A message is one beat, so the
 * choice can change every cycle; it is held while the chosen message waits.
 *
 * <pre>{@code
 * MessageArbiter arb = instance("arb", new MessageArbiter());
 * Bundle.connect(h2c.status, arb.a);
 * }</pre>
 */
public final class MessageArbiter extends Module {
  public final MessageWrite a;
  public final MessageWrite b;
  public final MessageWrite out;

  public MessageArbiter() {
    a = slave("a", MessageWrite::new);
    b = slave("b", MessageWrite::new);
    out = master("out", MessageWrite::new);
    Bool preferB = reg("prefer_b", Bool(), 0);
    Bool holding = reg("holding", Bool(), 0);
    Bool heldB = reg("held_b", Bool(), 0);
    Bool pickB = holding.mux(heldB, b.valid.and(a.valid.not().or(preferB)));
    out.valid.assign(pickB.mux(b.valid, a.valid));
    out.address.assign(pickB.mux(b.address, a.address));
    out.data.assign(pickB.mux(b.data, a.data));
    a.ready.assign(pickB.not().and(out.ready));
    b.ready.assign(pickB.and(out.ready));
    holding.assign(out.valid.and(out.ready.not()));
    heldB.assign(pickB);
    when(out.valid.and(out.ready), () -> preferB.assign(pickB.not()));
  }
}
