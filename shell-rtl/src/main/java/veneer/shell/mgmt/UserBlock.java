package veneer.shell.mgmt;

import veneer.hdl.Bool;
import veneer.hdl.Bundle;
import veneer.hdl.Module;
import veneer.hdl.UInt;
import veneer.hdl.bus.AxiLite;
import veneer.hdl.bus.AxiLiteRegisterFile;

/**
 * The user function's Shell registers (PF1 BAR2, {@link UserRegisters}): identity, the user
 * interrupt register, a scratch register. {@code userIrq} carries one-cycle pulses, bit n for
 * vector n, to the interrupt block.
 *
 * <pre>{@code
 * UserBlock user = instance("user", new UserBlock());
 * Bundle.connect(endpoint.region("user"), user.regs);
 * }</pre>
 */
public final class UserBlock extends Module {
  public final AxiLite regs;
  public final UInt userIrq = output("user_irq", UInt(32));

  public UserBlock() {
    regs = slave("regs", () -> new AxiLite(12, 32));
    AxiLiteRegisterFile file = instance("file", new AxiLiteRegisterFile("UserRegisters", 12, 32,
        UserRegisters.MAP.decls()));
    Bundle.connect(regs, file.s);
    file.port("ident").assign(lit(UserRegisters.IDENT, UInt(32)));
    UInt irq = file.port("user_irq");
    userIrq.assign(irq);
    UInt count = reg("irq_count", UInt(32), 0);
    Bool any = irq.orR();
    when(any, () -> count.assign(count.add(1)));
    file.port("user_irq_count").assign(count);
  }
}
