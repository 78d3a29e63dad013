package veneer.examples;

/**
 * One example run on a device and checked against the JVM: what the demo's table prints.
 *
 * <pre>{@code
 * ExampleOutcome o = Examples.vectorAdd(1024, 1).run(dev.user());
 * System.out.printf("%.2f elements/cycle, %.1f %% of the DRAM roofline%n", o.elementsPerCycle(), 100 * o.rooflineShare());
 * }</pre>
 *
 * @param name the example
 * @param elements output elements computed
 * @param bytesMoved bytes of the kernels' arrays read plus written
 * @param cycles overlay busy cycles over the example's launches
 * @param retired instructions retired over the launches
 * @param compileNanos time to compile the example's kernels
 * @param matches whether every output equals the JVM's
 * @param detail the first difference, or a short description of the result
 */
public record ExampleOutcome(String name, long elements, long bytesMoved, long cycles, long retired, long compileNanos,
    boolean matches, String detail) {
  /** The DRAM channel's peak: one 64-byte beat per cycle. */
  public static final double ROOFLINE_BYTES_PER_CYCLE = 64;

  public double elementsPerCycle() {
    return cycles == 0 ? 0 : (double) elements / cycles;
  }

  /** Bytes moved per cycle as a share of {@link #ROOFLINE_BYTES_PER_CYCLE}. */
  public double rooflineShare() {
    return cycles == 0 ? 0 : bytesMoved / (double) cycles / ROOFLINE_BYTES_PER_CYCLE;
  }
}
