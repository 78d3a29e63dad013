package veneer.hdl.verilog;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import veneer.hdl.ir.ClockDomain;
import veneer.hdl.ir.Memory;
import veneer.hdl.ir.ModuleIr;
import veneer.hdl.ir.SourceLoc;

/**
 * The memories of a module: the array declarations, the initial contents, and one
 * {@code always} block per memory and clock domain holding its write ports (in port order, so
 * the last port wins; a memory with exclusive writes gives each write port a block of its own)
 * and its registered read ports (non-blocking, so they read the contents
 * before this edge's writes: read-first).
 *
 * <p>Initial contents are an {@code initial} block of per-word assignments, after a loop that
 * zeroes the memory when some words are zero. {@code $readmemh} would need a data file next to
 * the Verilog; the initial block keeps every module in one file, and Icarus, Verilator and Yosys
 * (which turns it into memory init values) all accept it.
 */
final class MemoryBlocks {
  /** A declaration of the module: the memory array, a read register or a loop index. */
  record Declaration(String text, String name, SourceLoc loc, int memory, int net) {}

  private final ModuleIr m;
  private final NetPlan plan;
  private final ExprPrinter expr;

  MemoryBlocks(ModuleIr m, NetPlan plan, ExprPrinter expr) {
    this.m = m;
    this.plan = plan;
    this.expr = expr;
  }

  /** Declarations in memory order; {@code memory} or {@code net} says which signal each one is. */
  List<Declaration> declarations() {
    List<Declaration> out = new ArrayList<>();
    for (int i = 0; i < m.memories().size(); i++) {
      Memory mem = m.memories().get(i);
      out.add(new Declaration("reg " + VerilogText.range(mem.width()) + mem.name() + " [0:" + (mem.depth() - 1)
          + "] /*verilator public_flat_rw*/;", mem.name(), mem.loc(), i, -1));
      for (Memory.ReadPort r : mem.readPorts()) {
        if (r.sync() && plan.live(r.data())) {
          out.add(new Declaration("reg " + VerilogText.range(mem.width()) + plan.name(r.data()) + ";", plan.name(r.data()), r.loc(), -1, r.data()));
        }
      }
      if (zeroFill(mem)) {
        out.add(new Declaration("integer " + indexName(mem) + ";", indexName(mem), null, -1, -1));
      }
    }
    return out;
  }

  Code print() {
    Code code = new Code();
    for (int i = 0; i < m.memories().size(); i++) {
      Memory mem = m.memories().get(i);
      code.blank().line(1, "// " + mem.name() + ": " + mem.depth() + (mem.depth() == 1 ? " word of " : " words of ") + mem.width() + " bit"
          + (mem.width() == 1 ? "" : "s") + (NetPlan.needsAddressGuard(mem)
          ? "; addresses from " + mem.depth() + " up read as zero and are not written" : ""));
      initial(code, mem);
      for (int d : domains(mem)) {
        ports(code, i, mem, d);
      }
    }
    return code;
  }

  /** A memory that is never written and has no initial contents is all zero: say so explicitly. */
  private static boolean zeroFill(Memory mem) {
    if (mem.init() == null) {
      return mem.writePorts().isEmpty();
    }
    for (BigInteger w : mem.init()) {
      if (w.signum() == 0) {
        return true;
      }
    }
    return false;
  }

  private static String indexName(Memory mem) {
    return "_" + mem.name() + "_i";
  }

  private void initial(Code code, Memory mem) {
    if (mem.init() == null && !zeroFill(mem)) {
      return;
    }
    code.line(1, "initial begin");
    if (zeroFill(mem)) {
      String i = indexName(mem);
      code.line(2, "for (" + i + " = 0; " + i + " < " + mem.depth() + "; " + i + " = " + i + " + 1) "
          + mem.name() + "[" + i + "] = " + VerilogText.literal(mem.width(), BigInteger.ZERO) + ";");
    }
    if (mem.init() != null) {
      for (int w = 0; w < mem.depth(); w++) {
        if (mem.init()[w].signum() != 0) {
          code.line(2, mem.name() + "[" + w + "] = " + VerilogText.literal(mem.width(), mem.init()[w]) + ";");
        }
      }
    }
    code.line(1, "end");
  }

