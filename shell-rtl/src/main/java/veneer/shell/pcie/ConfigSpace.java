package veneer.shell.pcie;

import java.util.ArrayList;
import java.util.List;
import veneer.hdl.Bits;
import veneer.hdl.Bool;
import veneer.hdl.Module;
import veneer.hdl.UInt;

/**
 * The type-0 configuration space of one function: identity, command register, 64-bit memory
 * BARs (with the usual sizing protocol: write all ones, read back the size mask), a PCI Express
 * capability at 0x40 whose Device Control register holds Max_Payload_Size and
 * Max_Read_Request_Size, and, when the function has one, an MSI-X capability at 0x60 (Message
 * Control with the table size, MSI-X Enable and Function Mask; table and PBA offset/BIR).
 * Everything else reads zero and ignores writes.
 *
 * <p>Access is one DW per cycle: {@code reg} is the DW index (byte offset / 4); {@code rdata}
 * answers combinationally; a write with byte enables {@code be} lands at the clock edge.
 *
 * <pre>{@code
 * ConfigSpace cs = instance("cfg0", new ConfigSpace(function, true));
 * cs.reg.assign(address.bits(11, 2));
 * }</pre>
 */
public final class ConfigSpace extends Module {
  /** Byte offset of the PCI Express capability. */
  public static final int PCIE_CAP = 0x40;
  /** Max_Payload_Size supported, encoded (5 = 4096 bytes). */
  public static final int MPS_SUPPORTED = 5;

  public final Bool write = input("write", Bool());
  public final UInt reg = input("reg_index", UInt(10));
  public final Bits wdata = input("wdata", Bits(32));
  public final Bits be = input("be", Bits(4));
  public final Bits rdata = output("rdata", Bits(32));
  /** Command bit 1: the function answers memory requests. */
  public final Bool memEnable = output("mem_enable", Bool());
  /** Command bit 2: the function may issue requests. */
  public final Bool busMaster = output("bus_master", Bool());
  /** Device Control bits 7:5 (bytes = 128 << mps). */
  public final UInt mps = output("mps", UInt(3));
  /** Device Control bits 14:12 (bytes = 128 << mrrs). */
  public final UInt mrrs = output("mrrs", UInt(3));
  /** MSI-X Message Control bit 15 (0 without the capability). */
  public final Bool msixEnable = output("msix_enable", Bool());
  /** MSI-X Message Control bit 14 (0 without the capability). */
  public final Bool msixFunctionMask = output("msix_function_mask", Bool());
  /** Base addresses, one per configured BAR, in the order of {@link FunctionConfig#bars()}. */
  public final List<UInt> barBase = new ArrayList<>();

  public ConfigSpace(FunctionConfig f, boolean multiFunction) {
    UInt command = reg("command", UInt(16), 0);
    UInt devCtl = reg("dev_ctl", UInt(16), 0x2000 | 0x0010); // MRRS 512 B, MPS 128 B, relaxed ordering
    memEnable.assign(command.bit(1));
    busMaster.assign(command.bit(2));
    mps.assign(devCtl.bits(7, 5));
    mrrs.assign(devCtl.bits(14, 12));

    Bits rd = lit(0, Bits(32));
    rd = readAt(rd, 0x00, lit(((long) f.deviceId() << 16) | f.vendorId(), Bits(32)));
    rd = readAt(rd, 0x04, lit(0x0010, UInt(16)).cat(command).asBits()); // status: capabilities list
    rd = readAt(rd, 0x08, lit(((long) f.classCode() << 8) | f.revision(), Bits(32)));
    rd = readAt(rd, 0x0C, lit(multiFunction ? 0x0080_0000L : 0, Bits(32)));
    rd = readAt(rd, 0x2C, lit(((long) f.deviceId() << 16) | f.vendorId(), Bits(32)));
    rd = readAt(rd, 0x34, lit(PCIE_CAP, Bits(32)));
    MsixCapability msix = f.msix();
    int next = msix == null ? 0 : MsixCapability.OFFSET;
    rd = readAt(rd, PCIE_CAP, lit(0x0002_0010L | next << 8, Bits(32)));  // version 2, endpoint; cap id 0x10
    rd = readAt(rd, PCIE_CAP + 4, lit(MPS_SUPPORTED, Bits(32)));   // Device Capabilities
    rd = readAt(rd, PCIE_CAP + 8, lit(0, UInt(16)).cat(devCtl).asBits());

    when(write.and(reg.eq(0x04 / 4)), () -> command.assign(merge(command.resize(32)).truncate(16)));
    when(write.and(reg.eq((PCIE_CAP + 8) / 4)), () -> devCtl.assign(merge(devCtl.resize(32)).truncate(16)));

    if (msix != null) {
      UInt msgCtl = reg("msix_control", UInt(2), 0);   // bit 1 enable, bit 0 function mask
      msixEnable.assign(msgCtl.bit(1));
      msixFunctionMask.assign(msgCtl.bit(0));
      int at = MsixCapability.OFFSET;
      rd = readAt(rd, at, msgCtl.cat(lit(msix.vectors() - 1, UInt(14)), lit(MsixCapability.ID, UInt(16))).asBits());
      rd = readAt(rd, at + 4, lit(msix.tableOffset() | msix.tableBar(), Bits(32)));
      rd = readAt(rd, at + 8, lit(msix.pbaOffset() | msix.pbaBar(), Bits(32)));
      when(write.and(reg.eq(at / 4)).and(be.bit(3)), () -> msgCtl.assign(wdata.asUInt().bits(31, 30)));
    } else {
      msixEnable.assign(0);
      msixFunctionMask.assign(0);
    }

    for (BarConfig b : f.bars()) {
      long loMask = ~(b.size() - 1) & 0xFFFF_FFF0L;
      UInt lo = reg("bar" + b.index() + "_lo", UInt(32), 0);
      UInt hi = reg("bar" + b.index() + "_hi", UInt(32), 0);
      int loReg = (0x10 + 4 * b.index()) / 4;
      when(write.and(reg.eq(loReg)), () -> lo.assign(merge(lo).and(loMask)));
      when(write.and(reg.eq(loReg + 1)), () -> hi.assign(merge(hi)));
      rd = readAt(rd, loReg * 4, lo.or(0x4).asBits());   // memory, 64-bit, not prefetchable
      rd = readAt(rd, loReg * 4 + 4, hi.asBits());
      UInt base = output("bar" + b.index() + "_base", UInt(64));
      base.assign(hi.cat(lo));
      barBase.add(base);
    }
    rdata.assign(rd);
  }

  private Bits readAt(Bits previous, int byteOffset, Bits value) {
    return reg.eq(byteOffset / 4).mux(value, previous);
  }

  /** {@code old} with the bytes selected by {@code be} replaced by {@code wdata}. */
  private UInt merge(UInt old) {
    UInt out = null;
    for (int i = 3; i >= 0; i--) {
      UInt b = be.bit(i).mux(wdata.asUInt().bits(8 * i + 7, 8 * i), old.bits(8 * i + 7, 8 * i));
      out = out == null ? b : out.cat(b);
    }
    return out;
  }
}
