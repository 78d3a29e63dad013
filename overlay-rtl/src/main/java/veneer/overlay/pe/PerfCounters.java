package veneer.overlay.pe;

import java.util.ArrayList;
import java.util.List;
import veneer.hdl.Bool;
import veneer.hdl.Module;
import veneer.hdl.UInt;

/**
 * The PE's performance counters, 48 bits each, cleared by {@code clear} (at start): busy cycles,
 * instructions retired, and the cycles in which no instruction issued although a thread was
 * running, by cause.
 *
 * <pre>{@code
 * PerfCounters perf = instance("perf", new PerfCounters());
 * perf.count("retired").assign(retiring);
 * }</pre>
 */
public final class PerfCounters extends Module {
  /** The counted events, in port order: {@code perf_<name>} out, {@code <name>} in. */
  public static final List<String> EVENTS = List.of(
      "cycles",          // the PE was busy
      "retired",         // an instruction retired
      "stall_memory",    // no thread ready, some waiting for global memory
      "stall_divide",    // no thread ready, none waiting for memory, some for the divider
      "stall_pipeline",  // no thread ready, all running threads in the pipeline (threads < 4)
      "stall_writeback", // issue held back to give a late result the write port
      "div_replays");    // a division found the divider busy and will issue again
  public static final int WIDTH = 48;

  public final Bool clear = input("clear", Bool());
  private final List<Bool> events = new ArrayList<>();
  private final List<UInt> counters = new ArrayList<>();

  public PerfCounters() {
    for (String name : EVENTS) {
      Bool event = input(name, Bool());
      UInt out = output("perf_" + name, UInt(WIDTH));
      UInt count = reg("count_" + name, UInt(WIDTH), 0);
      when(clear, () -> count.assign(0))
          .elsewhen(event, () -> count.assign(count.add(1)));
      out.assign(count);
      events.add(event);
      counters.add(out);
    }
  }

  /** The event input {@code name}. */
  public Bool event(String name) {
    return events.get(index(name));
  }

  /** The counter output {@code name}. */
  public UInt counter(String name) {
    return counters.get(index(name));
  }

  private static int index(String name) {
    int i = EVENTS.indexOf(name);
    if (i < 0) {
      throw new IllegalArgumentException("no performance counter '" + name + "'; expected one of " + EVENTS);
    }
    return i;
  }
}
