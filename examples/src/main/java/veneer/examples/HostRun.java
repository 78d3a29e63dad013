package veneer.examples;

import java.util.List;
import veneer.runtime.LaunchResult;

/**
 * What a host program of the examples gives back: its output, the launches it made (each with
 * its profile) and how long compiling its kernels took.
 *
 * <pre>{@code
 * HostRun<int[]> r = VectorAdd.onDevice(dev.user(), a, b);
 * int[] c = r.output();
 * long cycles = r.cycles();
 * }</pre>
 */
public record HostRun<T>(T output, List<LaunchResult> launches, long compileNanos) {
  public HostRun {
    launches = List.copyOf(launches);
  }

  /** Busy cycles of the overlay over all launches. */
  public long cycles() {
    return launches.stream().mapToLong(l -> l.profile().cycles()).sum();
  }

  /** Instructions retired over all launches. */
  public long retired() {
    return launches.stream().mapToLong(l -> l.profile().retired()).sum();
  }
}
