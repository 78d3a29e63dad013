package veneer.hdl.verilog;

import java.nio.file.Path;
import veneer.hdl.designs.ReferenceDesigns;

/** Writes every reference design under a directory, for looking at the output by hand. */
public final class DumpDesigns {
  private DumpDesigns() {}

  public static void main(String[] args) {
    Path root = Path.of(args.length > 0 ? args[0] : "target/reference-verilog");
    for (String name : ReferenceDesigns.all().keySet()) {
      var d = ReferenceDesigns.elaborate(name);
      VerilogEmitter.writeTo(d, root.resolve(name));
      if (args.length > 1) {
        System.out.println("== " + name + ": " + LintTools.lint(root.resolve(name), VerilogEmitter.topName(d)));
      }
    }
  }
}
