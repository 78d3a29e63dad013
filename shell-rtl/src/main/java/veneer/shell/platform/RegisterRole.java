package veneer.shell.platform;

import java.util.ArrayList;
import java.util.List;
import veneer.hdl.Bundle;
import veneer.hdl.Data;
import veneer.hdl.UInt;
import veneer.hdl.bus.AxiLiteRegisterFile;
import veneer.hdl.bus.RegisterDecl;
import veneer.shell.role.KernelControl;
import veneer.shell.role.RoleParams;
import veneer.shell.role.RoleVariant;

/**
 * A second Role variant for the simulated platform, so partial reconfiguration has something
 * to switch to: a register file (an id, interrupt lines the host sets, sixteen scratch
 * registers) and no DRAM traffic. Its id sits at the offset of {@link KernelControl#KERNEL_ID},
 * so the host identifies either variant with one read.
 *
 * <table>
 *   <tr><th>Offset</th><th>Register</th></tr>
 *   <tr><td>0x14</td><td>ROLE_ID, read only: {@link #ID} ("REGS")</td></tr>
 *   <tr><td>0x20</td><td>IRQ, read/write: drives the Role's interrupt lines</td></tr>
 *   <tr><td>0x40 + 4i</td><td>SCRATCH i (0 to 15), read/write</td></tr>
 * </table>
 *
 * <pre>{@code
 * new VariantSpec(2, RegisterRole::new)
 * }</pre>
 */
public final class RegisterRole extends RoleVariant {
  /** What ROLE_ID reads: "REGS". */
  public static final long ID = 0x5245_4753L;
  public static final int ROLE_ID = KernelControl.KERNEL_ID;
  public static final int IRQ = 0x20;
  public static final int SCRATCH = 0x40;
  public static final int SCRATCH_REGISTERS = 16;

  public RegisterRole(RoleParams p) {
    super("RegisterRole", p);
    List<RegisterDecl> decls = new ArrayList<>();
    decls.add(RegisterDecl.readOnly("role_id", ROLE_ID, 32));
    decls.add(RegisterDecl.readWrite("irq", IRQ, p.interrupts(), 0));
    for (int i = 0; i < SCRATCH_REGISTERS; i++) {
      decls.add(RegisterDecl.readWrite("scratch" + i, SCRATCH + 4L * i, 32, 0));
    }
    AxiLiteRegisterFile file = instance("regs", new AxiLiteRegisterFile("RegisterRoleFile", p.ctrlAddrWidth(), 32,
        decls));
    Bundle.connect(role.ctrl, file.s);
    file.port("role_id").assign(lit(ID, UInt(32)));
    role.irq.assign(file.port("irq").asBits());
    for (int i = 0; i < p.dramPorts(); i++) {
      tieOff(role.dram(i), true);
    }
  }

  /** Drives every signal this Role produces on {@code b} with 0: no request, no READY. */
  private static void tieOff(Bundle b, boolean forward) {
    for (Bundle.Field f : b.fields()) {
      boolean mine = forward == f.forward();
      if (f.value() instanceof Bundle nested) {
        tieOff(nested, mine);
      } else if (mine) {
        ((Data<?>) f.value()).assign(0);
      }
    }
  }
}
