package veneer.compiler.ir;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * A basic block: phis first, then ordinary instructions, then exactly one terminator. The
 * predecessor list holds each predecessor once, in a stable order ({@link Function#recomputePreds()}).
 */
public final class Block {
  private final int id;
  private final List<Instr> instrs = new ArrayList<>();
  private final List<Block> preds = new ArrayList<>();

  Block(int id) {
    this.id = id;
  }

  /** Creation number; printing renumbers blocks in layout order. */
  public int id() {
    return id;
  }

  /** All instructions, phis first and terminator last (a live view; use the methods to edit). */
  public List<Instr> instrs() {
    return instrs;
  }

  public List<Block> preds() {
    return preds;
  }

  /** The phis at the head of the block. */
  public List<Instr> phis() {
    List<Instr> r = new ArrayList<>();
    for (Instr i : instrs) {
      if (i.op() != Op.PHI) {
        break;
      }
      r.add(i);
    }
    return r;
  }

  /** The terminator, or null while the block is being built. */
  public Instr terminator() {
    if (instrs.isEmpty()) {
      return null;
    }
    Instr last = instrs.get(instrs.size() - 1);
    return last.op().isTerminator() ? last : null;
  }

  /** Distinct successors in target order. */
  public List<Block> successors() {
    Instr t = terminator();
    return t == null ? List.of() : new ArrayList<>(new LinkedHashSet<>(t.targets()));
  }

  /** Appends {@code i} at the end. */
  public Instr append(Instr i) {
    i.setBlock(this);
    instrs.add(i);
    return i;
  }

  /** Inserts {@code i} just before the terminator (or at the end if there is none). */
  public Instr insertBeforeTerminator(Instr i) {
    i.setBlock(this);
    instrs.add(terminator() == null ? instrs.size() : instrs.size() - 1, i);
    return i;
  }

  /** Inserts {@code i} at position {@code index}. */
  public Instr insert(int index, Instr i) {
    i.setBlock(this);
    instrs.add(index, i);
    return i;
  }

  /** Inserts {@code i} immediately before {@code before}, which must be in this block. */
  public Instr insertBefore(Instr before, Instr i) {
    int at = instrs.indexOf(before);
    if (at < 0) {
      throw new IllegalArgumentException(before + " is not in " + this);
    }
    return insert(at, i);
  }

  /** Adds a phi after the existing phis. */
  public Instr addPhi(Instr phi) {
    return insert(phis().size(), phi);
  }

  /** Removes {@code i} from this block. */
  public void remove(Instr i) {
    if (!instrs.remove(i)) {
      throw new IllegalArgumentException(i + " is not in " + this);
    }
    i.setBlock(null);
  }

  /** Moves {@code i} (from any block) to just before this block's terminator. */
  public void moveBeforeTerminator(Instr i) {
    i.block().remove(i);
    insertBeforeTerminator(i);
  }

  @Override
  public String toString() {
    return "block#" + id;
  }
}
