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
  /** Which eval chunks must run at the next {@link #eval()}. */
  public Activity activity;
  /**
   * For each eval chunk whose code is shared by several instances of a module, the state offsets
   * and memory indexes that its code reads from its table; null for the other chunks.
   */
  public int[][] tables;
  /** The same for the chunks of {@link #tick()}. */
  public int[][] tickTables;

  /** Settles the combinational nets from inputs and state: runs the chunks {@link #activity} marks. */
  public abstract void eval();

  /**
   * The work of one rising clock edge from a settled state: next values of registers and
   * synchronous read ports into the shadow region (which starts at the clocked region's length),
   * memory writes applied. The caller commits the shadow (and sees what changed on the way).
   */
  public abstract void tick();
}
