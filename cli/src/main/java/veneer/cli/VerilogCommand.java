package veneer.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import veneer.hdl.Elaborator;
import veneer.hdl.Module;
import veneer.hdl.TopFactory;
import veneer.hdl.ir.Design;
import veneer.hdl.verilog.VerilogEmitter;

/** {@code veneer verilog}: emits the Verilog of a top-level design, or lists the designs. */
@Command(name = "verilog", mixinStandardHelpOptions = true,
    description = {"Emit the Verilog of a hardware design, one file per module.",
        "Example: ./veneer verilog --top LfsrAluLanes --param lanes=4 --out build/rtl"})
final class VerilogCommand implements Callable<Integer> {
  @Option(names = "--top", paramLabel = "CLASS", description = "The design: a @Top class, full or simple name.")
  String top;

  @Option(names = "--param", paramLabel = "NAME=VALUE", description = "A design parameter (repeatable).")
  Map<String, String> params = new LinkedHashMap<>();

  @Option(names = "--out", paramLabel = "DIR", description = "Where to write the .v files.")
  Path out;

  @Option(names = "--list", description = "List every top-level design, one class name a line.")
  boolean list;

  @Override
  public Integer call() {
    if (list) {
      TopRegistry.all().forEach(System.out::println);
      return 0;
    }
    if (top == null || out == null) {
      throw new IllegalArgumentException("expected --top CLASS and --out DIR (or --list)");
    }
    Class<?> design = TopRegistry.resolve(top);
    Module m = TopFactory.create(design, params);
    Design d = Elaborator.elaborate(m);
    Map<String, String> files = VerilogEmitter.emit(d);
    VerilogEmitter.writeTo(d, out);
    System.out.println("wrote " + files.size() + " file" + (files.size() == 1 ? "" : "s") + " for "
        + d.nameOf(d.top()) + " to " + out + ": " + String.join(" ", files.keySet()));
    return 0;
  }
}
