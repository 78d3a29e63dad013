package veneer.cli;

import java.util.ArrayList;
import java.util.List;

/** A plain-text table with aligned columns: numbers to the right, text to the left. */
final class TextTable {
  private final List<String> headers;
  private final List<List<String>> rows = new ArrayList<>();

  TextTable(String... headers) {
    this.headers = List.of(headers);
  }

  TextTable row(Object... cells) {
    if (cells.length != headers.size()) {
      throw new IllegalArgumentException("expected " + headers.size() + " cells, found " + cells.length);
    }
    List<String> r = new ArrayList<>();
    for (Object c : cells) {
      r.add(String.valueOf(c));
    }
    rows.add(r);
    return this;
  }

  String render() {
    int[] w = new int[headers.size()];
    for (int i = 0; i < w.length; i++) {
      w[i] = headers.get(i).length();
      for (List<String> r : rows) {
        w[i] = Math.max(w[i], r.get(i).length());
      }
    }
    StringBuilder sb = new StringBuilder();
    line(headers, w, sb, false);
    for (int i = 0; i < w.length; i++) {
      sb.append(i == 0 ? "" : "  ").append("-".repeat(w[i]));
    }
    sb.append('\n');
    for (List<String> r : rows) {
      line(r, w, sb, true);
    }
    return sb.toString();
  }

  private static void line(List<String> cells, int[] w, StringBuilder sb, boolean alignNumbers) {
    for (int i = 0; i < w.length; i++) {
      String c = cells.get(i);
      boolean right = alignNumbers && c.matches("[-+]?[0-9.,]+[%x]?( ?[a-zA-Z/]+)?");
      String padded = right ? " ".repeat(w[i] - c.length()) + c : c + " ".repeat(w[i] - c.length());
      sb.append(i == 0 ? "" : "  ").append(padded);
    }
    int end = sb.length();
    while (end > 0 && sb.charAt(end - 1) == ' ') {
      end--;
    }
    sb.setLength(end);
    sb.append('\n');
  }
}
