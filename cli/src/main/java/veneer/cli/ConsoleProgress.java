package veneer.cli;

import java.io.PrintStream;
import java.util.Locale;
import veneer.sim.progress.ProgressListener;

/**
 * The progress line of the {@code veneer} command: for work that has run over a second it redraws
 * one line on standard error (task, phase, a bar when the share done is known, elapsed seconds)
 * and erases it when the work ends. Only on an interactive terminal, so logs and pipes stay clean.
 * One daemon thread, started with the first task, draws for every task: a simulation opens a task
 * for each interrupt wait, and most of them end long before the quiet second is over.
 *
 * <pre>{@code
 * Progress.install(ConsoleProgress.forTerminal());
 * }</pre>
 */
final class ConsoleProgress implements ProgressListener {
  static final long QUIET_MILLIS = 1000;
  private static final long REDRAW_MILLIS = 200;
  private static final int BAR_CELLS = 24;

  private final PrintStream err;
  private String task;
  private String phase = "";
  private double fraction = Double.NaN;
  private long startMillis;
  private int drawnWidth;
  private boolean tickerStarted;

  private ConsoleProgress(PrintStream err) {
    this.err = err;
  }

  /** A console line on an interactive terminal, else {@link ProgressListener#SILENT}. */
  static ProgressListener forTerminal() {
    return System.console() == null ? ProgressListener.SILENT : new ConsoleProgress(System.err);
  }

  /** One progress line, without the carriage return: pure, so tests can check it. */
  static String line(String task, String phase, double fraction, long elapsedMillis) {
    StringBuilder sb = new StringBuilder(task);
    if (!phase.isEmpty()) {
      sb.append(": ").append(phase);
    }
    if (!Double.isNaN(fraction)) {
      int filled = (int) Math.round(fraction * BAR_CELLS);
      sb.append(" [").append("#".repeat(filled)).append(".".repeat(BAR_CELLS - filled)).append("] ")
          .append(Math.round(fraction * 100)).append('%');
    }
    return sb.append(String.format(Locale.ROOT, " %.1f s", elapsedMillis / 1000.0)).toString();
  }

  @Override
  public synchronized void started(String name) {
    task = name;
    phase = "";
    fraction = Double.NaN;
    startMillis = System.currentTimeMillis();
    if (!tickerStarted) {
      tickerStarted = true;
      Thread ticker = new Thread(this::tick, "veneer-progress");
      ticker.setDaemon(true);
      ticker.start();
    }
  }

  @Override
  public synchronized void advanced(String name, String newPhase, double done) {
    phase = newPhase;
    fraction = done;
  }

  @Override
  public synchronized void finished(String name) {
    task = null;
    if (drawnWidth > 0) {
      err.print("\r" + " ".repeat(drawnWidth) + "\r");
      err.flush();
      drawnWidth = 0;
    }
  }

  private void tick() {
    try {
      while (true) {
        Thread.sleep(REDRAW_MILLIS);
        draw();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private synchronized void draw() {
    if (task == null || System.currentTimeMillis() - startMillis < QUIET_MILLIS) {
      return;
    }
    String text = line(task, phase, fraction, System.currentTimeMillis() - startMillis);
    err.print("\r" + text + " ".repeat(Math.max(0, drawnWidth - text.length())));
    err.flush();
    drawnWidth = text.length();
  }
}
