package veneer.hdl.verilog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import veneer.hdl.Elaborator;
import veneer.hdl.designs.Alu;
import veneer.hdl.ir.Design;
import veneer.hdl.ir.ModuleIr;
import veneer.hdl.ir.Port;

/**
 * Holds the width and signedness semantics of every operator to an external reference: the
 * emitted ALU is simulated by Icarus Verilog on seeded random and corner-case inputs, and every
 * output must equal the value that the documented meaning of the IR gives ({@link IrEvaluator}).
 */
class AluSimulationTest {
  private static final long SEED = 0x5EED_A1FL;
  private static final int VECTORS = 40;

  @Test
  void icarusAgreesWithTheIrOnEveryOperator(@TempDir Path dir) throws Exception {
    agreesWithTheIr(new Alu(), dir);
  }

  @Test
  void icarusAgreesWithTheIrOnSignedProducts(@TempDir Path dir) throws Exception {
    agreesWithTheIr(new SignedProducts(), dir);
  }

  private static void agreesWithTheIr(veneer.hdl.Module top, Path dir) throws Exception {
    Design design = Elaborator.elaborate(top);
    List<String> files = new ArrayList<>();
    for (Path p : VerilogEmitter.writeTo(design, dir)) {
      files.add(p.getFileName().toString());
    }
    ModuleIr alu = design.top();
    Random random = new Random(SEED);
    List<Map<String, BigInteger>> vectors = new ArrayList<>();
    for (int i = 0; i < VECTORS; i++) {
      Map<String, BigInteger> in = new LinkedHashMap<>();
      for (Port p : alu.ports()) {
        if (p.isInput()) {
          in.put(p.name(), sample(random, p.width()));
        }
      }
      vectors.add(in);
    }
    Files.writeString(dir.resolve("tb.v"), testbench(alu, design.nameOf(alu), vectors));
    List<String> cmd = new ArrayList<>(List.of("iverilog", "-g2012", "-o", "sim.vvp", "-s", "tb", "tb.v"));
    cmd.addAll(files);
    ToolRun.run(dir, "iverilog", true, cmd.toArray(new String[0]));
    String out = ToolRun.run(dir, "iverilog", true, "vvp", "-n", "sim.vvp");

    int checked = 0;
    for (String line : out.lines().toList()) {
      if (!line.startsWith("V")) {
        continue;
      }
      String[] fields = line.split(" ");
      int index = Integer.parseInt(fields[0].substring(1));
      Map<String, BigInteger> expected = IrEvaluator.outputs(alu, vectors.get(index));
      for (int f = 1; f < fields.length; f++) {
        String[] kv = fields[f].split("=");
        String context = "seed " + SEED + ", vector " + index + " " + vectors.get(index) + ", output " + kv[0];
        assertTrue(kv[1].matches("[0-9a-f]+"), context + ": Icarus printed " + kv[1]);
        assertEquals(expected.get(kv[0]).toString(16), new BigInteger(kv[1], 16).toString(16), context);
        checked++;
      }
    }
    long outputs = alu.ports().stream().filter(p -> !p.isInput()).count();
    assertEquals(VECTORS * outputs, checked, "every output of every vector was printed:\n" + out);
  }

  /** Random bits, or with some probability a corner value: 0, 1, all ones, only the sign bit, small. */
  private static BigInteger sample(Random random, int width) {
    BigInteger all = BigInteger.ONE.shiftLeft(width).subtract(BigInteger.ONE);
    switch (random.nextInt(8)) {
      case 0: return BigInteger.ZERO;
      case 1: return BigInteger.ONE;
      case 2: return all;
      case 3: return BigInteger.ONE.shiftLeft(width - 1);
      case 4: return BigInteger.valueOf(random.nextInt(600)).and(all);
      default: return new BigInteger(width, random);
    }
  }

  private static String testbench(ModuleIr m, String name, List<Map<String, BigInteger>> vectors) {
    StringBuilder sb = new StringBuilder("module tb;\n");
    StringBuilder conn = new StringBuilder();
    StringBuilder display = new StringBuilder();
    StringBuilder args = new StringBuilder();
    for (Port p : m.ports()) {
      sb.append("  ").append(p.isInput() ? "reg " : "wire ").append(VerilogText.range(p.width())).append(p.name()).append(";\n");
      conn.append(conn.length() == 0 ? "" : ", ").append('.').append(p.name()).append('(').append(p.name()).append(')');
      if (!p.isInput()) {
        display.append(' ').append(p.name()).append("=%h");
        args.append(", ").append(p.name());
      }
    }
    sb.append("  ").append(name).append(" dut (").append(conn).append(");\n  initial begin\n");
    for (int i = 0; i < vectors.size(); i++) {
      for (Map.Entry<String, BigInteger> e : vectors.get(i).entrySet()) {
        int w = m.port(e.getKey()).orElseThrow().width();
        sb.append("    ").append(e.getKey()).append(" = ").append(VerilogText.literal(w, e.getValue())).append(";\n");
      }
      sb.append("    #1 $display(\"V").append(i).append(display).append('"').append(args).append(");\n");
    }
    return sb.append("    $finish;\n  end\nendmodule\n").toString();
  }
}
