package veneer.cli;

/** Turns an exception into the one line that a user sees. */
final class CliErrors {
  private CliErrors() {}

  static String describe(Throwable ex) {
    String msg = ex.getMessage();
    if (msg == null || msg.isBlank()) {
      msg = ex.getClass().getSimpleName();
    }
    return msg + " (run with --debug for the stack trace)";
  }
}
