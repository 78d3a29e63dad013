package veneer.shell.dram.bench;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import veneer.sim.Simulator;
import veneer.sim.bus.CycleHook;

/**
 * Counts, for each of the five channels of an AXI4 bus visible at a design's top
 * ({@code <bus>_ar_valid}, {@code <bus>_ar_ready} ...), the cycles with VALID, the handshakes, and
 * the cycles where VALID waited for READY: where a transfer waits on a memory path. Only watches;
 * attach it to a {@code CheckedSimulator} and read it at any time.
 *
 * <pre>{@code
 * AxiChannelStalls port = sim.attach(new AxiChannelStalls(sim, "mon_role_dram0"));
 * ... run ...
 * System.out.println(port);   // mon_role_dram0 over 11428 cycles: AR 2651 fired, 830 waited ...
 * }</pre>
 */
public final class AxiChannelStalls implements CycleHook {
  /** The five AXI4 channels, by their signal prefix. */
  public enum Channel {
    AR, AW, W, R, B;

    String prefix() {
      return name().toLowerCase(Locale.ROOT) + "_";
    }
  }

  /** One channel's counts. */
  public static final class Counts {
    long valid;
    long fired;

    /** Cycles with VALID high. */
    public long valid() {
      return valid;
    }

    /** Handshakes (VALID and READY). */
    public long fired() {
      return fired;
    }

    /** Cycles with VALID high and READY low: the transfer waited on the receiver. */
    public long waited() {
      return valid - fired;
    }
  }

  private final String bus;
  private final Map<Channel, Counts> counts = new EnumMap<>(Channel.class);
  private long cycles;
  private boolean counting = true;

  /** Watches the bus whose top-level signals start with {@code bus + "_"}. */
  public AxiChannelStalls(Simulator sim, String bus) {
    this.bus = bus;
    for (Channel c : Channel.values()) {
      for (String s : new String[] {"valid", "ready"}) {
        String name = bus + "_" + c.prefix() + s;
        if (sim.design().top().port(name).isEmpty()) {
          throw new IllegalArgumentException("the design " + sim.design().top().name() + " has no port '" + name
              + "': expected an AXI4 bus '" + bus + "' at its top (a probe or a port)");
        }
      }
      counts.put(c, new Counts());
    }
  }

  /** Counts only while {@code on} (for example from a kernel's start to its end). */
  public void counting(boolean on) {
    counting = on;
  }

  /** Clears every count. */
  public void clear() {
    cycles = 0;
    counts.values().forEach(c -> {
      c.valid = 0;
      c.fired = 0;
    });
  }

  /** Cycles counted. */
  public long cycles() {
    return cycles;
  }

  public Counts get(Channel c) {
    return counts.get(c);
  }

  @Override
  public void beforeEdge(Simulator sim) {
    if (!counting || sim.peek("reset") != 0) {
      return;
    }
    cycles++;
    for (Channel c : Channel.values()) {
      if (sim.peek(bus + "_" + c.prefix() + "valid") != 0) {
        Counts n = counts.get(c);
        n.valid++;
        if (sim.peek(bus + "_" + c.prefix() + "ready") != 0) {
          n.fired++;
        }
      }
    }
  }

  @Override
  public String toString() {
    StringBuilder b = new StringBuilder(bus + " over " + cycles + " cycles:");
    for (Channel c : Channel.values()) {
      Counts n = counts.get(c);
      b.append(String.format(Locale.ROOT, " %s %d fired, %d waited;", c, n.fired, n.waited()));
    }
    return b.substring(0, b.length() - 1);
  }
}
