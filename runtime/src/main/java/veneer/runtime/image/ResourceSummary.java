package veneer.runtime.image;

/**
 * FPGA resources a Role build uses, as reported by the build. Each count is an unsigned 32-bit
 * value in the image header.
 *
 * <pre>{@code
 * new ResourceSummary(41_200, 63_000, 96, 32)
 * }</pre>
 *
 * @param luts look-up tables
 * @param flipFlops flip-flops (registers)
 * @param blockRams block RAM tiles
 * @param dsps DSP slices
 */
public record ResourceSummary(long luts, long flipFlops, long blockRams, long dsps) {

  /** Largest count the header can hold. */
  public static final long MAX_COUNT = 0xFFFF_FFFFL;

  /** Rejects counts that are negative or do not fit 32 unsigned bits. */
  public ResourceSummary {
    check("LUT count", luts);
    check("flip-flop count", flipFlops);
    check("block RAM count", blockRams);
    check("DSP count", dsps);
  }

  private static void check(String what, long value) {
    if (value < 0 || value > MAX_COUNT) {
      throw new IllegalArgumentException(what + ": expected 0.." + MAX_COUNT + ", found " + value);
    }
  }
}
