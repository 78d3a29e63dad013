package veneer.compiler.pass;

import veneer.compiler.ir.Block;
import veneer.compiler.ir.Dominators;
import veneer.compiler.ir.Function;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Natural loops of a function: a header and the blocks that reach a back edge to it. */
final class Loops {
  /** One natural loop (all back edges to the same header merged). */
  record Loop(Block header, Set<Block> body) {
  }

  private Loops() {
  }

  /** Loops, innermost (smallest) first. */
  static List<Loop> find(Function f, Dominators dom) {
    Map<Block, Set<Block>> byHeader = new LinkedHashMap<>();
    for (Block b : dom.reversePostorder()) {
      for (Block s : b.successors()) {
        if (dom.dominates(s, b)) {
          Set<Block> body = byHeader.computeIfAbsent(s, h -> new LinkedHashSet<>(List.of(h)));
          List<Block> work = new ArrayList<>(List.of(b));
          while (!work.isEmpty()) {
            Block x = work.remove(work.size() - 1);
            if (body.add(x)) {
              work.addAll(x.preds());
            }
          }
        }
      }
    }
    List<Loop> loops = new ArrayList<>();
    byHeader.forEach((h, body) -> loops.add(new Loop(h, body)));
    loops.sort(Comparator.comparingInt(l -> l.body().size()));
    return loops;
  }
}
