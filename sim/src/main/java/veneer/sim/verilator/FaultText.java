package veneer.sim.verilator;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The message of a model fault, from what the harness reports: the console lines the model
 * printed during the failing evaluation (the assertion's {@code $display}), then the cause
 * ({@code "$stop at file:line"}, {@code "$finish at ..."} or a Verilator error).
 *
 * <p>The emitter writes an assertion as {@code $display("Assertion failed in %m: <message>
 * (<File.java:LINE>)")} then {@code $fatal}; that reads here like the JVM back end's message,
 * {@code assertion failed: <message> (<File.java:LINE>, instance <path>)}, followed by where
 * Verilog stopped: {@code [Verilog $fatal at Top.v:92 in TOP.Top]}.
 */
record FaultText(String message, boolean isFinish) {
  /** Verilator's own line for $fatal: "[time] %Error: file:line: Assertion failed in scope". */
  private static final Pattern VERILATOR_FATAL = Pattern.compile("\\[\\d+\\] %Error: (\\S+): Assertion failed in (\\S+)");
  /** The emitter's assertion line; %m is "TOP.<top module>.<instance path>". */
  private static final Pattern EMITTED = Pattern.compile("Assertion failed in TOP\\.[^.\\s]+\\.?(\\S*): (.*) \\((\\S+)\\)");
  private static final String PREFIX = "assertion failed: ";

  static FaultText parse(String fault) {
    if (fault == null || fault.isBlank()) {
      return new FaultText(PREFIX + "the model stopped without saying why", false);
    }
    List<String> lines = new ArrayList<>(fault.lines().toList());
    String cause = lines.remove(lines.size() - 1).trim();
    if (cause.startsWith("$finish at ")) {
      return new FaultText("Verilog " + cause + text(lines, ": "), true);
    }
    String where = cause;
    List<String> said = new ArrayList<>();
    for (String l : lines) {
      Matcher m = VERILATOR_FATAL.matcher(l.trim());
      Matcher e = EMITTED.matcher(l.trim());
      if (m.matches()) {
        where = "Verilog $fatal at " + m.group(1) + " in " + m.group(2);
      } else if (e.matches()) {
        said.add(e.group(2) + " (" + e.group(3) + (e.group(1).isEmpty() ? "" : ", instance " + e.group(1)) + ")");
      } else if (!l.isBlank()) {
        said.add(l.trim());
      }
    }
    String head = said.isEmpty() ? "" : String.join("; ", said);
    if (head.startsWith(PREFIX)) {
      head = head.substring(PREFIX.length());
    }
    return new FaultText(PREFIX + (head.isEmpty() ? where : head + " [" + where + "]"), false);
  }

  private static String text(List<String> lines, String sep) {
    String t = String.join("; ", lines.stream().map(String::trim).filter(s -> !s.isEmpty()).toList());
    return t.isEmpty() ? "" : sep + t;
  }
}
