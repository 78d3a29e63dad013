package veneer.shell.overlay;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import veneer.compiler.CompiledKernel;
import veneer.compiler.launch.DeviceLaunch;
import veneer.overlay.array.ArrayConfig;
import veneer.shell.dram.bench.AxiChannelStalls;
import veneer.shell.platform.PlatformDriver;
import veneer.sim.Simulator;
import veneer.sim.bus.CycleHook;

/**
 * A probe for issue 6 (docs/array-throughput.md, "Third pass"): the compiled vector add with its
 * arrays placed as the runtime places them ({@link OverlayHost#place}: element 0 on a line, so
 * every block of 16 is one line), checked against the JVM, and a timeline of the Role DRAM port ({@code mon_role_dram0}):
 * AR, R and AW handshakes per bucket of cycles from the start write, reads in flight, the first
 * and last line request, and each PE's busy cycles. Small by default (2 x 4 PEs, 512 elements);
 * the figures of the doc come from
 * {@code -Dveneer.convoy.shape=32x8 -Dveneer.convoy.n=16384 -Dveneer.convoy.bucket=128}.
 * {@code -Dveneer.convoy.wave=FILE} writes a VCD of the 200 cycles from the first line request and
 * then stops the run with an exception (that is how the decoupler's burst limit was found).
 */
class ConvoyProbeTest {
  static final class Timeline implements CycleHook {
    final List<long[]> events = new ArrayList<>();
    boolean on;
    long cycle;
    long waveAt = -1;

    @Override
    public void beforeEdge(Simulator sim) {
      if (!on) {
        return;
      }
      long ar = fire(sim, "ar");
      long r = fire(sim, "r");
      long aw = fire(sim, "aw");
      String wave = System.getProperty("veneer.convoy.wave");
      if (wave != null && ar > 0 && waveAt < 0) {
        waveAt = cycle;
        sim.dumpWaves(Path.of(wave));
      }
      if (waveAt >= 0 && cycle > waveAt + 200) {
        throw new IllegalStateException("wave window done");
      }
      if (ar + r + aw > 0) {
        events.add(new long[] {cycle, ar, r, aw});
      }
      cycle++;
    }

    private static long fire(Simulator sim, String ch) {
      return sim.peek("mon_role_dram0_" + ch + "_valid") & sim.peek("mon_role_dram0_" + ch + "_ready");
    }
  }

  @Test
  void timeline() {
    String[] shape = System.getProperty("veneer.convoy.shape", "2x4").split("x");
    int n = Integer.getInteger("veneer.convoy.n", 512);
    int bucket = Integer.getInteger("veneer.convoy.bucket", 128);
    ArrayConfig array = OverlayDramPath.shape(Integer.parseInt(shape[0]), Integer.parseInt(shape[1]));
    OverlayDramPath.Inputs in = OverlayDramPath.Inputs.random(n, 1);
    int[] a = in.a();
    int[] b = in.b();
    int[] expected = in.expected();
    CompiledKernel k = OverlayDramPath.kernel();
    DeviceLaunch plan = OverlayDramPath.plan(k, n, array);
    try (PlatformDriver dev = OverlayDramPath.openWithOverlay(array)) {
      OverlayHost host = new OverlayHost(dev);
      OverlayHost.Placed placed = host.place(k, plan, new Object[] {a, b, new int[n]});
      AxiChannelStalls port = dev.simulator().attach(
          new AxiChannelStalls(dev.simulator(), "mon_role_dram0"));
      port.clear();
      Timeline t = dev.simulator().attach(new Timeline());
      t.on = true;
      long cycles = host.launch(k.entryPc(), 0, 1, 200L * n + 100_000);
      t.on = false;
      port.counting(false);
      System.out.println("CONVOY port " + port);
      long inflight = 0;
      long sum = 0;
      long max = 0;
      int ei = 0;
      for (long cy = 0; cy < t.cycle; cy++) {
        while (ei < t.events.size() && t.events.get(ei)[0] == cy) {
          inflight += t.events.get(ei)[1] - t.events.get(ei)[2];
          ei++;
        }
        sum += inflight;
        max = Math.max(max, inflight);
      }
      System.out.printf(Locale.ROOT, "CONVOY reads in flight at the Role port: mean %.2f, max %d%n", (double) sum / t.cycle, max);
      int[] got = new int[n];
      placed.readBack(2, got);
      if (!Arrays.equals(expected, got)) {
        throw new AssertionError("c on the overlay differs from the JVM's (seed 1)");
      }
      long ars = t.events.stream().mapToLong(e -> e[1]).sum();
      long aws = t.events.stream().mapToLong(e -> e[3]).sum();
      long firstAr = t.events.stream().filter(e -> e[1] > 0).mapToLong(e -> e[0]).min().orElse(-1);
      long lastAr = t.events.stream().filter(e -> e[1] > 0).mapToLong(e -> e[0]).max().orElse(-1);
      long lastAw = t.events.stream().filter(e -> e[3] > 0).mapToLong(e -> e[0]).max().orElse(-1);
      System.out.printf(Locale.ROOT, "CONVOY %sx%s n=%d: %d cycles (start write to interrupt); AR %d, AW %d;"
          + " first AR at %d, last AR at %d, last AW at %d; stalls memory %d, instructions %d%n",
          shape[0], shape[1], n, cycles, ars, aws, firstAr, lastAr, lastAw, host.counter("sum_stall_memory"),
          host.counter("sum_retired"));
      int nb = (int) (t.cycle / bucket) + 1;
      long[][] hist = new long[nb][3];
      for (long[] e : t.events) {
        int i = (int) (e[0] / bucket);
        hist[i][0] += e[1];
        hist[i][1] += e[2];
        hist[i][2] += e[3];
      }
      StringBuilder sb = new StringBuilder("CONVOY bucket start: AR R AW\n");
      for (int i = 0; i < nb; i++) {
        sb.append(String.format(Locale.ROOT, "%6d: %4d %4d %4d %s%n", i * bucket, hist[i][0], hist[i][1], hist[i][2],
            "#".repeat((int) (hist[i][0] * 40 / bucket))));
      }
      System.out.print(sb);
      StringBuilder pes = new StringBuilder("CONVOY per-PE busy cycles:");
      for (int p = 0; p < array.pes(); p++) {
        host.write("perf_select", p);
        pes.append(' ').append(host.counter("pe_cycles"));
      }
      System.out.println(pes);
    }
  }
}
