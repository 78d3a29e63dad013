package veneer.sim.progress;

import java.util.Objects;

/**
 * Progress of long work (a Verilator build, a long simulation) for whoever shows it: the
 * {@code veneer} command installs a console bar, everything else gets the silent default. Work
 * reports through a {@link Task}; a task with no known size shows its phase and elapsed time.
 *
 * <pre>{@code
 * try (Progress.Task t = Progress.begin("Verilator build of SimulatedPlatform")) {
 *   t.phase("verilating");
 *   ...
 *   t.phase("compiling C++");
 * }
 * }</pre>
 */
public final class Progress {
  private static volatile ProgressListener listener = ProgressListener.SILENT;

  private Progress() {}

  /** Sends the progress of every later task to {@code l}; returns the one it replaces. */
  public static ProgressListener install(ProgressListener l) {
    ProgressListener old = listener;
    listener = Objects.requireNonNull(l, "listener");
    return old;
  }

  /** Starts a task; close it when the work ends, normally or not. */
  public static Task begin(String name) {
    Task t = new Task(listener, Objects.requireNonNull(name, "name"));
    t.listener.started(name);
    return t;
  }

  /** One piece of work being reported; not shared between threads. */
  public static final class Task implements AutoCloseable {
    private final ProgressListener listener;
    private final String name;
    private boolean closed;

    private Task(ProgressListener listener, String name) {
      this.listener = listener;
      this.name = name;
    }

    /** The step the work is in now, size unknown. */
    public void phase(String phase) {
      listener.advanced(name, phase, Double.NaN);
    }

    /** The step and how much of the whole is done, 0 to 1. */
    public void fraction(String phase, double done) {
      listener.advanced(name, phase, Math.max(0, Math.min(1, done)));
    }

    @Override
    public void close() {
      if (!closed) {
        closed = true;
        listener.finished(name);
      }
    }
  }
}
