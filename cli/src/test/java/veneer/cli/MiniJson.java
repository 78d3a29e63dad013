package veneer.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A strict JSON reader for the tests: objects become maps (keys in order), arrays lists, numbers
 * doubles, and anything that is not one complete JSON value is an error naming the position.
 */
final class MiniJson {
  private final String s;
  private int at;

  private MiniJson(String s) {
    this.s = s;
  }

  static Object parse(String text) {
    MiniJson p = new MiniJson(text);
    Object v = p.value();
    p.space();
    if (p.at != text.length()) {
      throw p.error("end of input");
    }
    return v;
  }

  private Object value() {
    space();
    if (at >= s.length()) {
      throw error("a value");
    }
    char c = s.charAt(at);
    if (c == '{') {
      return object();
    } else if (c == '[') {
      return array();
    } else if (c == '"') {
      return string();
    } else if (s.startsWith("true", at)) {
      at += 4;
      return true;
    } else if (s.startsWith("false", at)) {
      at += 5;
      return false;
    } else if (s.startsWith("null", at)) {
      at += 4;
      return null;
    }
    return number();
  }

  private Map<String, Object> object() {
    Map<String, Object> m = new LinkedHashMap<>();
    at++;
    space();
    if (peek('}')) {
      return m;
    }
    do {
      space();
      String key = string();
      space();
      expect(':');
      if (m.put(key, value()) != null) {
        throw error("no duplicate key '" + key + "'");
      }
      space();
    } while (peek(','));
    expect('}');
    return m;
  }

  private List<Object> array() {
    List<Object> l = new ArrayList<>();
    at++;
    space();
    if (peek(']')) {
      return l;
    }
    do {
      l.add(value());
      space();
    } while (peek(','));
    expect(']');
    return l;
  }

  private String string() {
    expect('"');
    StringBuilder sb = new StringBuilder();
    while (at < s.length() && s.charAt(at) != '"') {
      char c = s.charAt(at++);
      if (c == '\\') {
        char e = s.charAt(at++);
        switch (e) {
          case 'n' -> sb.append('\n');
          case 't' -> sb.append('\t');
          case 'r' -> sb.append('\r');
          case 'u' -> {
            sb.append((char) Integer.parseInt(s.substring(at, at + 4), 16));
            at += 4;
          }
          default -> sb.append(e);
        }
      } else {
        sb.append(c);
      }
    }
    expect('"');
    return sb.toString();
  }

  private Double number() {
    int start = at;
    while (at < s.length() && "+-0123456789.eE".indexOf(s.charAt(at)) >= 0) {
      at++;
    }
    try {
      return Double.parseDouble(s.substring(start, at));
    } catch (NumberFormatException e) {
      at = start;
      throw error("a number");
    }
  }

  private boolean peek(char c) {
    if (at < s.length() && s.charAt(at) == c) {
      at++;
      return true;
    }
    return false;
  }

  private void expect(char c) {
    if (!peek(c)) {
      throw error("'" + c + "'");
    }
  }

  private void space() {
    while (at < s.length() && Character.isWhitespace(s.charAt(at))) {
      at++;
    }
  }

  private IllegalArgumentException error(String expected) {
    String found = at < s.length() ? s.substring(at, Math.min(s.length(), at + 20)) : "end of input";
    return new IllegalArgumentException("JSON at " + at + ": expected " + expected + ", found '" + found + "'");
  }
}
