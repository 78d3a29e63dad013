package veneer.compiler.asm;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import veneer.isa.elf.Elf;
import veneer.isa.elf.ElfWriter;
import veneer.isa.pe.PeMemoryMap;

/**
 * An RV32IM + Zicsr assembler for the PE, with the syntax of GNU as: labels, the real
 * instructions, the standard pseudo-instructions (li, la, mv, not, neg, j, jr, ret, call, tail,
 * nop, beqz/bnez/blez/bgez/bltz/bgtz, bgt/ble/bgtu/bleu, seqz/snez/sltz/sgtz, csrr/csrw/csrs/csrc
 * and their immediate forms, rdcycle/rdinstret...), {@code %hi}/{@code %lo}, and the directives
 * .text .data .rodata .bss .section .word .half .byte .space/.zero .string/.asciz .align/.p2align
 * .balign .globl. Branch and jump targets are labels or expressions of labels (a plain number is
 * a byte offset from the instruction). Sections: .text at 0 (IMEM), .rodata after it, .data in
 * the scratchpad at 0x1000_0000, .bss after .data. Encodings go through {@link veneer.isa.Encoder}
 * only; the output is an ELF via {@link ElfWriter}.
 *
 * <pre>{@code
 * Assembler.Result r = Assembler.assemble("_start: li a0, 0\n ecall\n", "exit.s");
 * Files.write(Path.of("exit.elf"), r.elf());
 * }</pre>
 */
public final class Assembler {
  /** The assembled program: section contents, symbol addresses, globals. */
  public record Result(byte[] text, byte[] rodata, byte[] data, int bssBytes, int rodataBase, int bssBase,
             Map<String, Integer> symbols, Set<String> globals, Map<String, String> symbolSections) {
    /** The .text words, little-endian. */
    public int[] textWords() {
      int[] w = new int[text.length / 4];
      for (int i = 0; i < w.length; i++) {
        w[i] = (text[4 * i] & 0xff) | (text[4 * i + 1] & 0xff) << 8 | (text[4 * i + 2] & 0xff) << 16 | (text[4 * i + 3] & 0xff) << 24;
      }
      return w;
    }

    /** An ELF32 executable; entry {@code _start}, else {@code main}, else the start of .text. */
    public byte[] elf() {
      ElfWriter w = new ElfWriter().text(PeMemoryMap.IMEM_BASE, text);
      if (rodata.length > 0) {
        w.rodata(rodataBase, rodata);
      }
      if (data.length > 0) {
        w.data(PeMemoryMap.SCRATCHPAD_BASE, data);
      }
      if (bssBytes > 0) {
        w.bss(bssBase, bssBytes);
      }
      for (Map.Entry<String, Integer> e : symbols.entrySet()) {
        if (e.getKey().indexOf('\u0002') >= 0) {
          continue;
        }
        String sec = symbolSections.get(e.getKey());
        boolean global = globals.contains(e.getKey());
        int type = sec.equals(".text") ? Elf.STT_FUNC : Elf.STT_OBJECT;
        w.symbol(e.getKey(), Integer.toUnsignedLong(e.getValue()), 0, global ? type : Elf.STT_NOTYPE,
            global ? Elf.STB_GLOBAL : Elf.STB_LOCAL, sec);
      }
      Integer entry = symbols.getOrDefault("_start", symbols.getOrDefault("main", PeMemoryMap.IMEM_BASE));
      return w.entry(entry).toBytes();
    }
  }

  /** One source statement: its labels, its name (mnemonic or directive; may be null) and operands. */
  record Stmt(int line, List<String> labels, String name, List<Operand> operands) {
  }

  private final String file;
  private final List<Stmt> stmts = new ArrayList<>();
  private final Map<String, Integer> symbols = new LinkedHashMap<>();
  private final Map<String, String> symbolSection = new LinkedHashMap<>();
  private final Map<String, Integer> symbolOffset = new LinkedHashMap<>();
  private final Set<String> globals = new LinkedHashSet<>();
  private final Map<String, Integer> localCount = new HashMap<>();
  private final Map<RvAsmParser.LocalRefContext, String> localRefs = new IdentityHashMap<>();
  private final Map<String, ByteArrayOutputStream> sections = new LinkedHashMap<>();
  private final Map<String, Integer> bases = new LinkedHashMap<>();
  private boolean emitting;
  private int textAlign = 4;
  private String section;
  private int line;

  private Assembler(String file) {
    this.file = file;
  }

  /** Assembles {@code source}; {@code file} names it in error messages. */
  public static Result assemble(String source, String file) {
    Assembler a = new Assembler(file);
    a.parse(source);
    a.pass(false);
    a.layout();
    a.pass(true);
    return a.result();
  }

