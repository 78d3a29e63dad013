package veneer.cli;

import java.util.ArrayList;
import java.util.List;
import veneer.examples.ExampleOutcome;
import veneer.examples.Examples;
import veneer.kernel.WorkRange;
import veneer.runtime.Device;
import veneer.runtime.DeviceArray;
import veneer.runtime.KernelHandle;
import veneer.runtime.LoadFailedException;
import veneer.runtime.Management;
import veneer.runtime.Veneer;

/**
 * The measurements of {@code bench e2e}, all through the runtime API on a simulated device: the
 * signed overlay image loaded through PF0, back-to-back launches of a tiny kernel, and the
 * vector add, matrix multiply and 2-D convolution examples (each checked against the JVM).
 * Device time comes from PF0's free-running {@code cycles} register (32 bits, so every interval
 * is read as a difference modulo 2^32; no measured interval comes near 2^32 cycles).
 *
 * <pre>{@code
 * EndToEndRun r = EndToEndRun.measure("sim:jvm", new EndToEndRun.Sizes(20, 16384, 16, 32, 16));
 * System.out.println(r.launchCycles() / (double) r.launches() + " cycles per launch");
 * }</pre>
 *
 * @param uri the device
 * @param overlay the overlay's shape, PEs x threads per PE ({@link OverlayShape})
 * @param imageBytes size of the signed image file
 * @param imageLoadCycles device cycles of {@link Management#load}: PF0 {@code cycles} read before and after
 * @param imageLoadNanos wall-clock time of the same call (verification included)
 * @param launches timed launches of {@link LaunchCounter} (after one untimed launch that loads its code)
 * @param launchCycles device cycles of the timed launches, summed (each read around its own launch)
 * @param launchNanos wall-clock time of the timed launches, summed the same way
 * @param kernels vector add, matrix multiply, 2-D convolution
 */
record EndToEndRun(String uri, String overlay, int imageBytes, long imageLoadCycles, long imageLoadNanos,
    int launches, long launchCycles, long launchNanos, List<ExampleOutcome> kernels) {

  /** Seed of the examples' random inputs: fixed, so cycle counts repeat run to run. */
  static final long SEED = 1;

  /**
   * Problem sizes.
   *
   * @param launches timed launches of the tiny kernel
   * @param vectorLength elements of each vector of the vector add
   * @param matrixSize n of the n x n matrix multiply
   * @param convolutionWidth image width of the 3x3 convolution
   * @param convolutionHeight image height of the 3x3 convolution
   */
  record Sizes(int launches, int vectorLength, int matrixSize, int convolutionWidth, int convolutionHeight) {
    Sizes {
      positive("--launches", launches);
      positive("--vector-length", vectorLength);
      positive("--matrix-size", matrixSize);
      positive("--conv-width", convolutionWidth);
      positive("--conv-height", convolutionHeight);
    }

    private static void positive(String option, int value) {
      if (value < 1) {
        throw new IllegalArgumentException(option + ": expected a positive number, found " + value);
      }
    }
  }

  /** Opens {@code uri}, loads a freshly signed overlay image, and measures; throws if a result differs from the JVM. */
  static EndToEndRun measure(String uri, Sizes sizes) throws LoadFailedException {
    try (Device dev = Veneer.open(uri)) {
      TimedCall load = TimedCall.signedOverlayLoad(dev.management());
      String overlay = OverlayShape.of(dev.user());

      long[] launch = launches(dev, sizes.launches());

      List<ExampleOutcome> kernels = new ArrayList<>();
      for (Examples.Case c : List.of(Examples.vectorAdd(sizes.vectorLength(), SEED),
          Examples.matrixMultiply(sizes.matrixSize(), SEED),
          Examples.convolution(sizes.convolutionWidth(), sizes.convolutionHeight(), SEED))) {
        kernels.add(c.run(dev.user()));
      }
      return new EndToEndRun(uri, overlay, load.imageBytes(), load.cycles(), load.nanos(), sizes.launches(), launch[0],
          launch[1], kernels);
    }
  }

  /** {device cycles, wall nanoseconds} of {@code n} launch-and-wait calls of the tiny kernel. */
  private static long[] launches(Device dev, int n) {
    Management pf0 = dev.management();
    KernelHandle count = dev.user().kernel(LaunchCounter.class, "count");
    try (DeviceArray counter = dev.user().array(int.class, 1)) {
      count.launch(WorkRange.of(1), counter); // writes the code into IMEM; later launches find it there
      long cycles = 0;
      long nanos = 0;
      for (int i = 0; i < n; i++) {
        TimedCall t = TimedCall.of(pf0, () -> count.launch(WorkRange.of(1), counter));
        cycles += t.cycles();
        nanos += t.nanos();
      }
      int counted = ((int[]) counter.read())[0];
      if (counted != n + 1) {
        throw new IllegalStateException("launch counter: expected " + (n + 1) + " after " + (n + 1) + " launches, found "
            + counted);
      }
      return new long[] {cycles, nanos};
    }
  }
}
