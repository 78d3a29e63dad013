package veneer.hdl.verilog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import veneer.hdl.Bits;
import veneer.hdl.Bool;
import veneer.hdl.Elaborator;
import veneer.hdl.Mem;
import veneer.hdl.Module;
import veneer.hdl.UInt;
import veneer.hdl.ir.Design;

/**
 * {@code Mem.exclusiveWrites}: each write port in its own {@code always} block (no order for
 * synthesis to build), and an assertion that stops simulation when two ports write one address.
 */
class ExclusiveWritesTest {
  /** Two write ports and a registered read; the ports are exclusive when {@code exclusive}. */
  static final class TwoWriters extends Module {
    TwoWriters(boolean exclusive) {
      Bool we = input("we", Bool());
      UInt waddr = input("waddr", UInt(3));
      Bits wdata = input("wdata", Bits(8));
      Bool we2 = input("we2", Bool());
      UInt waddr2 = input("waddr2", UInt(3));
      Bits wdata2 = input("wdata2", Bits(8));
      UInt raddr = input("raddr", UInt(3));
      Mem<Bits> ram = mem("ram", Bits(8), 8);
      if (exclusive) {
        ram.exclusiveWrites();
      }
      when(we, () -> ram.write(waddr, wdata));
      when(we2, () -> ram.write(waddr2, wdata2));
      output("rdata", Bits(8)).assign(ram.readSync(raddr));
    }
  }

  private static long alwaysBlocks(String verilog) {
    return verilog.lines().filter(l -> l.contains("always @(posedge clk)")).count();
  }

  @Test
  void exclusivePortsGetABlockEachAndAnAssertion() {
    Design plain = Elaborator.elaborate(new TwoWriters(false));
    Design exclusive = Elaborator.elaborate(new TwoWriters(true));
    assertEquals(1, alwaysBlocks(VerilogEmitter.emitModule(plain, plain.top())));
    String v = VerilogEmitter.emitModule(exclusive, exclusive.top());
    assertEquals(4, alwaysBlocks(v), "a block per write port, one for the read, one for the assertion:\n" + v);
    assertTrue(v.contains("memory 'ram' declares exclusive writes"), v);
    assertTrue(plain.top().assertions().isEmpty());
    assertEquals(1, exclusive.top().assertions().size());
  }

  private static String simulate(Path dir, String stimulus) throws Exception {
    Design design = Elaborator.elaborate(new TwoWriters(true));
    VerilogEmitter.writeTo(design, dir);
    String top = VerilogEmitter.topName(design);
    String tb = "module tb;\n  reg clk = 0;\n  reg we = 0, we2 = 0;\n"
        + "  reg [2:0] waddr = 0, waddr2 = 0, raddr = 0;\n  reg [7:0] wdata = 0, wdata2 = 0;\n"
        + "  wire [7:0] rdata;\n  " + top + " dut (.clk(clk), .we(we), .waddr(waddr),"
        + " .wdata(wdata), .we2(we2), .waddr2(waddr2), .wdata2(wdata2), .raddr(raddr), .rdata(rdata));\n"
        + "  always #5 clk = !clk;\n  initial begin\n    #22;\n    " + stimulus + "\n"
        + "    $display(\"finished\");\n    $finish;\n  end\nendmodule\n";
    Files.writeString(dir.resolve("tb.v"), tb);
    ToolRun.run(dir, "iverilog", true, "iverilog", "-g2012", "-o", "sim.vvp", "-s", "tb", "tb.v", top + ".v");
    return ToolRun.run(dir, "iverilog", false, "vvp", "-n", "sim.vvp");
  }

  @Test
  void writesToTwoAddressesBothLand(@TempDir Path dir) throws Exception {
    String out = simulate(dir, "@(negedge clk); we = 1; waddr = 1; wdata = 8'h12; we2 = 1; waddr2 = 6; wdata2 = 8'h34;"
        + " @(negedge clk); we = 0; we2 = 0; raddr = 1; @(negedge clk); $display(\"r1 %h\", rdata);"
        + " raddr = 6; @(negedge clk); $display(\"r6 %h\", rdata);");
    assertFalse(out.contains("Assertion failed"), out);
    assertTrue(out.contains("r1 12") && out.contains("r6 34") && out.contains("finished"), out);
  }

  @Test
  void writesToOneAddressStopTheSimulation(@TempDir Path dir) throws Exception {
    String out = simulate(dir, "@(negedge clk); we = 1; waddr = 3; we2 = 1; waddr2 = 3; @(negedge clk); @(negedge clk);");
    assertTrue(out.contains("Assertion failed in tb.dut: memory 'ram' declares exclusive writes"), out);
    assertFalse(out.contains("finished"), out);
  }
}