  private void parse(String source) {
    RvAsmLexer lexer = new RvAsmLexer(CharStreams.fromString(source));
    RvAsmParser parser = new RvAsmParser(new CommonTokenStream(lexer));
    BaseErrorListener errors = new BaseErrorListener() {
      @Override
      public void syntaxError(Recognizer<?, ?> r, Object symbol, int ln, int col, String msg, RecognitionException e) {
        throw new AssemblyException(file, ln, "syntax error at column " + (col + 1) + ": " + msg);
      }
    };
    lexer.removeErrorListeners();
    lexer.addErrorListener(errors);
    parser.removeErrorListeners();
    parser.addErrorListener(errors);
    RvAsmParser.ProgramContext p = parser.program();
    for (RvAsmParser.LineContext l : p.line()) {
      add(l.label(), l.statement(), l.getStart().getLine());
    }
    if (p.last() != null) {
      add(p.last().label(), p.last().statement(), p.last().getStart().getLine());
    }
  }

  private void add(List<RvAsmParser.LabelContext> labels, RvAsmParser.StatementContext st, int ln) {
    List<String> ls = new ArrayList<>();
    for (RvAsmParser.LabelContext l : labels) {
      if (l.NUMBER() != null) {
        // GNU local label N: each definition is distinct; Nb/Nf refer to the nearest one
        String n = l.NUMBER().getText();
        int k = localCount.merge(n, 1, Integer::sum) - 1;
        ls.add(n + "\u0002" + k);
      } else {
        ls.add(l.IDENT().getText());
      }
    }
    if (st != null) {
      bindLocalRefs(st);
    }
    String name = null;
    List<Operand> ops = new ArrayList<>();
    if (st != null) {
      name = st.IDENT().getText();
      for (RvAsmParser.OperandContext o : st.operand()) {
        ops.add(operand(o));
      }
      ln = st.getStart().getLine();
    }
    if (name != null || !ls.isEmpty()) {
      stmts.add(new Stmt(ln, ls, name, ops));
    }
  }

  private void bindLocalRefs(org.antlr.v4.runtime.tree.ParseTree t) {
    if (t instanceof RvAsmParser.LocalRefContext r) {
      String text = r.LOCAL_REF().getText();
      String n = text.substring(0, text.length() - 1);
      int defined = localCount.getOrDefault(n, 0);
      int k = text.endsWith("f") ? defined : defined - 1;
      localRefs.put(r, n + "\u0002" + k);
    }
    for (int i = 0; i < t.getChildCount(); i++) {
      bindLocalRefs(t.getChild(i));
    }
  }

  private static Operand operand(RvAsmParser.OperandContext o) {
    if (o instanceof RvAsmParser.OffsetOperandContext c) {
      return new Operand(Operand.Kind.OFFSET, c.expr(), c.IDENT().getText(), o.getText());
    } else if (o instanceof RvAsmParser.BaseOperandContext c) {
      return new Operand(Operand.Kind.BASE, null, c.IDENT().getText(), o.getText());
    } else if (o instanceof RvAsmParser.StringOperandContext c) {
      return new Operand(Operand.Kind.STRING, null, null, c.STRING().getText());
    }
    return new Operand(Operand.Kind.EXPR, ((RvAsmParser.ExprOperandContext) o).expr(), null, o.getText());
  }

  AssemblyException error(String message) {
    return new AssemblyException(file, line, message);
  }

  private void pass(boolean emit) {
    emitting = emit;
    sections.clear();
    section = ".text";
    sections.put(".text", new ByteArrayOutputStream());
    for (Stmt s : stmts) {
      line = s.line();
      for (String l : s.labels()) {
        if (!emit) {
          if (symbolOffset.containsKey(l)) {
            throw error("label " + l + " is defined twice");
          }
          symbolOffset.put(l, offset());
          symbolSection.put(l, section);
        }
      }
      if (s.name() == null) {
        continue;
      }
      if (s.name().startsWith(".")) {
        Directives.apply(this, s);
      } else {
        int[] words = InstructionAssembler.assemble(this, s, pc());
        for (int w : words) {
          bytes(w, 4);
        }
      }
    }
  }

  private void padText() {
    String was = section;
    section = ".text";
    while (offset() % textAlign != 0) {
      bytes(0x00000013, 4);
    }
    section = was;
  }

