package veneer.compiler.backend;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * A machine basic block: a label, instructions ending in terminators (an optional BRANCH then a
 * JUMP, or a single JUMP/RET/EXIT), and the phis still to be resolved into edge moves after
 * register allocation.
 */
public final class MBlock {
  /** A phi: {@code dst} receives, on the edge from each predecessor label, a register or a constant. */
  public static final class Phi {
    public final int dst;
    public final Map<String, Src> sources = new LinkedHashMap<>();

    Phi(int dst) {
      this.dst = dst;
    }
  }

  /** A phi source: a register, or a constant when {@code reg} is -1. */
  public record Src(int reg, int constant) {
    public static Src of(int reg) {
      return new Src(reg, 0);
    }

    public static Src constant(int c) {
      return new Src(-1, c);
    }

    public boolean isConstant() {
      return reg < 0;
    }
  }

  public final String label;
  public final List<MInstr> instrs = new ArrayList<>();
  public final List<Phi> phis = new ArrayList<>();
  /** Cold blocks (trap stubs) are laid out after the hot ones. */
  public boolean cold;

  MBlock(String label) {
    this.label = label;
  }

  public MBlock add(MInstr i) {
    instrs.add(i);
    return this;
  }

  public Phi addPhi(int dst) {
    Phi p = new Phi(dst);
    phis.add(p);
    return p;
  }

  /** Whether the block already ends in a terminator that does not fall through. */
  public boolean isClosed() {
    if (instrs.isEmpty()) {
      return false;
    }
    MInstr.Kind k = instrs.get(instrs.size() - 1).kind;
    return k == MInstr.Kind.JUMP || k == MInstr.Kind.RET || k == MInstr.Kind.EXIT;
  }

  /** Successor labels, distinct, in terminator order. */
  public List<String> successors() {
    LinkedHashSet<String> s = new LinkedHashSet<>();
    for (MInstr i : instrs) {
      if (i.kind == MInstr.Kind.BRANCH || i.kind == MInstr.Kind.JUMP) {
        s.add(i.target);
      } else if (i.kind == MInstr.Kind.TABLE) {
        s.addAll(i.table);
      }
    }
    return new ArrayList<>(s);
  }

  @Override
  public String toString() {
    return label;
  }
}
