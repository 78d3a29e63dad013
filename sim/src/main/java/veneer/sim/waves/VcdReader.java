package veneer.sim.waves;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * Reads a Value Change Dump back into per-signal value histories, so tests can check what a
 * simulator recorded. Understands scalar and vector ({@code b...}) changes, scopes and
 * timescales; real values and strengths are not supported.
 *
 * <pre>{@code
 * VcdReader vcd = VcdReader.read(path);
 * BigInteger pc = vcd.valueAt("Top.core.pc", 25);
 * }</pre>
 */
public final class VcdReader {
  private final String timescale;
  private final Map<String, Integer> widths = new LinkedHashMap<>();
  private final Map<String, NavigableMap<Long, BigInteger>> histories = new HashMap<>();

  private VcdReader(String timescale) {
    this.timescale = timescale;
  }

  /** Parses {@code file}; fails with the line number on malformed input. */
  public static VcdReader read(Path file) {
    try {
      return parse(Files.readAllLines(file));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  private static VcdReader parse(List<String> lines) {
    Deque<String> scopes = new ArrayDeque<>();
    Map<String, List<String>> byCode = new HashMap<>();
    String timescale = null;
    VcdReader r = null;
    long time = 0;
    boolean header = true;
    List<String> pending = new ArrayList<>();
    for (int ln = 0; ln < lines.size(); ln++) {
      String line = lines.get(ln).trim();
      if (line.isEmpty()) {
        continue;
      }
      String[] tok = line.split("\\s+");
      if (header) {
        switch (tok[0]) {
          case "$timescale" -> timescale = tok[1];
          case "$scope" -> scopes.addLast(tok[2]);
          case "$upscope" -> scopes.removeLast();
          case "$var" -> {
            String name = String.join(".", scopes) + "." + tok[4];
            byCode.computeIfAbsent(tok[3], k -> new ArrayList<>()).add(name);
            pending.add(name + "\u0000" + tok[2]);
          }
          case "$enddefinitions" -> {
            header = false;
            r = new VcdReader(timescale);
            for (String p : pending) {
              String[] nw = p.split("\u0000");
              r.widths.put(nw[0], Integer.parseInt(nw[1]));
              r.histories.put(nw[0], new TreeMap<>());
            }
          }
          default -> { }
        }
        continue;
      }
      char c = line.charAt(0);
      if (c == '#') {
        time = Long.parseLong(line.substring(1));
      } else if (c == '0' || c == '1' || c == 'x' || c == 'z') {
        r.set(byCode, line.substring(1), time, c == '1' ? BigInteger.ONE : BigInteger.ZERO, ln);
      } else if (c == 'b') {
        r.set(byCode, tok[1], time, new BigInteger(tok[0].substring(1).replaceAll("[xz]", "0"), 2), ln);
      } else if (c != '$') {
        throw new IllegalArgumentException("VCD line " + (ln + 1) + ": unexpected '" + line + "'");
      }
    }
    if (r == null) {
      throw new IllegalArgumentException("VCD has no $enddefinitions");
    }
    return r;
  }

  private void set(Map<String, List<String>> byCode, String code, long time, BigInteger v, int ln) {
    List<String> names = byCode.get(code);
    if (names == null) {
      throw new IllegalArgumentException("VCD line " + (ln + 1) + ": unknown identifier '" + code + "'");
    }
    for (String n : names) {
      histories.get(n).put(time, v);
    }
  }

  /** The timescale, for example {@code "1ns"}. */
  public String timescale() {
    return timescale;
  }

  /** Every signal's full dotted name (top scope first) and width, in declaration order. */
  public Map<String, Integer> signals() {
    return widths;
  }

  /** The value of {@code signal} at {@code time}: the last change at or before it. */
  public BigInteger valueAt(String signal, long time) {
    NavigableMap<Long, BigInteger> h = histories.get(signal);
    if (h == null) {
      throw new IllegalArgumentException("no signal '" + signal + "' in the VCD: expected one of "
          + widths.keySet());
    }
    Map.Entry<Long, BigInteger> e = h.floorEntry(time);
    if (e == null) {
      throw new IllegalArgumentException("signal '" + signal + "' has no value at time " + time);
    }
    return e.getValue();
  }

  /** Every change of {@code signal}, time to value. */
  public NavigableMap<Long, BigInteger> history(String signal) {
    valueAt(signal, Long.MAX_VALUE);
    return histories.get(signal);
  }
}
