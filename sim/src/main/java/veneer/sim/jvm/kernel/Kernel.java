package veneer.sim.jvm.kernel;

/**
 * The base class of the code generated for one design (internal to the JVM back end; public
 * only because the generated class lives in its own class loader). All net values live in
 * {@link #s}: a net of {@code w} bits takes {@code ceil(w / 64)} consecutive longs, least
 * significant word first; memory {@code i} is {@code m[i]}, {@code depth * words} longs.
 */
public abstract class Kernel {
  /** Net values: inputs, constants, registers, their next-value shadows, combinational nets. */
  public long[] s;
  /** Memory contents. */
  public long[][] m;

  /** Settles every combinational net from inputs and state. */
  public abstract void eval();

  /** One rising clock edge from a settled state (registers, memory writes, sync reads). */
  public abstract void tick();
}
