package veneer.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import veneer.hdl.ir.Design;
import veneer.hdl.ir.ModuleIr;
import veneer.hdl.verilog.VerilogEmitter;
import veneer.overlay.bench.PeBenchmark;
import veneer.sim.Backend;
import veneer.sim.bench.SimBenchmark;

/**
 * {@code veneer demo}: the main job — a hardware design emitted as Verilog and simulated on every
 * chosen back end, the processing element running a compute loop, then a whole simulated device:
 * a key, a signed overlay image loaded through the management function, the example kernels run
 * through the user function and checked against the JVM, refusals, an RTL Role, and a table of
 * figures ({@link DeviceDemo}).
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
    description = {"Show Veneer end to end on a simulated device; needs only a JDK and Maven.",
        "With Verilator installed it also runs the Verilator back end (--backend "
            + "both|jvm|verilator); the device runs on sim:jvm, or on sim:verilator with --backend "
            + "verilator, with the platform's default overlay or the one of --overlay (the default 32x8 "
            + "platform is a long Verilator build; --backend verilator --overlay 4x8 builds a smaller "
            + "one)."})
final class DemoCommand implements Callable<Integer> {
  @Option(names = "--backend", paramLabel = "jvm|verilator|both",
      description = "Simulators to run (default: both if verilator is installed, else jvm).")
  String backend;

  @Option(names = "--overlay", paramLabel = "PxT",
      description = "The device's overlay, PEs x threads per PE (default: the platform's default overlay).")
  String overlay;

  @Option(names = "--out", paramLabel = "DIR", description = "Where to write the demo's files (default ${DEFAULT-VALUE}).")
  Path out = Path.of("out", "demo");

  @Override
  public Integer call() throws IOException {
    Files.createDirectories(out);
    List<Backend> backends = backends();
    int failures = 0;

    step("1. Hardware: a reference design in Veneer's Java HDL, emitted as Verilog");
    Design design = SimBenchmark.design(8);
    int nets = design.modules().stream().mapToInt(m -> m.nets().size()).sum();
    Path rtl = out.resolve("rtl");
    VerilogEmitter.writeTo(design, rtl);
    System.out.printf("   LfsrAluLanes(8): %d modules, %d nets -> %s/%s.v%n", design.modules().size(), nets, rtl,
        design.nameOf(design.top()));
    for (ModuleIr m : design.modules()) {
      System.out.println("     " + design.nameOf(m) + ".v");
    }

    step("2. Simulation: the same design, cycle-accurate, on " + names(backends));
    List<SimBenchmark.Result> results = new ArrayList<>();
    for (Backend b : backends) {
      SimBenchmark.Result r = SimBenchmark.run(b, 8, 20_000, 200_000);
      results.add(r);
      System.out.printf(Locale.ROOT, "   %-9s 200000 cycles, %,.0f cycles/s, checksum %08x%n",
          b.name().toLowerCase(Locale.ROOT), r.cyclesPerSecond(), r.checksum());
    }
    if (results.stream().map(SimBenchmark.Result::checksum).distinct().count() > 1) {
      System.out.println("   FAIL: the back ends disagree");
      failures++;
    } else if (results.size() > 1) {
      System.out.println("   ok: both back ends end in the same state");
    }

    step("3. Overlay: a multithreaded RV32IM processing element running a compute loop");
    for (int t : new int[] {1, 4, 8}) {
      PeBenchmark.Result r = PeBenchmark.compute(t, backends.get(0));
      System.out.printf(Locale.ROOT, "   %d thread%s: %6d instructions in %6d cycles, IPC %.2f%n", t,
          t == 1 ? " " : "s", r.retired(), r.cycles(), r.ipc());
    }

    String uri = OverlayShape.simUri(backends.equals(List.of(Backend.VERILATOR)) ? "verilator" : "jvm", overlay);
    failures += new DeviceDemo(out).run(uri);

    System.out.println();
    System.out.println(failures == 0 ? "demo: all checks passed" : "demo: " + failures + " check(s) FAILED");
    return failures == 0 ? 0 : 1;
  }

  private List<Backend> backends() {
    String choice = backend != null ? backend : verilatorInstalled() ? "both" : "jvm";
    return switch (choice.toLowerCase(Locale.ROOT)) {
      case "both" -> List.of(Backend.JVM, Backend.VERILATOR);
      default -> List.of(Backend.parse(choice));
    };
  }

  private static boolean verilatorInstalled() {
    try {
      Process p = new ProcessBuilder("verilator", "--version").redirectErrorStream(true).start();
      p.getInputStream().transferTo(OutputStream.nullOutputStream());
      return p.waitFor() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static String names(List<Backend> backends) {
    return String.join(" and ", backends.stream().map(b -> b.name().toLowerCase(Locale.ROOT)).toList());
  }

  private static void step(String title) {
    System.out.println();
    System.out.println(title);
  }
}
