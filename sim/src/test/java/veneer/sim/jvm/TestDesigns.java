package veneer.sim.jvm;

import java.util.List;
import veneer.hdl.Bits;
import veneer.hdl.Bool;
import veneer.hdl.Data;
import veneer.hdl.Mem;
import veneer.hdl.Module;
import veneer.hdl.UInt;

/** Small designs with known cycle-by-cycle behaviour, shared by the simulator tests. */
final class TestDesigns {
  private TestDesigns() {}

  /** Counts enabled cycles; reset to zero. */
  static final class Counter extends Module {
    final Bool enable = input("enable", Bool());
    final UInt count;

    Counter(int width) {
      super("Counter" + width);
      count = output("count", UInt(width));
      UInt value = reg("value", UInt(width), 0);
      when(enable, () -> value.assign(value.add(1)));
      count.assign(value);
    }
  }

  /** {@code in} delayed by three registers without reset, plus one with reset value 0x2a. */
  static final class ShiftRegister extends Module {
    ShiftRegister() {
      UInt in = input("in", UInt(8));
      UInt out = output("out", UInt(8));
      UInt withReset = output("withReset", UInt(8));
      UInt r0 = regNext("r0", in);
      UInt r1 = regNext("r1", r0);
      UInt r2 = regNext("r2", r1);
      out.assign(r2);
      UInt r3 = reg("r3", UInt(8), 0x2a);
      r3.assign(in);
      withReset.assign(r3);
    }
  }

  /**
   * A 10-word memory (4-bit address, so words 10 to 15 are out of range) with a byte-masked
   * write port, a second whole-word write port, an asynchronous and a synchronous read port.
   */
  static final class MemoryDesign extends Module {
    MemoryDesign() {
      Bool we = input("we", Bool());
      UInt waddr = input("waddr", UInt(4));
      Bits wdata = input("wdata", Bits(32));
      Bits wmask = input("wmask", Bits(4));
      Bool we2 = input("we2", Bool());
      UInt waddr2 = input("waddr2", UInt(4));
      Bits wdata2 = input("wdata2", Bits(32));
      UInt raddr = input("raddr", UInt(4));
      Bool ren = input("ren", Bool());
      Bits rdata = output("rdata", Bits(32));
      Bits sdata = output("sdata", Bits(32));
      Mem<Bits> ram = mem("ram", Bits(32), 10).init(0x11111111L, 0x22222222L);
      when(we, () -> ram.write(waddr, wdata, wmask));
      when(we2, () -> ram.write(waddr2, wdata2));
      rdata.assign(ram.read(raddr));
      sdata.assign(ram.readSync(raddr, ren));
    }
  }

  /** A child holding a memory and a counter; instantiated twice by {@link Hierarchy}. */
  static final class Leaf extends Module {
    final UInt addr = input("addr", UInt(3));
    final Bits data = output("data", Bits(16));
    final UInt ticks = output("ticks", UInt(8));

    Leaf() {
      Mem<Bits> store = mem("store", Bits(16), 8);
      data.assign(store.read(addr));
      UInt t = reg("t", UInt(8), 0);
      t.assign(t.add(1));
      ticks.assign(t);
    }
  }

  /** Two {@link Leaf} instances: "a" directly, "w.b" one level deeper. */
  static final class Hierarchy extends Module {
    Hierarchy() {
      UInt addr = input("addr", UInt(3));
      Bits d0 = output("d0", Bits(16));
      Bits d1 = output("d1", Bits(16));
      UInt t1 = output("t1", UInt(8));
      Leaf a = instance("a", new Leaf());
      Wrapper w = instance("w", new Wrapper());
      a.addr.assign(addr);
      w.addr.assign(addr);
      d0.assign(a.data);
      d1.assign(w.data);
      t1.assign(w.ticks);
    }
  }

  /** Wraps a {@link Leaf} as instance "b". */
  static final class Wrapper extends Module {
    final UInt addr = input("addr", UInt(3));
    final Bits data = output("data", Bits(16));
    final UInt ticks = output("ticks", UInt(8));

    Wrapper() {
      Leaf b = instance("b", new Leaf());
      b.addr.assign(addr);
      data.assign(b.data);
      ticks.assign(b.ticks);
    }
  }

  /** A memory with two write ports declared exclusive (never one address in one cycle). */
  static final class ExclusiveWrites extends Module {
    ExclusiveWrites() {
      Bool we = input("we", Bool());
      UInt waddr = input("waddr", UInt(3));
      Bits wdata = input("wdata", Bits(16));
      Bool we2 = input("we2", Bool());
      UInt waddr2 = input("waddr2", UInt(3));
      Bits wdata2 = input("wdata2", Bits(16));
      UInt raddr = input("raddr", UInt(3));
      Mem<Bits> ram = mem("ram", Bits(16), 8).exclusiveWrites();
      when(we, () -> ram.write(waddr, wdata));
      when(we2, () -> ram.write(waddr2, wdata2));
      output("rdata", Bits(16)).assign(ram.read(raddr));
    }
  }

  /** Counts up; asserts that the count never reaches {@code bad} (outside reset). */
  static final class Asserting extends Module {
    Asserting(int bad) {
      UInt count = output("count", UInt(8));
      UInt c = reg("c", UInt(8), 0);
      c.assign(c.add(1));
      count.assign(c);
      assertThat(c.ne(bad), "count must not reach " + bad);
    }
  }

  /** {@code lanes} = the 1-bit {@code a}, the 2-bit {@code b} and the 4-bit {@code c}, a lowest. */
  static final class LowFirstLanes extends Module {
    LowFirstLanes() {
      Bool a = input("a", Bool());
      UInt b = input("b", UInt(2));
      UInt c = input("c", UInt(4));
      output("lanes", UInt(7)).assign(Data.catLowFirst(List.of(a, b, c)));
      output("alone", UInt(4)).assign(Data.catLowFirst(List.of(c)));
    }
  }
}
