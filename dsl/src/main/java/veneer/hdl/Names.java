package veneer.hdl;

import java.util.Set;
import java.util.regex.Pattern;
import veneer.hdl.ir.SourceLoc;

/**
 * What a name in the design may be. Names go into the Verilog unchanged, so they must be
 * Verilog identifiers and no keyword; names starting with '_' are kept for the emitter's own
 * temporaries.
 */
final class Names {
  private static final Pattern IDENT = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");

  /** Verilog-2005 and SystemVerilog-2012 keywords that a user might plausibly pick. */
  static final Set<String> KEYWORDS = Set.of(
      "always", "always_comb", "always_ff", "always_latch", "and", "assign", "automatic", "begin",
      "bit", "buf", "byte", "case", "casex", "casez", "cell", "class", "config", "const", "default",
      "defparam", "design", "disable", "do", "edge", "else", "end", "endcase", "endfunction",
      "endgenerate", "endmodule", "endtask", "enum", "event", "extern", "final", "for", "force",
      "forever", "fork", "function", "generate", "genvar", "if", "import", "initial", "inout",
      "input", "int", "integer", "interface", "join", "localparam", "logic", "longint", "macromodule",
      "module", "nand", "negedge", "nor", "not", "or", "output", "package", "parameter", "posedge",
      "priority", "program", "real", "reg", "release", "repeat", "return", "shortint", "signed",
      "specify", "static", "string", "struct", "supply0", "supply1", "table", "task", "time", "tri",
      "type", "typedef", "union", "unique", "unsigned", "var", "void", "wait", "while", "wire",
      "wor", "xnor", "xor",
      // SystemVerilog keywords that Verilator refuses as identifiers
      "alias", "assert", "assume", "bind", "break", "chandle", "checker", "clocking", "constraint",
      "context", "continue", "cover", "covergroup", "dist", "export", "extends", "foreach",
      "implements", "inside", "let", "local", "modport", "new", "null", "property", "protected",
      "pure", "rand", "randc", "ref", "sequence", "solve", "super", "tagged", "this", "virtual",
      "wildcard", "with");

  private Names() {}

  static void check(String name, SourceLoc loc) {
    if (name == null || !IDENT.matcher(name).matches()) {
      throw new HdlException(loc, "'" + name + "' is not a valid name: expected a letter followed by"
          + " letters, digits or '_'");
    }
    if (KEYWORDS.contains(name)) {
      throw new HdlException(loc, "'" + name + "' is a Verilog keyword and cannot name a signal;"
          + " pick another name");
    }
  }
}
