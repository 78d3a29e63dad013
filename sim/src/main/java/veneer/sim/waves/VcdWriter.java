package veneer.sim.waves;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a Value Change Dump (IEEE 1364 section 18), as read by GTKWave. Signals are named by
 * dotted hierarchical paths; each dot opens a {@code $scope module}. Only changed values are
 * written after the first sample. The output is deterministic (no date).
 *
 * <pre>{@code
 * try (VcdWriter vcd = new VcdWriter(path, "Top", List.of("clk", "core.pc"), new int[] {1, 32}, "1ns")) {
 *   vcd.sample(0, new BigInteger[] {ZERO, ZERO});
 *   vcd.sample(5, new BigInteger[] {ONE, BigInteger.valueOf(4)});
 * }
 * }</pre>
 */
public final class VcdWriter implements AutoCloseable {
  private final BufferedWriter out;
  private final int[] widths;
  private final String[] codes;
  private final BigInteger[] last;
  private final Path file;
  private long lastTime = -1;

  /**
   * Opens {@code file} and writes the header.
   *
   * @param top the name of the outermost scope (the top module)
   * @param names dotted paths of the signals, relative to {@code top}
   * @param timescale a VCD timescale such as {@code "1ns"}
   */
  public VcdWriter(Path file, String top, List<String> names, int[] widths, String timescale) {
    if (names.size() != widths.length) {
      throw new IllegalArgumentException(names.size() + " signal names but " + widths.length + " widths");
    }
    this.file = file;
    this.widths = widths.clone();
    this.codes = new String[widths.length];
    this.last = new BigInteger[widths.length];
    for (int i = 0; i < codes.length; i++) {
      codes[i] = code(i);
    }
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      out = Files.newBufferedWriter(file, StandardCharsets.US_ASCII);
      out.write("$version Veneer simulator $end\n");
      out.write("$timescale " + timescale + " $end\n");
      Scope root = new Scope();
      for (int i = 0; i < names.size(); i++) {
        root.add(names.get(i).split("\\."), 0, i);
      }
      writeScope(top, root, names);
      out.write("$enddefinitions $end\n");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write waves to " + file + ": " + e.getMessage(), e);
    }
  }

  /** A scope of the signal tree: its signals (by index) and its child scopes, in first-seen order. */
  private static final class Scope {
    final List<Integer> signals = new ArrayList<>();
    final Map<String, Scope> children = new LinkedHashMap<>();

    void add(String[] parts, int at, int signal) {
      if (at == parts.length - 1) {
        signals.add(signal);
      } else {
        children.computeIfAbsent(parts[at], k -> new Scope()).add(parts, at + 1, signal);
      }
    }
  }

  private void writeScope(String name, Scope s, List<String> names) throws IOException {
    out.write("$scope module " + name + " $end\n");
    for (int i : s.signals) {
      String full = names.get(i);
      String leaf = full.substring(full.lastIndexOf('.') + 1);
      out.write("$var wire " + widths[i] + " " + codes[i] + " " + leaf
          + (widths[i] > 1 ? " [" + (widths[i] - 1) + ":0]" : "") + " $end\n");
    }
    for (Map.Entry<String, Scope> c : s.children.entrySet()) {
      writeScope(c.getKey(), c.getValue(), names);
    }
    out.write("$upscope $end\n");
  }

  /** The short identifier of signal {@code i}: base 94 over the printable characters. */
  static String code(int i) {
    StringBuilder sb = new StringBuilder();
    int n = i;
    do {
      sb.append((char) ('!' + n % 94));
      n = n / 94 - 1;
    } while (n >= 0);
    return sb.toString();
  }

  /** Records the values at {@code time} (non-decreasing); writes those that changed. */
  public void sample(long time, BigInteger[] values) {
    if (time < lastTime) {
      throw new IllegalArgumentException("VCD time must not go back: " + time + " after " + lastTime);
    }
    try {
      StringBuilder sb = new StringBuilder();
      for (int i = 0; i < values.length; i++) {
        if (!values[i].equals(last[i])) {
          if (widths[i] == 1) {
            sb.append(values[i].signum() == 0 ? '0' : '1').append(codes[i]).append('\n');
          } else {
            sb.append('b').append(values[i].toString(2)).append(' ').append(codes[i]).append('\n');
          }
          last[i] = values[i];
        }
      }
      if (sb.length() > 0 || lastTime < 0) {
        if (time != lastTime) {
          out.write("#" + time + "\n");
        }
        out.write(sb.toString());
        lastTime = time;
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write waves to " + file + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    try {
      out.close();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write waves to " + file + ": " + e.getMessage(), e);
    }
  }
}
