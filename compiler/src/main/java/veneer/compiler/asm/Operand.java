package veneer.compiler.asm;

/**
 * One parsed operand: an expression, {@code expr(reg)}, {@code (reg)}, or a string. A plain
 * name may be a register, a CSR, a fence set or a symbol; the instruction decides.
 */
record Operand(Kind kind, RvAsmParser.ExprContext expr, String base, String text) {
  enum Kind { EXPR, OFFSET, BASE, STRING }

  /** The single name this operand consists of, or null. */
  String name() {
    if (kind != Kind.EXPR || expr.sign != null || !expr.terms.isEmpty()) {
      return null;
    }
    return expr.term(0) instanceof RvAsmParser.SymbolContext s ? s.IDENT().getText() : null;
  }

  @Override
  public String toString() {
    return text;
  }
}