  private TreeSet<Integer> domains(Memory mem) {
    TreeSet<Integer> ds = new TreeSet<>();
    mem.writePorts().forEach(w -> ds.add(w.domain()));
    for (Memory.ReadPort r : mem.readPorts()) {
      if (r.sync() && plan.live(r.data())) {
        ds.add(r.domain());
      }
    }
    return ds;
  }

  private void ports(Code code, int index, Memory mem, int domain) {
    ClockDomain cd = m.domains().get(domain);
    String always = "always @(posedge " + expr.port(cd.clockPort()) + ") begin";
    boolean open = false;
    for (Memory.WritePort w : mem.writePorts()) {
      if (w.domain() == domain) {
        if (!open) {
          code.line(1, always);
          open = true;
        }
        write(code, mem, w);
        if (mem.exclusiveWrites()) {
          // A block of its own: Yosys gives priorities only to the write ports of one block.
          code.line(1, "end");
          open = false;
        }
      }
    }
    for (int p = 0; p < mem.readPorts().size(); p++) {
      Memory.ReadPort r = mem.readPorts().get(p);
      if (r.sync() && r.domain() == domain && plan.live(r.data())) {
        if (!open) {
          code.line(1, always);
          open = true;
        }
        String assign = plan.name(r.data()) + " <= " + expr.memoryRead(index, r.addr()) + ";";
        if (r.enable() >= 0) {
          code.line(2, "if (" + expr.ref(r.enable()) + ")", r.loc());
          code.line(3, assign);
        } else {
          code.line(2, assign, r.loc());
        }
      }
    }
    if (open) {
      code.line(1, "end");
    }
  }

  private void write(Code code, Memory mem, Memory.WritePort w) {
    ExprPrinter.Expr addr = expr.ref(w.addr());
    BigInteger en = expr.constantValue(w.enable());
    ExprPrinter.Expr cond = en != null && en.signum() != 0 ? null : expr.ref(w.enable());
    BigInteger fixed = expr.constantValue(w.addr());
    if (fixed != null && fixed.intValue() >= mem.depth()) {
      return;  // a constant address past the end: the port never writes
    }
    if (NetPlan.needsAddressGuard(mem) && fixed == null) {
      ExprPrinter.Expr inRange = expr.addressInRange(mem, addr);
      cond = cond == null ? inRange : ExprPrinter.binary(cond, "&&", ExprPrinter.LOGIC_AND, inRange);
    }
    int depth = 2;
    if (cond != null) {
      code.line(2, "if (" + cond + ") begin", w.loc());
      depth = 3;
    }
    String word = mem.name() + "[" + addr + "]";
    if (w.mask() < 0) {
      code.line(depth, word + " <= " + expr.ref(w.data()) + ";", cond == null ? w.loc() : null);
    } else {
      BigInteger constMask = expr.constantValue(w.mask());
      int lanes = mem.width() / w.maskGranule();
      for (int lane = 0; lane < lanes; lane++) {
        int lo = lane * w.maskGranule();
        int hi = lo + w.maskGranule() - 1;
        String target = lanes == 1 ? word : word + (hi == lo ? "[" + lo + "]" : "[" + hi + ":" + lo + "]");
        String assign = target + " <= " + expr.bits(w.data(), hi, lo) + ";";
        if (constMask == null) {
          code.line(depth, "if (" + expr.bits(w.mask(), lane, lane) + ") " + assign);
        } else if (constMask.testBit(lane)) {
          code.line(depth, assign);
        }
      }
    }
    if (cond != null) {
      code.line(2, "end");
    }
  }
}
