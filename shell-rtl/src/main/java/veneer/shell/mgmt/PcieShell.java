package veneer.shell.mgmt;

import java.math.BigInteger;
import java.util.List;
import veneer.hdl.Bool;
import veneer.hdl.Bundle;
import veneer.hdl.Module;
import veneer.hdl.UInt;
import veneer.hdl.bus.AxiLite;
import veneer.hdl.bus.Stream;
import veneer.shell.pcie.FunctionConfig;
import veneer.shell.pcie.PcieEndpoint;
import veneer.shell.pcie.Tlp;

/**
 * The PCIe half of the Shell: the endpoint with its two functions, the management block behind
 * PF0 and the user registers behind PF1 BAR2. PF0's registers are reachable only through the
 * {@code mgmt} and {@code cfgport_data} regions of PF0's BAR0, and the Role's control port only
 * through PF1's BAR0: separate decoders, no shared bus, so nothing PF1 can address reaches a
 * management register.
 *
 * <pre>{@code
 * PcieShell shell = instance("shell", new PcieShell(256, 0x10000, interfaceId));
 * Bundle.connect(link.down, shell.rx);
 * Bundle.connect(shell.roleCtrl, role.ctrl);
 * }</pre>
 */
public final class PcieShell extends Module {
  public final Tlp rx;
  public final Tlp tx;
  /** Device-initiated requests (DMA, MSI-X) in; their completions out. */
  public final Tlp rq;
  public final Tlp rc;
  /** PF1 BAR0, forwarded to the Role. */
  public final AxiLite roleCtrl;
  public final Bool roleReset = output("role_reset", Bool());
  public final Bool decouple = output("decouple", Bool());
  public final UInt cfgportControl = output("cfgport_control", UInt(8));
  public final UInt cfgportStatus = input("cfgport_status", UInt(32));
  public final UInt cfgportError = input("cfgport_error", UInt(32));
  public final Stream cfgportData;
  public final UInt userIrq = output("user_irq", UInt(32));
  public final UInt requesterId = output("requester_id", UInt(16));
  public final UInt mps = output("mps", UInt(3));
  public final UInt mrrs = output("mrrs", UInt(3));
  public final Bool busMaster = output("bus_master", Bool());
  private final List<FunctionConfig> functions;

  public PcieShell(int dataWidth, long roleBarSize, BigInteger interfaceId) {
    functions = ShellFunctions.standard(roleBarSize);
    rx = slave("rx", () -> new Tlp(dataWidth));
    tx = master("tx", () -> new Tlp(dataWidth));
    rq = slave("rq", () -> new Tlp(dataWidth));
    rc = master("rc", () -> new Tlp(dataWidth));
    int roleBits = Long.numberOfTrailingZeros(roleBarSize);
    roleCtrl = master("role_ctrl", () -> new AxiLite(roleBits, 32));
    cfgportData = master("cfgport_data", () -> new Stream(32));

    PcieEndpoint ep = instance("endpoint", new PcieEndpoint(dataWidth, functions));
    Bundle.connect(rx, ep.rx);
    Bundle.connect(ep.tx, tx);
    Bundle.connect(rq, ep.rq);
    Bundle.connect(ep.rc, rc);

    ManagementBlock mgmt = instance("mgmt", new ManagementBlock(interfaceId));
    Bundle.connect(ep.region("mgmt"), mgmt.regs);
    Bundle.connect(ep.region("cfgport_data"), mgmt.cfgData);
    mgmt.served.assign(ep.served);
    mgmt.completionSent.assign(ep.completionSent);
    mgmt.refused.assign(ep.refused);
    mgmt.errValid.assign(ep.errValid);
    mgmt.errCode.assign(ep.errCode);
    mgmt.errInfo.assign(ep.errInfo);
    roleReset.assign(mgmt.roleReset);
    decouple.assign(mgmt.decouple);
    cfgportControl.assign(mgmt.cfgportControl);
    mgmt.cfgportStatus.assign(cfgportStatus);
    mgmt.cfgportError.assign(cfgportError);
    Bundle.connect(mgmt.cfgportData, cfgportData);

    UserBlock user = instance("user", new UserBlock());
    Bundle.connect(ep.region("user"), user.regs);
    userIrq.assign(user.userIrq);
    Bundle.connect(ep.region("role_ctrl"), roleCtrl);

    requesterId.assign(ep.requesterId);
    mps.assign(ep.mps);
    mrrs.assign(ep.mrrs1);
    busMaster.assign(ep.busMaster1);
  }

  /** The functions as configured (PF0, PF1). */
  public List<FunctionConfig> functions() {
    return functions;
  }
}
