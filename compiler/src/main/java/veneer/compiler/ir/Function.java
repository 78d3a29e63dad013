package veneer.compiler.ir;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One compiled Java method: parameters, return type and blocks in layout order (entry first).
 */
public final class Function {
  private final String owner;
  private final String name;
  private final String descriptor;
  private final String file;
  private final List<Param> params = new ArrayList<>();
  private final IrType returnType;
  private final List<Block> blocks = new ArrayList<>();
  private int nextBlockId;

  public Function(String owner, String name, String descriptor, String file, IrType returnType) {
    this.owner = owner;
    this.name = name;
    this.descriptor = descriptor;
    this.file = file;
    this.returnType = returnType;
  }

  /** Internal name of the declaring class ({@code com/acme/Kernels}). */
  public String owner() {
    return owner;
  }

  public String name() {
    return name;
  }

  /** JVM method descriptor. */
  public String descriptor() {
    return descriptor;
  }

  /** Source file of the declaring class. */
  public String file() {
    return file;
  }

  /** {@code SimpleClass.method}, for messages and printing. */
  public String displayName() {
    return owner.substring(owner.lastIndexOf('/') + 1) + "." + name;
  }

  public List<Param> params() {
    return params;
  }

  public IrType returnType() {
    return returnType;
  }

  public List<Block> blocks() {
    return blocks;
  }

  public Block entry() {
    return blocks.get(0);
  }

  /** Creates a block and appends it to the layout. */
  public Block newBlock() {
    Block b = new Block(nextBlockId++);
    blocks.add(b);
    return b;
  }

  /** Creates a block and places it right after {@code after} in the layout. */
  public Block newBlockAfter(Block after) {
    Block b = new Block(nextBlockId++);
    blocks.add(blocks.indexOf(after) + 1, b);
    return b;
  }

  /** All instructions in layout order. */
  public List<Instr> instructions() {
    List<Instr> all = new ArrayList<>();
    for (Block b : blocks) {
      all.addAll(b.instrs());
    }
    return all;
  }

  /** Rebuilds every block's predecessor list from the terminators. */
  public void recomputePreds() {
    Map<Block, Set<Block>> preds = new HashMap<>();
    for (Block b : blocks) {
      preds.put(b, new LinkedHashSet<>());
    }
    for (Block b : blocks) {
      for (Block s : b.successors()) {
        preds.get(s).add(b);
      }
    }
    for (Block b : blocks) {
      b.preds().clear();
      b.preds().addAll(preds.get(b));
    }
  }

  /**
   * Removes blocks not reachable from the entry, and the phi operands that came from them;
   * recomputes predecessors. Returns true if anything was removed.
   */
  public boolean removeUnreachableBlocks() {
    Set<Block> seen = new HashSet<>();
    List<Block> work = new ArrayList<>(List.of(entry()));
    while (!work.isEmpty()) {
      Block b = work.remove(work.size() - 1);
      if (seen.add(b)) {
        work.addAll(b.successors());
      }
    }
    boolean removed = blocks.retainAll(seen);
    recomputePreds();
    for (Block b : blocks) {
      for (Instr phi : b.phis()) {
        for (Block in : new ArrayList<>(phi.incoming())) {
          if (!b.preds().contains(in)) {
            phi.removeIncoming(in);
          }
        }
      }
    }
    return removed;
  }

  /** Replaces every use of each key by its value (chains are followed). */
  public void replaceUses(Map<? extends Value, ? extends Value> replacement) {
    if (replacement.isEmpty()) {
      return;
    }
    for (Block b : blocks) {
      for (Instr i : b.instrs()) {
        for (int k = 0; k < i.operands().size(); k++) {
          Value v = i.operand(k);
          Value r = v;
          int guard = 0;
          while (replacement.containsKey(r)) {
            r = replacement.get(r);
            if (++guard > 1_000_000) {
              throw new IllegalStateException("cyclic value replacement at " + v);
            }
          }
          if (r != v) {
            i.setOperand(k, r);
          }
        }
      }
    }
  }

  /** Replaces every use of {@code old} by {@code by}. */
  public void replaceUses(Value old, Value by) {
    replaceUses(Map.of(old, by));
  }

  /** Number of uses of each instruction. */
  public Map<Instr, Integer> useCounts() {
    Map<Instr, Integer> uses = new HashMap<>();
    for (Block b : blocks) {
      for (Instr i : b.instrs()) {
        for (Value v : i.operands()) {
          if (v instanceof Instr d) {
            uses.merge(d, 1, Integer::sum);
          }
        }
      }
    }
    return uses;
  }

  @Override
  public String toString() {
    return displayName();
  }
}
