package veneer.sim.flat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import veneer.hdl.BlackBox;
import veneer.hdl.Bool;
import veneer.hdl.Elaborator;
import veneer.hdl.Mem;
import veneer.hdl.Module;
import veneer.hdl.UInt;
import veneer.hdl.ir.Op;

class FlattenerTest {

  static final class Leaf extends Module {
    final UInt in = input("in", UInt(4));
    final UInt out = output("out", UInt(4));

    Leaf() {
      Mem<UInt> lut = mem("lut", UInt(4), 16);
      UInt q = lut.read(in).named("q");
      out.assign(q.add(1));
      assertThat(q.ne(15), "q is never 15");
    }
  }

  static final class Mid extends Module {
    final UInt in = input("in", UInt(4));
    final UInt out = output("out", UInt(4));

    Mid() {
      Leaf l = instance("leaf", new Leaf());
      l.in.assign(in);
      out.assign(l.out);
    }
  }

  static final class Top extends Module {
    Top() {
      UInt in = input("in", UInt(4));
      UInt out = output("out", UInt(4));
      Mid m0 = instance("m0", new Mid());
      Mid m1 = instance("m1", new Mid());
      m0.in.assign(in);
      m1.in.assign(m0.out);
      out.assign(m1.out);
    }
  }

  @Test
  void instancesAreInlinedWithHierarchicalNames() {
    FlatNetlist flat = Flattener.flatten(Elaborator.elaborate(new Top()));
    assertTrue(flat.named("m0.leaf.q").isPresent());
    assertTrue(flat.named("m1.leaf.out").isPresent());
    assertEquals(List.of("m0.leaf.lut", "m1.leaf.lut"),
        flat.memories().stream().map(FlatMemory::path).toList());
    // m1's leaf reads its table at the address computed by m0's leaf: aliases lead to the add
    int addr = flat.memories().get(1).readPorts().get(0).addr();
    FlatDriver d = flat.net(flat.source(addr)).driver();
    assertTrue(d instanceof FlatDriver.Operation op && op.op() == Op.ADD, String.valueOf(d));
    int m0Add = flat.source(flat.named("m0.leaf.out").orElseThrow().id());
    assertEquals(m0Add, flat.source(addr));
    assertEquals(flat.source(flat.input("in")),
        flat.source(flat.memories().get(0).readPorts().get(0).addr()));
  }

  @Test
  void everyInstanceHoldsAConsecutiveRangeOfNetsAndMemories() {
    FlatNetlist flat = Flattener.flatten(Elaborator.elaborate(new Top()));
    List<FlatInstance> inst = flat.instances();
    assertEquals(List.of("", "m0", "m0.leaf", "m1", "m1.leaf"), inst.stream().map(FlatInstance::path).toList());
    assertEquals(List.of("Top", "Mid", "Leaf", "Mid", "Leaf"), inst.stream().map(FlatInstance::module).toList());
    assertEquals(0, inst.get(0).firstNet());
    assertEquals(flat.nets().size(), inst.get(0).endNet());
    for (int i = 1; i < inst.size(); i++) {
      FlatInstance in = inst.get(i);
      String prefix = in.path() + ".";
      for (int n = 0; n < flat.nets().size(); n++) {
        FlatNet net = flat.net(n);
        if (net.named() && net.name().startsWith(prefix)) {
          assertTrue(in.holds(n), net.name() + " (net " + n + ") should be in " + in);
        } else if (net.named()) {
          assertTrue(!in.holds(n), net.name() + " (net " + n + ") should not be in " + in);
        }
      }
    }
    assertEquals(0, inst.get(2).firstMemory());
    assertEquals(1, inst.get(2).endMemory());
    assertEquals(1, inst.get(3).firstMemory());
    assertEquals(2, inst.get(3).endMemory());
  }

  @Test
  void assertionsKeepMessageLocationAndInstance() {
    FlatNetlist flat = Flattener.flatten(Elaborator.elaborate(new Top()));
    assertEquals(2, flat.assertions().size());
    FlatAssertion a = flat.assertions().get(1);
    assertEquals("q is never 15", a.message());
    assertEquals("m1.leaf", a.instancePath());
    assertEquals("FlattenerTest.java", a.loc().file());
    assertTrue(a.resetNet() < 0, "Leaf has no reset port, so its assertion is always checked");
  }

  @Test
  void combOrderPutsEveryNetAfterItsInputs() {
    FlatNetlist flat = Flattener.flatten(Elaborator.elaborate(new Top()));
    int[] order = CombOrder.of(flat);
    int[] position = new int[flat.nets().size()];
    Arrays.fill(position, -1);
    for (int i = 0; i < order.length; i++) {
      position[order[i]] = i;
    }
    for (int net : order) {
      for (int in : CombOrder.inputsOf(flat, net)) {
        assertTrue(position[in] < position[net], "net " + in + " must come before " + net);
      }
    }
    assertTrue(order.length >= 4, "two reads and two adds at least");
  }

  static final class Pll extends BlackBox {
    final Bool locked = output("locked", Bool());

    Pll() {
      super("vendor_pll");
      verilogText("module vendor_pll(output locked); assign locked = 1; endmodule");
    }
  }

  static final class WithBlackBox extends Module {
    WithBlackBox() {
      Bool ok = output("ok", Bool());
      Pll p = instance("pll0", new Pll());
      ok.assign(p.locked);
    }
  }

  @Test
  void blackBoxesAreRefusedByName() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Flattener.flatten(Elaborator.elaborate(new WithBlackBox())));
    assertTrue(e.getMessage().contains("vendor_pll") && e.getMessage().contains("pll0")
        && e.getMessage().contains("VERILATOR"), e.getMessage());
  }
}
