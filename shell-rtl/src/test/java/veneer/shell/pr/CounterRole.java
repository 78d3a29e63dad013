package veneer.shell.pr;

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
 * A second Role for the tests: its id at KERNEL_ID's offset and, at CYCLES' offset, the cycles
 * since its reset ended (so a test sees that loading it pulsed its reset). No DRAM traffic.
 */
final class CounterRole extends RoleVariant {
  static final long ID = 0xC0C0_0002L;

  @SuppressWarnings({"rawtypes", "unchecked"})
  CounterRole(RoleParams p) {
    super("CounterRole", p);
    AxiLiteRegisterFile regs = instance("regs", new AxiLiteRegisterFile("CounterRegs", p.ctrlAddrWidth(), 32,
        List.of(RegisterDecl.readOnly("id", KernelControl.KERNEL_ID, 32),
            RegisterDecl.readOnly("age", KernelControl.CYCLES, 32))));
    Bundle.connect(role.ctrl, regs.s);
    UInt age = reg("age", UInt(32), 0);
    age.assign(age.add(1));
    regs.port("id").assign(lit(ID, UInt(32)));
    regs.port("age").assign(age);
    for (int i = 0; i < p.dramPorts(); i++) {
      for (BoundaryLeaves.Leaf leaf : BoundaryLeaves.of(role.dram(i))) {
        if (leaf.fromProducer()) {
          Data d = (Data) leaf.value();
          d.assign(lit(0, d.type()));
        }
      }
    }
    role.irq.assign(lit(0, Bits(p.interrupts())));
  }
}
