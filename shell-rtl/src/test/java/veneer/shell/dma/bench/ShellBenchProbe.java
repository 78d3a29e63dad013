package veneer.shell.dma.bench;

import veneer.sim.Backend;

/** Prints the full benchmark (run by hand: it takes a while). */
public final class ShellBenchProbe {
  public static void main(String[] args) {
    long t = System.nanoTime();
    System.out.print(ShellBench.run(Backend.JVM, ShellBench.DEFAULT_SIZES).toText());
    System.out.printf("%.1f s%n", (System.nanoTime() - t) / 1e9);
  }
}
