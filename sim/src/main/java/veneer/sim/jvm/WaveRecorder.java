package veneer.sim.jvm;

import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import veneer.hdl.Module;
import veneer.sim.flat.FlatNet;
import veneer.sim.flat.FlatNetlist;
import veneer.sim.waves.VcdWriter;

/**
 * Records every port and named net of a simulation to a VCD file. Time unit 1 ns, clock period
 * 10: the rising edge that ends cycle {@code k} (making {@code cycle() == k + 1}) is at time
 * {@code 10 (k + 1)} with the settled values after it; at {@code 10 k + 5} the clock falls and
 * the values just before the next edge (inputs poked since) are shown.
 */
final class WaveRecorder implements AutoCloseable {
  private final VcdWriter vcd;
  private final Model model;
  private final int[] nets;
  private final boolean[] isClock;
  private long cycle;

  WaveRecorder(Path file, FlatNetlist flat, Model model) {
    this.model = model;
    List<String> names = new ArrayList<>();
    List<Integer> sources = new ArrayList<>();
    List<Boolean> clock = new ArrayList<>();
    Integer clk = flat.inputs().get(Module.CLOCK);
    if (clk == null) {
      names.add(Module.CLOCK);
      sources.add(-1);
      clock.add(true);
    }
    for (FlatNet n : flat.nets()) {
      if (n.named()) {
        names.add(n.name());
        sources.add(flat.source(n.id()));
        clock.add(clk != null && flat.source(n.id()) == flat.source(clk));
      }
    }
    nets = sources.stream().mapToInt(Integer::intValue).toArray();
    isClock = new boolean[nets.length];
    int[] widths = new int[nets.length];
    for (int i = 0; i < nets.length; i++) {
      isClock[i] = clock.get(i);
      widths[i] = nets[i] < 0 ? 1 : flat.net(nets[i]).width();
    }
    vcd = new VcdWriter(file, flat.topName(), names, widths, "1ns");
  }

  private void sample(long time, boolean clockHigh) {
    BigInteger[] values = new BigInteger[nets.length];
    for (int i = 0; i < nets.length; i++) {
      values[i] = isClock[i] ? (clockHigh ? BigInteger.ONE : BigInteger.ZERO) : model.value(nets[i]);
    }
    vcd.sample(time, values);
  }

  /** The first sample, at the current cycle, with settled values. */
  void start(long atCycle) {
    cycle = atCycle;
    sample(10 * atCycle, false);
  }

  /** The settled values just before the edge that ends {@code atCycle}. */
  void beforeEdge(long atCycle) {
    cycle = atCycle;
    sample(10 * atCycle + 5, false);
  }

  /** The settled values after the edge that made the cycle count {@code atCycle}. */
  void afterEdge(long atCycle) {
    cycle = atCycle;
    sample(10 * atCycle, true);
  }

  /** Records the last values (inputs poked after the last edge) and closes the file. */
  @Override
  public void close() {
    sample(10 * cycle + 5, false);
    vcd.close();
  }
}
