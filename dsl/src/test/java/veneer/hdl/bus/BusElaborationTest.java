package veneer.hdl.bus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import veneer.hdl.Elaborator;
import veneer.hdl.HdlException;
import veneer.hdl.Module;
import veneer.hdl.ir.Design;
import veneer.hdl.ir.ModuleIr;
import veneer.hdl.ir.Port;

class BusElaborationTest {

  private static String ports(ModuleIr m) {
    return m.ports().stream()
        .map(p -> (p.isInput() ? "in " : "out ") + p.name() + ":" + p.width())
        .collect(Collectors.joining(", "));
  }

  @Test
  void streamFifoAndSliceElaborateWithTheStreamPortNames() {
    Design d = Elaborator.elaborate(new BusFixtures.StreamPipe(16, 5));
    assertEquals("in clk:1, in reset:1, in in_valid:1, out in_ready:1, in in_data:16, "
        + "out out_valid:1, in out_ready:1, out out_data:16", ports(d.top()));
    List<String> names = d.modules().stream().map(d::nameOf).collect(Collectors.toList());
    assertEquals(List.of("StreamFifo_16x5", "StreamRegSlice_16", "StreamPipe"), names);
    ModuleIr fifo = d.modules().get(0);
    assertEquals(1, fifo.memories().size());
    assertEquals(5, fifo.memories().get(0).depth());
    assertEquals("out count:3", fifo.ports().stream().filter(p -> p.name().equals("count"))
        .map(p -> "out count:" + p.width()).findFirst().orElseThrow());
  }

  @Test
  void axiStreamHasOptionalFieldsOnlyWhenWide() {
    Design d = Elaborator.elaborate(new BusFixtures.AxiStreamWire());
    assertEquals("in s_tvalid:1, out s_tready:1, in s_tdata:32, in s_tkeep:4, in s_tlast:1, in s_tuser:2, "
        + "in s_tid:3, in s_tdest:4, out m_tvalid:1, in m_tready:1, out m_tdata:32, out m_tkeep:4, "
        + "out m_tlast:1, out m_tuser:2, out m_tid:3, out m_tdest:4", ports(d.top()));
  }

  @Test
  void axi4ChannelsNestUnderTheBundleName() {
    Design d = Elaborator.elaborate(new BusFixtures.Axi4Wire(new Axi4.Params(4, 40, 128, 0)));
    String p = ports(d.top());
    assertTrue(p.startsWith("in s_aw_valid:1, out s_aw_ready:1, in s_aw_id:4, in s_aw_addr:40, in s_aw_len:8, "
        + "in s_aw_size:3, in s_aw_burst:2, in s_aw_lock:1, in s_aw_cache:4, in s_aw_prot:3, in s_aw_qos:4, "
        + "in s_w_valid:1, out s_w_ready:1, in s_w_data:128, in s_w_strb:16, in s_w_last:1, "
        + "out s_b_valid:1, in s_b_ready:1, out s_b_id:4, out s_b_resp:2, "
        + "in s_ar_valid:1"), p);
    assertTrue(p.contains("out s_r_valid:1, in s_r_ready:1, out s_r_id:4, out s_r_data:128, out s_r_resp:2, "
        + "out s_r_last:1, out m_aw_valid:1"), p);
    assertTrue(p.endsWith("in m_r_valid:1, out m_r_ready:1, in m_r_id:4, in m_r_data:128, in m_r_resp:2, "
        + "in m_r_last:1"), p);
  }

  @Test
  void axi4UserFieldsAppearWithAUserWidth() {
    Design d = Elaborator.elaborate(new BusFixtures.Axi4Wire(new Axi4.Params(1, 32, 32, 5)));
    for (String f : List.of("s_aw_user", "s_w_user", "s_b_user", "s_ar_user", "s_r_user")) {
      Port port = d.top().port(f).orElseThrow(() -> new AssertionError("no port " + f));
      assertEquals(5, port.width());
    }
  }

  @Test
  void registerFileHasOnePortPerRegister() {
    ModuleIr regs = Elaborator.elaborate(BusFixtures.registerFile()).top();
    String p = ports(regs);
    assertTrue(p.contains("in s_aw_valid:1, out s_aw_ready:1, in s_aw_addr:8, in s_aw_prot:3"), p);
    assertTrue(p.endsWith("out ctrl:32, out mode:3, in status:8, out start:2"), p);
    Design top = Elaborator.elaborate(new BusFixtures.RegsTop());
    assertEquals(2, top.modules().size());
  }

  @Test
  void registerFileRejectsBadLayouts() {
    IllegalArgumentException overlap = assertThrows(IllegalArgumentException.class,
        () -> new AxiLiteRegisterFile("Bad", 8, 32, List.of(
            RegisterDecl.readWrite("a", 0x4, 8, 0), RegisterDecl.readOnly("b", 0x4, 8))));
    assertEquals("registers 'a' and 'b' share offset 0x4", overlap.getMessage());
    IllegalArgumentException unaligned = assertThrows(IllegalArgumentException.class,
        () -> new AxiLiteRegisterFile("Bad", 8, 32, List.of(RegisterDecl.readWrite("a", 0x2, 8, 0))));
    assertEquals("register 'a' at offset 0x2 is not aligned to 4 bytes", unaligned.getMessage());
    IllegalArgumentException wide = assertThrows(IllegalArgumentException.class,
        () -> new AxiLiteRegisterFile("Bad", 8, 32, List.of(RegisterDecl.readWrite("a", 0x0, 40, 0))));
    assertEquals("register 'a' is 40 bits, wider than the 32-bit bus", wide.getMessage());
  }

  @Test
  void busParametersAreChecked() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new Axi4.Params(1, 32, 24, 0));
    assertEquals("an AXI data width must be a power of two from 8 to 1024 bits, found 24", e.getMessage());
  }

  @Test
  void bundleShapeMismatchIsReported() {
    class Mismatch extends Module {
      Mismatch() {
        Stream a = slave("a", () -> new Stream(8));
        Stream b = master("b", () -> new Stream(9));
        Stream.connect(a, b);
      }
    }
    HdlException e = assertThrows(HdlException.class, Mismatch::new);
    assertTrue(e.getMessage().contains("field 'data' is Bits(8) on one side and Bits(9) on the other"),
        e.getMessage());
  }
}
