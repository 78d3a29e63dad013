package veneer.examples;

import static veneer.kernel.WorkItem.globalId;

import java.util.List;
import veneer.kernel.Kernel;
import veneer.kernel.WorkRange;
import veneer.runtime.KernelHandle;
import veneer.runtime.User;

/**
 * A 3x3 convolution of an 8-bit grey image (edges clamped), one work-item per output pixel:
 * {@code out = clamp((sum of weight * pixel) >> shift, 0, 255)}. {@link #BLUR} is a Gaussian blur.
 *
 * <pre>{@code
 * byte[] blurred = Convolution2d.onDevice(dev.user(), pixels, width, height, Convolution2d.BLUR, 4).output();
 * }</pre>
 */
public final class Convolution2d {
  /** A 3x3 Gaussian blur; use with shift 4 (the weights sum to 16). */
  public static final int[] BLUR = {1, 2, 1, 2, 4, 2, 1, 2, 1};

  private Convolution2d() {}

  @Kernel
  public static void convolve(byte[] image, int[] weights, byte[] out, int width, int height, int shift) {
    int x = globalId(0);
    int y = globalId(1);
    int sum = 0;
    for (int dy = -1; dy <= 1; dy++) {
      int sy = Math.min(Math.max(y + dy, 0), height - 1);
      for (int dx = -1; dx <= 1; dx++) {
        int sx = Math.min(Math.max(x + dx, 0), width - 1);
        sum += (image[sy * width + sx] & 0xFF) * weights[(dy + 1) * 3 + dx + 1];
      }
    }
    out[y * width + x] = (byte) Math.min(Math.max(sum >> shift, 0), 255);
  }

  /** The host program. */
  public static HostRun<byte[]> onDevice(User user, byte[] image, int width, int height, int[] weights, int shift) {
    KernelHandle conv = user.kernel(Convolution2d.class, "convolve");
    byte[] out = new byte[width * height];
    return new HostRun<>(out, List.of(conv.launch(WorkRange.of2d(width, height, 1, 1), image, weights, out, width, height,
        shift)), conv.compileNanos());
  }
}
