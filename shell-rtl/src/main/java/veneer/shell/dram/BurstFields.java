package veneer.shell.dram;

import veneer.hdl.Bits;
import veneer.hdl.UInt;
import veneer.hdl.bus.Axi4;

/** The fields of an AXI4 address channel that a queue must keep, packed into one word and back. */
record BurstFields(UInt id, UInt addr, UInt len, UInt size, Bits burst) {
  static BurstFields of(Axi4.Addr a) {
    return new BurstFields(a.id, a.addr, a.len, a.size, a.burst);
  }

  /** {@code {id, addr, len, size, burst}}, burst in the low bits. */
  UInt packed() {
    return id.cat(addr, len, size, burst);
  }

  int width() {
    return id.width() + addr.width() + 8 + 3 + 2;
  }

  static BurstFields unpack(UInt word, int idWidth, int addrWidth) {
    int lo = 0;
    Bits burst = word.bits(lo + 1, lo).asBits();
    lo += 2;
    UInt size = word.bits(lo + 2, lo);
    lo += 3;
    UInt len = word.bits(lo + 7, lo);
    lo += 8;
    UInt addr = word.bits(lo + addrWidth - 1, lo);
    lo += addrWidth;
    UInt id = word.bits(lo + idWidth - 1, lo);
    return new BurstFields(id, addr, len, size, burst);
  }
}
