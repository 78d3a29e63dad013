package veneer.shell;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import veneer.hdl.Bits;
import veneer.hdl.Bundle;
import veneer.hdl.Module;
import veneer.hdl.UInt;
import veneer.hdl.bus.Axi4;
import veneer.shell.dma.DmaBlock;
import veneer.shell.dram.DramSubsystem;
import veneer.shell.mgmt.ManagementBlock;
import veneer.shell.mgmt.UserBlock;
import veneer.shell.pcie.PcieEndpoint;
import veneer.shell.pcie.Tlp;
import veneer.shell.pr.PrRegion;
import veneer.shell.pr.VariantSlot;

/**
 * The assembled static Shell with its reconfigurable partition: the PCIe endpoint (PF0
 * management, PF1 user), the management block and the partition controls behind PF0, the user
 * registers behind PF1 BAR2, the partition ({@link PrRegion}: PR controller, decoupler, every
 * Role variant) with its control port behind PF1 BAR0, the bus-master side ({@link DmaBlock}:
 * requester, scatter-gather DMA with two host-to-card and two card-to-host channels, MSI-X with
 * vectors for the DMA channels, the Role's interrupt lines and PF1's {@code user_irq}), and the
 * DRAM ({@link DramSubsystem}) behind the DMA engine (manager 0) and the Role's DRAM ports
 * (managers 1 and up). docs/shell.md has the block diagram.
 *
 * <pre>{@code
 * Shell shell = instance("shell", new Shell(ShellConfig.defaults(List.of(
 *     new VariantSpec(1, VectorAddKernel::new), new VariantSpec(2, RegisterRole::new)))));
 * Bundle.connect(linkDown.out, shell.rx);
 * Bundle.connect(shell.tx, linkUp.in);
 * }</pre>
 */
public final class Shell extends Module {
  /** The DRAM interconnect manager of the DMA engine. */
  public static final int DMA_MANAGER = 0;

  public final ShellConfig config;
  /** The link: requests and completions from the host, and to it. */
  public final Tlp rx;
  public final Tlp tx;
  /** The Role's interrupt lines after the decoupler (0 while decoupled), as MSI-X sees them. */
  public final Bits roleIrq;
  private final List<BusProbe.Signal> probes = new ArrayList<>();

