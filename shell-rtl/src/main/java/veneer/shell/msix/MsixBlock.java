package veneer.shell.msix;

import veneer.hdl.Bool;
import veneer.hdl.Bundle;
import veneer.hdl.Module;
import veneer.hdl.UInt;
import veneer.hdl.bus.AxiLite;
import veneer.hdl.bus.AxiLiteRegisterFile;
import veneer.shell.pcie.MessageWrite;

/**
 * MSI-X for PF1: the table and PBA behind two AXI4-Lite ports ({@link MsixRegisters}), and the
 * sender. An interrupt request (a one-cycle pulse on {@code vectors}) sets the vector's pending
 * bit. A pending vector is sent, lowest number first, when MSI-X is enabled and neither the
 * function mask nor its vector mask is set: a one-DW memory write of the entry's data to the
 * entry's address, on {@code msg}; its pending bit clears when the write leaves. While masked
 * it stays pending (visible in the PBA) and is sent as soon as it is unmasked. Requests while
 * MSI-X is disabled are kept pending the same way.
 *
 * <pre>{@code
 * MsixBlock msix = instance("msix", new MsixBlock());
 * msix.vectors.assign(dmaIrqs.cat(...));
 * Bundle.connect(msix.msg, requester.msg);
 * }</pre>
 */
public final class MsixBlock extends Module {
  public final AxiLite table;
  public final AxiLite pba;
  public final UInt vectors = input("vectors", UInt(MsixRegisters.VECTORS));
  public final Bool enable = input("enable", Bool());
  public final Bool functionMask = input("function_mask", Bool());
  public final MessageWrite msg;
  public final UInt pending = output("pending", UInt(MsixRegisters.VECTORS));

  public MsixBlock() {
    int n = MsixRegisters.VECTORS;
    table = slave("vector_table", () -> new AxiLite(12, 32));
    pba = slave("pba", () -> new AxiLite(12, 32));
    msg = master("msg", MessageWrite::new);
    AxiLiteRegisterFile t = instance("table_regs", new AxiLiteRegisterFile("MsixTable", 12, 32,
        MsixRegisters.TABLE.decls()));
    Bundle.connect(table, t.s);
    AxiLiteRegisterFile p = instance("pba_regs", new AxiLiteRegisterFile("MsixPba", 12, 32, MsixRegisters.PBA.decls()));
    Bundle.connect(pba, p.s);

    UInt pend = reg("pend", UInt(n), 0);
    pending.assign(pend);
    p.port("pba_lo").assign(pend.resize(32));
    p.port("pba_hi").assign(0);

    Bool sending = reg("sending", Bool(), 0);
    UInt vec = reg("vec", UInt(4), 0);
    UInt masks = t.port("control0").bit(0).asUInt();
    for (int v = 1; v < n; v++) {
      masks = t.port("control" + v).bit(0).asUInt().cat(masks);
    }
    UInt deliverable = pend.and(masks.not());
    Bool open = enable.and(functionMask.not());
    UInt lowest = lit(0, UInt(4));
    for (int v = n - 1; v >= 0; v--) {
      lowest = deliverable.bit(v).mux(lit(v, UInt(4)), lowest);
    }
    final UInt first = lowest;
    when(sending.not().and(open).and(deliverable.ne(0)), () -> {
      sending.assign(1);
      vec.assign(first);
    });
    UInt addrLo = t.port("addr_lo0");
    UInt addrHi = t.port("addr_hi0");
    UInt data = t.port("data0");
    for (int v = 1; v < n; v++) {
      addrLo = vec.eq(v).mux(t.port("addr_lo" + v), addrLo);
      addrHi = vec.eq(v).mux(t.port("addr_hi" + v), addrHi);
      data = vec.eq(v).mux(t.port("data" + v), data);
    }
    msg.valid.assign(sending);
    msg.address.assign(addrHi.cat(addrLo.bits(31, 2), lit(0, UInt(2))));
    msg.data.assign(data);
    UInt sent = msg.fire().mux(lit(1, UInt(n)).shl(vec), lit(0, UInt(n)));
    pend.assign(pend.and(sent.not()).or(vectors));  // a request in the cycle its vector is sent stays pending
    when(msg.fire(), () -> sending.assign(0));
  }
}
