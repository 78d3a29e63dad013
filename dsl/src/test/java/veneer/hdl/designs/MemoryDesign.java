package veneer.hdl.designs;

import veneer.hdl.Bits;
import veneer.hdl.Bool;
import veneer.hdl.Mem;
import veneer.hdl.Module;
import veneer.hdl.UInt;

/**
 * A 16 x 32-bit RAM with byte-masked writes, one asynchronous and one registered read with an
 * enable, and initial contents; beside it a 10-word table (not a power of two, so addresses 10
 * to 15 read zero and are ignored by writes).
 */
public final class MemoryDesign extends Module {
  public MemoryDesign() {
    Bool we = input("we", Bool());
    UInt waddr = input("waddr", UInt(4));
    Bits wdata = input("wdata", Bits(32));
    Bits strobe = input("strobe", Bits(4));
    UInt raddr = input("raddr", UInt(4));
    Bool ren = input("ren", Bool());

    Mem<Bits> ram = mem("ram", Bits(32), 16).init(0x12345678L, 0, 0xdeadbeefL);
    when(we, () -> ram.write(waddr, wdata, strobe));
    output("async_q", Bits(32)).assign(ram.read(raddr));
    output("sync_q", Bits(32)).assign(ram.readSync(raddr, ren));

    Mem<UInt> table = mem("lookup", UInt(8), 10).init(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
    when(we.and(strobe.bit(0)), () -> table.write(waddr, wdata.bits(7, 0)));
    output("table_q", UInt(8)).assign(table.read(raddr));
    output("table_sync_q", UInt(8)).assign(table.readSync(raddr.add(1)));
  }
}
