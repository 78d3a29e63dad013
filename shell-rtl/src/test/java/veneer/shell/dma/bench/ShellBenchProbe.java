package veneer.shell.dma.bench;

import veneer.sim.Backend;

/** Prints the full benchmark: {@code java ... ShellBenchProbe [jvm|verilator]} (run by hand). */
public final class ShellBenchProbe {
  private ShellBenchProbe() {}

  public static void main(String[] args) {
    Backend backend = args.length > 0 && args[0].equals("verilator") ? Backend.VERILATOR : Backend.JVM;
    long t = System.nanoTime();
    System.out.print(ShellBench.run(backend, ShellBench.DEFAULT_SIZES).toText());
    System.out.printf("%.1f s%n", (System.nanoTime() - t) / 1e9);
  }
}
