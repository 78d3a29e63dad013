package veneer.shell.dma;

import veneer.hdl.Bool;
import veneer.hdl.Module;
import veneer.shell.pcie.TransferCommand;

/**
 * Merges two command streams, alternating when both wait. A command is one beat, so the
 * choice can change every cycle; it is held while the chosen command waits.
 *
 * <pre>{@code
 * CommandArbiter arb = instance("arb", new CommandArbiter());
 * Bundle.connect(h2c.rdCmd, arb.a);
 * }</pre>
 */
public final class CommandArbiter extends Module {
  public final TransferCommand a;
  public final TransferCommand b;
  public final TransferCommand out;

  public CommandArbiter() {
    a = slave("a", TransferCommand::new);
    b = slave("b", TransferCommand::new);
    out = master("out", TransferCommand::new);
    Bool preferB = reg("prefer_b", Bool(), 0);
    Bool holding = reg("holding", Bool(), 0);
    Bool heldB = reg("held_b", Bool(), 0);
    Bool pickB = holding.mux(heldB, b.valid.and(a.valid.not().or(preferB)));
    out.valid.assign(pickB.mux(b.valid, a.valid));
    out.address.assign(pickB.mux(b.address, a.address));
    out.beats.assign(pickB.mux(b.beats, a.beats));
    out.ctx.assign(pickB.mux(b.ctx, a.ctx));
    a.ready.assign(pickB.not().and(out.ready));
    b.ready.assign(pickB.and(out.ready));
    holding.assign(out.valid.and(out.ready.not()));
    heldB.assign(pickB);
    when(out.valid.and(out.ready), () -> preferB.assign(pickB.not()));
  }
}
