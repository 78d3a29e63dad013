package veneer.shell.pcie;

import veneer.hdl.Bool;
import veneer.hdl.Module;

/**
 * Merges two TLP streams into one, a whole packet at a time, alternating between the inputs
 * when both have packets waiting (round robin), so neither can starve the other.
 *
 * <pre>{@code
 * TlpArbiter arb = instance("tx_arb", new TlpArbiter(256));
 * Bundle.connect(completer.cpl, arb.a);
 * Bundle.connect(requests, arb.b);
 * Bundle.connect(arb.out, tx);
 * }</pre>
 */
public final class TlpArbiter extends Module {
  public final Tlp a;
  public final Tlp b;
  public final Tlp out;

  public TlpArbiter(int dataWidth) {
    a = slave("a", () -> new Tlp(dataWidth));
    b = slave("b", () -> new Tlp(dataWidth));
    out = master("out", () -> new Tlp(dataWidth));
    Bool busy = reg("busy", Bool(), 0);        // in the middle of a packet
    Bool holdB = reg("hold_b", Bool(), 0);     // which input owns the packet in flight
    Bool preferB = reg("prefer_b", Bool(), 0); // whose turn it is when both wait
    Bool pickB = busy.mux(holdB, b.valid.and(a.valid.not().or(preferB)));
    TlpPacking.unpack(pickB.mux(TlpPacking.pack(b), TlpPacking.pack(a)), out);
    out.valid.assign(pickB.mux(b.valid, a.valid));
    a.ready.assign(pickB.not().and(out.ready));
    b.ready.assign(pickB.and(out.ready));
    when(out.fire(), () -> {
      busy.assign(out.last.not());
      holdB.assign(pickB);
      when(out.last, () -> preferB.assign(pickB.not()));
    });
  }
}
