package veneer.shell.pcie;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import veneer.hdl.Bool;
import veneer.hdl.Bundle;
import veneer.hdl.Module;
import veneer.hdl.UInt;
import veneer.hdl.bus.AxiLite;

/**
 * The TLP-level PCIe endpoint of the Shell. Below it sits the link ({@code rx} from the root
 * complex, {@code tx} to it): in simulation the host model's link, on an FPGA the vendor's
 * hard block through a thin adapter (see docs/shell-pcie.md). Above it:
 *
 * <ul>
 *   <li>one AXI4-Lite manager port per BAR region of every function (requests from the host);
 *   <li>{@code rq}: device-initiated TLPs (DMA reads and writes, MSI-X message writes), merged
 *       with the completer's completions packet by packet;
 *   <li>{@code rc}: completions for device-initiated reads, as they arrive;
 *   <li>each function's configuration state (bus master enable, Max_Payload_Size,
 *       Max_Read_Request_Size) and the PCIe layer's counters and error events.
 * </ul>
 *
 * <pre>{@code
 * PcieEndpoint ep = instance("pcie", new PcieEndpoint(256, ShellFunctions.standard(...)));
 * Bundle.connect(ep.region("mgmt"), mgmt.s);
 * }</pre>
 */
public final class PcieEndpoint extends Module {
  public final Tlp rx;
  public final Tlp tx;
  public final Tlp rq;
  public final Tlp rc;
  public final PcieCompleter completer;
  /** Our requester id for function 0 (bus, device, 0); function f is {@code requesterId | f}. */
  public final UInt requesterId = output("requester_id", UInt(16));
  public final UInt mps = output("mps", UInt(3));
  public final UInt mrrs0 = output("mrrs0", UInt(3));
  public final UInt mrrs1;
  public final Bool busMaster0 = output("bus_master0", Bool());
  public final Bool busMaster1;
  /** PF1's MSI-X Enable and Function Mask, from its MSI-X capability. */
  public final Bool msixEnable1;
  public final Bool msixFunctionMask1;
  public final Bool served = output("served", Bool());
  public final Bool completionSent = output("completion_sent", Bool());
  public final Bool refused = output("refused", Bool());
  public final Bool errValid = output("err_valid", Bool());
  public final UInt errCode = output("err_code", UInt(8));
  public final UInt errInfo = output("err_info", UInt(24));
  private final List<String> regions;
  private final Map<String, AxiLite> regionPorts = new LinkedHashMap<>();

  public PcieEndpoint(int dataWidth, List<FunctionConfig> functions) {
    rx = slave("rx", () -> new Tlp(dataWidth));
    tx = master("tx", () -> new Tlp(dataWidth));
    rq = slave("rq", () -> new Tlp(dataWidth));
    rc = master("rc", () -> new Tlp(dataWidth));
    completer = instance("completer", new PcieCompleter(dataWidth, functions));
    regions = completer.regionNames();

    // Completions go to the requester side, everything else to the completer.
    Bool isCpl = rx.fmtType.bits(4, 1).eq(0b0101);
    TlpPacking.unpack(TlpPacking.pack(rx), completer.req);
    TlpPacking.unpack(TlpPacking.pack(rx), rc);
    completer.req.valid.assign(rx.valid.and(isCpl.not()));
    rc.valid.assign(rx.valid.and(isCpl));
    rx.ready.assign(isCpl.mux(rc.ready, completer.req.ready));

    TlpArbiter arb = instance("tx_arb", new TlpArbiter(dataWidth));
    Bundle.connect(completer.cpl, arb.a);
    Bundle.connect(rq, arb.b);
    Bundle.connect(arb.out, tx);

    for (String r : regions) {
      AxiLite outer = master(r, () -> new AxiLite(completer.region(r).addrWidth, 32));
      Bundle.connect(completer.region(r), outer);
      regionPorts.put(r, outer);
    }
    requesterId.assign(completer.busDev.cat(lit(0, UInt(3))));
    mps.assign(completer.mps);
    mrrs0.assign(completer.mrrs0);
    busMaster0.assign(completer.busMaster0);
    mrrs1 = output("mrrs1", UInt(3));
    mrrs1.assign(completer.mrrs1);
    busMaster1 = output("bus_master1", Bool());
    busMaster1.assign(completer.busMaster1);
    msixEnable1 = output("msix_enable1", Bool());
    msixEnable1.assign(completer.msixEnable1);
    msixFunctionMask1 = output("msix_function_mask1", Bool());
    msixFunctionMask1.assign(completer.msixFunctionMask1);
    served.assign(completer.served);
    completionSent.assign(completer.completionSent);
    refused.assign(completer.refused);
    errValid.assign(completer.errValid);
    errCode.assign(completer.errCode);
    errInfo.assign(completer.errInfo);
  }

  /** The AXI4-Lite manager port of BAR region {@code name}. */
  public AxiLite region(String name) {
    if (!regions.contains(name)) {
      throw new IllegalArgumentException("no BAR region '" + name + "'; regions are " + regions);
    }
    return regionPorts.get(name);
  }

  /** The region names, in decode order. */
  public List<String> regionNames() {
    return regions;
  }
}
