package veneer.shell.host;

import java.util.ArrayList;
import java.util.List;
import veneer.hdl.Bundle;
import veneer.hdl.Module;
import veneer.hdl.bus.AxiLite;
import veneer.hdl.bus.AxiLiteRegisterFile;
import veneer.hdl.bus.RegisterDecl;

/**
 * The Role the host platform uses until a real Role is plugged in: sixteen 32-bit read-write
 * registers at offsets 0x00-0x3C of PF1 BAR0, so tests can see what PF1 reaches.
 *
 * <pre>{@code
 * ScratchRole role = instance("role", new ScratchRole(16));
 * Bundle.connect(shell.roleCtrl, role.ctrl);
 * }</pre>
 */
public final class ScratchRole extends Module {
  public static final int REGISTERS = 16;
  public final AxiLite ctrl;

  public ScratchRole(int addrWidth) {
    ctrl = slave("ctrl", () -> new AxiLite(addrWidth, 32));
    List<RegisterDecl> decls = new ArrayList<>();
    for (int i = 0; i < REGISTERS; i++) {
      decls.add(RegisterDecl.readWrite("r" + i, 4L * i, 32, 0));
    }
    AxiLiteRegisterFile file = instance("file", new AxiLiteRegisterFile("ScratchRoleRegisters", addrWidth, 32, decls));
    Bundle.connect(ctrl, file.s);
  }
}
