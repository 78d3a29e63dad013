package veneer.hdl.verilog;

import java.math.BigInteger;
import java.util.Set;

/**
 * Small spelling rules of the emitted Verilog: literals, bit ranges and strings.
 *
 * <pre>{@code
 * VerilogText.literal(8, BigInteger.valueOf(99));   // "8'd99"
 * VerilogText.literal(8, BigInteger.valueOf(255));  // "8'hff"
 * VerilogText.literal(1, BigInteger.ONE);           // "1'b1"
 * }</pre>
 */
public final class VerilogText {
  private static final BigInteger DECIMAL_LIMIT = BigInteger.valueOf(1000);

  /**
   * Names that Verilator accepts but flags with SYMRSVDWORD because they are C++ keywords or
   * common C++/SystemC identifiers (found by running Verilator 5 on each candidate). A signal may
   * carry such a name, since names come from the Java code; its declaration gets a waiver.
   */
  private static final Set<String> CPP_WORDS = Set.of(
      "alignas", "alignof", "and_eq", "asm", "atomic_cancel", "atomic_commit", "atomic_noexcept",
      "auto", "bit_vector", "bitand", "bitor", "bool", "catch", "cdecl", "char", "char16_t",
      "char32_t", "compl", "complex", "concept", "const_cast", "const_iterator", "constexpr",
      "decltype", "delete", "deque", "double", "dynamic_cast", "explicit", "false", "far", "float",
      "friend", "goto", "huge", "inline", "interrupt", "long", "mutable", "namespace", "near",
      "noexcept", "not_eq", "nullptr", "operator", "pascal", "private", "public", "requires",
      "short", "sizeof", "static_assert", "static_cast", "switch", "synchronized", "template",
      "thread_local", "throw", "true", "try", "transaction_safe", "transaction_safe_dynamic",
      "type_info", "typeid", "typename", "using", "volatile", "wchar_t", "xor_eq", "sc_clock",
      "sc_in", "sc_inout", "sc_out", "sc_signal", "sensitive", "sensitive_neg", "sensitive_pos",
      "abort", "vector", "map", "list", "set", "uint8_t", "uint32_t", "register");

  private VerilogText() {}

  /** True for a name that Verilator reports as a C++ word (SYMRSVDWORD). */
  static boolean isCppWord(String name) {
    return CPP_WORDS.contains(name);
  }

  /**
   * A sized literal of {@code width} bits: {@code 1'b0}/{@code 1'b1} for single bits; decimal
   * below 1000 unless the value is an all-ones mask; hex otherwise, with a '_' every 8 digits
   * so that wide constants can be read.
   */
  public static String literal(int width, BigInteger value) {
    if (width < 1 || value.signum() < 0 || value.bitLength() > width) {
      throw new IllegalArgumentException("a " + width + "-bit literal needs a value from 0 to 2^"
          + width + "-1, found " + value);
    }
    if (width == 1) {
      return value.signum() == 0 ? "1'b0" : "1'b1";
    }
    boolean allOnes = value.bitLength() == width && value.bitCount() == width;
    if (value.compareTo(DECIMAL_LIMIT) < 0 && !(allOnes && width >= 4)) {
      return width + "'d" + value;
    }
    String hex = value.toString(16);
    StringBuilder grouped = new StringBuilder();
    for (int i = 0; i < hex.length(); i++) {
      if (i > 0 && (hex.length() - i) % 8 == 0) {
        grouped.append('_');
      }
      grouped.append(hex.charAt(i));
    }
    return width + "'h" + grouped;
  }

  /** The packed range of a declaration: empty for one bit, {@code "[7:0] "} otherwise. */
  public static String range(int width) {
    return width == 1 ? "" : "[" + (width - 1) + ":0] ";
  }

  /** A Verilog string literal for {@code $display}: quotes, backslashes and '%' escaped, ASCII only. */
  public static String displayString(String text) {
    return '"' + displayText(text) + '"';
  }

  /** The inside of a {@code $display} string literal that prints {@code text} as it is. */
  public static String displayText(String text) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '"' || c == '\\') {
        sb.append('\\').append(c);
      } else if (c == '%') {
        sb.append("%%");
      } else if (c == '\n') {
        sb.append("\\n");
      } else if (c == '\t') {
        sb.append("\\t");
      } else if (c < 0x20 || c > 0x7e) {
        sb.append('?');
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }
}
