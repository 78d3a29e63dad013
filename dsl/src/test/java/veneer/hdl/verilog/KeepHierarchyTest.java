package veneer.hdl.verilog;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import veneer.hdl.Elaborator;
import veneer.hdl.Module;
import veneer.hdl.UInt;
import veneer.hdl.ir.Design;

/**
 * A module that asks to keep its hierarchy carries Yosys's and Vivado's {@code keep_hierarchy}
 * attribute, is a distinct variant from the same netlist without it, and survives a flattening
 * synthesis as a unit.
 */
class KeepHierarchyTest {
  /** y = a ^ b, kept as a unit or not. */
  static final class Xor extends Module {
    final UInt a = input("a", UInt(8));
    final UInt b = input("b", UInt(8));
    final UInt y = output("y", UInt(8));

    Xor(boolean keep) {
      super("Xor");
      if (keep) {
        keepHierarchy();
      }
      y.assign(a.xor(b));
    }
  }

  /** Two instances of the same logic, one kept and one not. */
  static final class Pair extends Module {
    Pair() {
      super("Pair");
      UInt a = input("a", UInt(8));
      UInt b = input("b", UInt(8));
      Xor kept = instance("kept", new Xor(true));
      Xor plain = instance("plain", new Xor(false));
      kept.a.assign(a);
      kept.b.assign(b);
      plain.a.assign(b);
      plain.b.assign(a);
      output("y", UInt(8)).assign(kept.y.and(plain.y));
    }
  }

  @Test
  void theAttributeComesRightBeforeTheModuleAndSurvivesFlattening(@TempDir Path dir) throws Exception {
    Design design = Elaborator.elaborate(new Pair());
    List<Path> files = VerilogEmitter.writeTo(design, dir);
    assertEquals(3, files.size(), "the kept and the plain Xor are two variants: " + files);
    int keptFiles = 0;
    for (Path f : files) {
      List<String> lines = Files.readAllLines(f);
      int module = lines.indexOf(lines.stream().filter(l -> l.startsWith("module ")).findFirst().orElseThrow());
      boolean kept = lines.get(module - 1).equals("(* keep_hierarchy = \"yes\" *)");
      assertEquals(kept, lines.stream().anyMatch(l -> l.contains("keep_hierarchy")), f.toString());
      keptFiles += kept ? 1 : 0;
    }
    assertEquals(1, keptFiles, "only the kept Xor carries the attribute");

    StringBuilder read = new StringBuilder();
    files.forEach(f -> read.append("read_verilog ").append(f.getFileName()).append("; "));
    ToolRun.run(dir, "yosys", true, "yosys", "-q", "-p",
        read + "synth -top Pair -flatten; tee -q -o cells.txt select -list t:Xor*");
    String cells = Files.readString(dir.resolve("cells.txt"));
    assertEquals(List.of("Pair/kept"), cells.lines().filter(l -> !l.isBlank()).toList(),
        "the kept Xor stays a cell after synth -flatten, the plain one is flattened away");
  }
}
