package veneer.examples;

import static veneer.kernel.WorkItem.globalId;

import java.util.List;
import veneer.kernel.Kernel;
import veneer.kernel.WorkRange;
import veneer.runtime.DeviceArray;
import veneer.runtime.KernelHandle;
import veneer.runtime.LaunchResult;
import veneer.runtime.User;

/**
 * A 64-bin histogram of bytes in two launches and no atomics: {@code partial} gives each
 * work-item its own chunk of the data and its own row of bins, then {@code merge} sums the rows,
 * one work-item per bin. The partial histograms stay on the device between the launches (a
 * {@link DeviceArray}); only the data goes in and the 64 bins come out.
 *
 * <pre>{@code
 * int[] bins = Histogram.onDevice(dev.user(), data, 256).output();
 * }</pre>
 */
public final class Histogram {
  /** Bins: a byte's top six bits. */
  public static final int BINS = 64;

  private Histogram() {}

  @Kernel
  public static void partial(byte[] data, int[] partial, int chunk) {
    int id = globalId(0);
    int start = id * chunk;
    int end = Math.min(start + chunk, data.length);
    for (int i = start; i < end; i++) {
      partial[id * BINS + ((data[i] & 0xFF) >> 2)]++;
    }
  }

  @Kernel
  public static void merge(int[] partial, int[] bins, int chunks) {
    int bin = globalId(0);
    int sum = 0;
    for (int c = 0; c < chunks; c++) {
      sum += partial[c * BINS + bin];
    }
    bins[bin] = sum;
  }

  /** Chunks of {@code chunk} bytes for {@code bytes} bytes of data. */
  public static int chunks(int bytes, int chunk) {
    return (bytes + chunk - 1) / chunk;
  }

  /** The host program. */
  public static HostRun<int[]> onDevice(User user, byte[] data, int chunk) {
    KernelHandle partial = user.kernel(Histogram.class, "partial");
    KernelHandle merge = user.kernel(Histogram.class, "merge");
    int chunks = chunks(data.length, chunk);
    int[] bins = new int[BINS];
    try (DeviceArray rows = user.array(int.class, chunks * BINS)) {
      LaunchResult p = partial.launch(WorkRange.of(chunks), data, rows, chunk);
      LaunchResult m = merge.launch(WorkRange.of(BINS), rows, bins, chunks);
      return new HostRun<>(bins, List.of(p, m), partial.compileNanos() + merge.compileNanos());
    }
  }
}
