package veneer.sim.progress;

/**
 * Receives the progress of long work from {@link Progress}. Calls come from the working thread;
 * an implementation that draws must not block it.
 *
 * <pre>{@code
 * Progress.install(new ProgressListener() {
 *   public void started(String task) { System.err.println(task + "…"); }
 *   public void advanced(String task, String phase, double fraction) { }
 *   public void finished(String task) { }
 * });
 * }</pre>
 */
public interface ProgressListener {
  /** Shows nothing: the default outside the command line. */
  ProgressListener SILENT = new ProgressListener() {
    @Override
    public void started(String task) {}

    @Override
    public void advanced(String task, String phase, double fraction) {}

    @Override
    public void finished(String task) {}
  };

  /** A task began. */
  void started(String task);

  /** The task is in {@code phase}; {@code fraction} done is 0..1, or NaN when not known. */
  void advanced(String task, String phase, double fraction);

  /** The task ended (successfully or not). */
  void finished(String task);
}