  private void layout() {
    padText();
    int text = size(".text");
    bases.put(".text", PeMemoryMap.IMEM_BASE);
    bases.put(".rodata", PeMemoryMap.IMEM_BASE + ((text + 3) & ~3));
    bases.put(".data", PeMemoryMap.SCRATCHPAD_BASE);
    bases.put(".bss", PeMemoryMap.SCRATCHPAD_BASE + ((size(".data") + 3) & ~3));
    for (Map.Entry<String, Integer> e : symbolOffset.entrySet()) {
      symbols.put(e.getKey(), bases.get(symbolSection.get(e.getKey())) + e.getValue());
    }
  }

  private int size(String s) {
    ByteArrayOutputStream b = sections.get(s);
    return b == null ? 0 : b.size();
  }

  private Result result() {
    padText();
    for (String g : globals) {
      if (!symbols.containsKey(g)) {
        throw new AssemblyException(file, 0, ".globl " + g + " names a symbol that is never defined");
      }
    }
    return new Result(bytesOf(".text"), bytesOf(".rodata"), bytesOf(".data"), size(".bss"), bases.get(".rodata"),
        bases.get(".bss"), symbols, globals, symbolSection);
  }

  private byte[] bytesOf(String s) {
    ByteArrayOutputStream b = sections.get(s);
    return b == null ? new byte[0] : b.toByteArray();
  }

  // used by Directives and InstructionAssembler

  boolean emitting() {
    return emitting;
  }

  String section() {
    return section;
  }

  void switchTo(String name) {
    if (!List.of(".text", ".rodata", ".data", ".bss").contains(name)) {
      throw error("unknown section " + name + "; expected .text, .rodata, .data or .bss");
    }
    section = name;
    sections.computeIfAbsent(name, k -> new ByteArrayOutputStream());
  }

  int offset() {
    return sections.get(section).size();
  }

  int pc() {
    return emitting ? bases.get(section) + offset() : offset();
  }

  void bytes(long v, int n) {
    ByteArrayOutputStream b = sections.get(section);
    for (int k = 0; k < n; k++) {
      b.write((int) (v >>> (8 * k)));
    }
  }

  /** Like GNU as, .text ends padded with nops to its largest alignment. */
  void noteAlignment(int to) {
    if (section.equals(".text")) {
      textAlign = Math.max(textAlign, to);
    }
  }

  void global(String name) {
    globals.add(name);
  }

  /**
   * Value of an expression. Symbols are unknown in the first pass: there, {@code needed} says
   * whether the value decides a size (then symbols are an error).
   */
  long eval(RvAsmParser.ExprContext e, boolean needed) {
    long v = term(e.term(0), needed);
    if (e.sign != null) {
      v = -v;
    }
    for (int k = 0; k < e.terms.size(); k++) {
      long t = term(e.terms.get(k), needed);
      v = e.ops.get(k).getText().equals("+") ? v + t : v - t;
    }
    return v;
  }

  private long term(RvAsmParser.TermContext t, boolean needed) {
    if (t instanceof RvAsmParser.NumberContext n) {
      String s = n.NUMBER().getText().toLowerCase();
      try {
        if (s.startsWith("0x")) {
          return Long.parseLong(s.substring(2), 16);
        } else if (s.startsWith("0b")) {
          return Long.parseLong(s.substring(2), 2);
        }
        return Long.parseLong(s);
      } catch (NumberFormatException e) {
        throw error("number " + s + " is too large");
      }
    } else if (t instanceof RvAsmParser.SymbolContext sy) {
      String name = sy.IDENT().getText();
      if (Registers.register(name) >= 0) {
        throw error("register " + name + " where a value or symbol was expected");
      }
      if (!emitting) {
        if (needed) {
          throw error("the size of this statement depends on symbol " + name + "; use a constant");
        }
        return 0;
      }
      Integer v = symbols.get(name);
      if (v == null) {
        throw error("undefined symbol " + name);
      }
      return Integer.toUnsignedLong(v);
    } else if (t instanceof RvAsmParser.LocalRefContext r) {
      if (!emitting) {
        return 0;
      }
      Integer v = symbols.get(localRefs.get(r));
      if (v == null) {
        throw error("no local label for " + r.getText());
      }
      return Integer.toUnsignedLong(v);
    } else if (t instanceof RvAsmParser.ParensContext p) {
      return eval(p.expr(), needed);
    }
    RvAsmParser.RelocationContext r = (RvAsmParser.RelocationContext) t;
    long v = eval(r.expr(), needed);
    return switch (r.reloc.getText()) {
      case "hi" -> ((v + 0x800) >> 12) & 0xfffff;
      case "lo" -> (int) (v << 52 >> 52);
      default -> throw error("unknown relocation %" + r.reloc.getText() + "; expected %hi or %lo");
    };
  }
}
