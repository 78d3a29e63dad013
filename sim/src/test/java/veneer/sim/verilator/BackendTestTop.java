package veneer.sim.verilator;

import static veneer.hdl.HdlType.bool;
import static veneer.hdl.HdlType.uint;

import veneer.hdl.Bool;
import veneer.hdl.Mem;
import veneer.hdl.Module;
import veneer.hdl.UInt;

/**
 * The one design the Verilator back-end tests share (each distinct design is a Verilator build):
 * pass-through and registered ports of every width class, a counter with reset, a 16 x 65-bit
 * memory in child {@code c0} read through an input address and through a registered address,
 * a 32 x 8-bit memory {@code bytes} at the top, and an assertion that {@code boom} stays low.
 */
final class BackendTestTop extends Module {
  static final int[] WIDTHS = {1, 8, 16, 32, 33, 64, 65, 128, 512};

  /** The memory child. */
  static final class MemChild extends Module {
    final Bool we = input("we", bool());
    final UInt waddr = input("waddr", uint(4));
    final UInt wdata = input("wdata", uint(65));
    final UInt raddr = input("raddr", uint(4));
    final UInt rdata = output("rdata", uint(65));
    final UInt rq = output("rq", uint(65));

    MemChild() {
      Mem<UInt> mem = mem("mem", uint(65), 16);
      when(we, () -> mem.write(waddr, wdata));
      rdata.assign(mem.read(raddr));
      UInt raddrReg = regNext("raddr_q", raddr);
      rq.assign(mem.read(raddrReg));
    }
  }

  BackendTestTop() {
    for (int w : WIDTHS) {
      if (w == 1) {
        Bool a = input("a1", bool());
        output("y1", bool()).assign(a);
        output("r1", bool()).assign(regNext("q1", a));
      } else {
        UInt a = input("a" + w, uint(w));
        output("y" + w, uint(w)).assign(a);
        output("r" + w, uint(w)).assign(regNext("q" + w, a));
      }
    }
    Bool enable = input("enable", bool());
    UInt count = output("count", uint(8));
    UInt value = reg("value", uint(8), 0);
    when(enable, () -> value.assign(value.add(1)));
    count.assign(value);

    MemChild c0 = instance("c0", new MemChild());
    c0.we.assign(input("we", bool()));
    c0.waddr.assign(input("waddr", uint(4)));
    c0.wdata.assign(input("wdata", uint(65)));
    c0.raddr.assign(input("raddr", uint(4)));
    output("rdata", uint(65)).assign(c0.rdata);
    output("rq", uint(65)).assign(c0.rq);

    UInt baddr = input("baddr", uint(5));
    Mem<UInt> bytes = mem("bytes", uint(8), 32);
    output("bdata", uint(8)).assign(bytes.read(baddr));

    Bool boom = input("boom", bool());
    assertThat(boom.not(), "boom must stay low");
  }

}