  public Shell(ShellConfig c) {
    super("Shell");
    this.config = c;
    int w = c.tlpWidth();
    rx = slave("rx", () -> new Tlp(w));
    tx = master("tx", () -> new Tlp(w));
    roleIrq = output("role_irq", Bits(c.role().interrupts()));

    // --- PCIe: endpoint, PF0 management, PF1 user registers ------------------------------------------
    PcieEndpoint ep = instance("endpoint", new PcieEndpoint(w, ShellLayout.functions(c.roleBarSize())));
    Bundle.connect(rx, ep.rx);
    Bundle.connect(ep.tx, tx);

    ManagementBlock mgmt = instance("mgmt", new ManagementBlock(c.interfaceId()));
    Bundle.connect(ep.region("mgmt"), mgmt.regs);
    Bundle.connect(ep.region("cfgport_data"), mgmt.cfgData);
    mgmt.served.assign(ep.served);
    mgmt.completionSent.assign(ep.completionSent);
    mgmt.refused.assign(ep.refused);

    UserBlock user = instance("user", new UserBlock());
    Bundle.connect(ep.region("user"), user.regs);

    // --- the bus master: requester, DMA, MSI-X; all of it belongs to PF1 --------------------------------
    DmaBlock dma = instance("dma", new DmaBlock(w, c.interconnect(), c.dma(), c.role().interrupts()));
    Bundle.connect(dma.rq, ep.rq);
    Bundle.connect(ep.rc, dma.rc);
    dma.requesterId.assign(ep.requesterId.or(1));
    dma.mps.assign(ep.mps);
    dma.mrrs.assign(ep.mrrs1);
    dma.busMaster.assign(ep.busMaster1);
    dma.msixEnable.assign(ep.msixEnable1);
    dma.msixFunctionMask.assign(ep.msixFunctionMask1);
    Bundle.connect(ep.region("dma"), dma.channelRegs);
    Bundle.connect(ep.region("dma_window"), dma.windowRegs);
    Bundle.connect(ep.region("msix_table"), dma.msixTable);
    Bundle.connect(ep.region("msix_pba"), dma.msixPba);
    dma.userIrq.assign(user.userIrq);
    // PF0's error log: the endpoint's events first, the requester's (queued) when the endpoint has none
    dma.errReady.assign(ep.errValid.not());
    mgmt.errValid.assign(ep.errValid.or(dma.errValid));
    mgmt.errCode.assign(ep.errValid.mux(ep.errCode, dma.errCode));
    mgmt.errInfo.assign(ep.errValid.mux(ep.errInfo, dma.errInfo));

    // --- the partition, driven from PF0 ---------------------------------------------------------------
    List<VariantSlot> slots = new ArrayList<>();
    List<Long> ids = new ArrayList<>();
    for (VariantSpec v : c.variants()) {
      slots.add(new VariantSlot(v.variantId(), v.factory().apply(c.role())));
      ids.add(v.variantId());
    }
    PrRegion pr = instance("pr", new PrRegion(c.role(), c.interfaceId(), slots, c.resetCycles(), c.maxBursts()));
    PartitionControl pc = instance("partition_ctl", new PartitionControl(ids, c.role().interrupts(),
        c.role().dramPorts()));
    Bundle.connect(ep.region(ShellLayout.PARTITION_REGION), pc.regs);
    Bundle.connect(mgmt.cfgportData, pc.words);
    pc.control.assign(mgmt.cfgportControl);
    pc.roleReset.assign(mgmt.roleReset);
    pc.decoupleRequest.assign(mgmt.decouple);
    mgmt.cfgportStatus.assign(pc.cfgportStatus);
    mgmt.cfgportError.assign(pc.cfgportError);
    Bundle.connect(pc.cfg, pr.cfg);
    pr.cfgEnd.assign(pc.cfgEnd);
    pr.timeout.assign(pc.timeout);
    pr.manualDecouple.assign(pc.ctlDecouple);
    pr.manualReset.assign(pc.ctlRoleReset);
    pc.prStatus.assign(pr.status);
    pc.prBusy.assign(pr.busy);
    pc.prActive.assign(pr.active);
    pc.prActiveId.assign(pr.activeId);
    pc.prWords.assign(pr.words);
    pc.prDecoupled.assign(pr.decoupled);

    // --- PF1 BAR0 to the Role's control port, through the decoupler ------------------------------------
    Bundle.connect(ep.region("role_ctrl"), pr.role.ctrl);

    // --- DRAM: manager 0 the DMA slot, managers 1.. the Role's ports through the decoupler ---------------
    DramSubsystem dram = instance("dram", new DramSubsystem(c.interconnect(), c.dramTiming()));
    Bundle.connect(dma.axi, dram.masters.get(DMA_MANAGER));
    UInt reads = lit(0, UInt(c.role().dramPorts()));
    UInt writes = lit(0, UInt(c.role().dramPorts()));
    for (int i = 0; i < c.role().dramPorts(); i++) {
      Axi4 port = pr.role.dram(i);
      Axi4 manager = dram.masters.get(DMA_MANAGER + 1 + i);
      Bundle.connect(port, manager);
      reads = reads.or(port.ar.valid.and(manager.ar.ready).asUInt().resize(c.role().dramPorts()).shl(i));
      writes = writes.or(port.aw.valid.and(manager.aw.ready).asUInt().resize(c.role().dramPorts()).shl(i));
    }
    pc.dramReads.assign(reads);
    pc.dramWrites.assign(writes);

    // --- interrupts: to PF0's monitor and to MSI-X -------------------------------------------------------
    roleIrq.assign(pr.role.irq);
    pc.roleIrq.assign(pr.role.irq);
    dma.roleIrq.assign(pr.role.irq);

    if (c.probes()) {
      probes.addAll(BusProbe.mirror(this, "probe_role_ctrl", ep.region("role_ctrl"), pr.role.ctrl));
      for (int i = 0; i < c.role().dramPorts(); i++) {
        probes.addAll(BusProbe.mirror(this, "probe_role_dram" + i, pr.role.dram(i),
            dram.masters.get(DMA_MANAGER + 1 + i)));
      }
      probes.addAll(BusProbe.mirror(this, "probe_dma_dram", dma.axi, dram.masters.get(DMA_MANAGER)));
      // What reaches the PR controller from PF0, for tests that prove nothing else drives it.
      probes.add(BusProbe.copy(this, "probe_pr_cfg_valid", pc.cfg.valid));
      probes.add(BusProbe.copy(this, "probe_pr_cfg_end", pc.cfgEnd));
      probes.add(BusProbe.copy(this, "probe_pr_ctl_decouple", pc.ctlDecouple));
      probes.add(BusProbe.copy(this, "probe_pr_ctl_role_reset", pc.ctlRoleReset));
      probes.add(BusProbe.copy(this, "probe_pr_decoupled", pr.decoupled));
    }
  }

  /** The {@code probe_*} outputs (empty unless {@link ShellConfig#probes()}). */
  public List<BusProbe.Signal> probes() {
    return Collections.unmodifiableList(probes);
  }

  /** The back-door path of DRAM channel {@code j}'s memory, relative to the Shell instance. */
  public static String dramPath(int j) {
    return "dram." + DramSubsystem.memoryPath(j);
  }
}
