package veneer.compiler.asm;

import java.nio.charset.StandardCharsets;

/** The assembler directives: sections, data, alignment, symbol visibility. */
final class Directives {
  private static final int NOP = 0x00000013;

  private Directives() {
  }

  static void apply(Assembler a, Assembler.Stmt s) {
    String d = s.name();
    switch (d) {
      case ".text", ".data", ".rodata", ".bss" -> {
        count(a, s, 0);
        a.switchTo(d);
      }
      case ".section" -> {
        String n = s.operands().isEmpty() ? null : s.operands().get(0).name();
        if (n == null) {
          throw a.error(".section needs a section name");
        }
        a.switchTo(n.startsWith(".rodata") ? ".rodata" : n);
      }
      case ".globl", ".global" -> {
        for (Operand o : s.operands()) {
          if (o.name() == null) {
            throw a.error(d + " expects symbol names, found " + o);
          }
          a.global(o.name());
        }
      }
      case ".word", ".4byte", ".half", ".2byte", ".short", ".byte" -> {
        int n = d.equals(".word") || d.equals(".4byte") ? 4 : d.equals(".byte") ? 1 : 2;
        for (Operand o : s.operands()) {
          if (o.kind() != Operand.Kind.EXPR) {
            throw a.error(d + " expects values, found " + o);
          }
          long v = a.eval(o.expr(), false);
          if (a.emitting() && (v < -(1L << (8 * n - 1)) || v >= (1L << (8 * n)))) {
            throw a.error(d + " value " + v + " does not fit in " + n + " bytes");
          }
          data(a, v, n);
        }
      }
      case ".space", ".zero", ".skip" -> {
        count(a, s, 1);
        long n = a.eval(s.operands().get(0).expr(), true);
        if (n < 0) {
          throw a.error(d + " size must be >= 0, found " + n);
        }
        for (long k = 0; k < n; k++) {
          data(a, 0, 1);
        }
      }
      case ".string", ".asciz", ".ascii" -> {
        for (Operand o : s.operands()) {
          if (o.kind() != Operand.Kind.STRING) {
            throw a.error(d + " expects a string in double quotes, found " + o);
          }
          for (byte b : unquote(a, o.text())) {
            data(a, b, 1);
          }
          if (!d.equals(".ascii")) {
            data(a, 0, 1);
          }
        }
      }
      case ".align", ".p2align", ".balign" -> {
        count(a, s, 1);
        long v = a.eval(s.operands().get(0).expr(), true);
        long to = d.equals(".balign") ? v : 1L << v;
        if (v < 0 || to > 4096 || Long.bitCount(to) != 1) {
          throw a.error(d + " " + v + ": expected a power-of-two alignment up to 4096 bytes");
        }
        a.noteAlignment((int) to);
        while (a.offset() % to != 0) {
          if (a.section().equals(".text") && a.offset() % 4 == 0 && to >= 4) {
            a.bytes(NOP, 4);
          } else {
            a.bytes(0, 1);
          }
        }
      }
      case ".option", ".file", ".ident", ".size", ".type", ".attribute" -> {
        // accepted for GNU compatibility; they do not change the bytes
      }
      default -> throw a.error("unknown directive " + d);
    }
  }

  private static void data(Assembler a, long v, int n) {
    if (a.section().equals(".bss") && v != 0) {
      throw a.error(".bss holds zeros only");
    }
    a.bytes(v, n);
  }

  private static void count(Assembler a, Assembler.Stmt s, int n) {
    if (s.operands().size() != n) {
      throw a.error(s.name() + " takes " + n + " operand(s), found " + s.operands().size());
    }
  }

  private static byte[] unquote(Assembler a, String q) {
    StringBuilder sb = new StringBuilder();
    for (int i = 1; i < q.length() - 1; i++) {
      char c = q.charAt(i);
      if (c == '\\') {
        char e = q.charAt(++i);
        sb.append(switch (e) {
          case 'n' -> '\n';
          case 't' -> '\t';
          case '0' -> '\0';
          case '\\' -> '\\';
          case '"' -> '"';
          default -> throw a.error("unknown escape \\" + e + " in string");
        });
      } else {
        sb.append(c);
      }
    }
    return sb.toString().getBytes(StandardCharsets.ISO_8859_1);
  }
}
