package veneer.overlay.run;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import veneer.isa.pe.WorkItem;
import veneer.isa.pe.WorkItemSource;

/**
 * The work-item source of an array lockstep: each PE's model claims exactly the global ids the
 * hardware dispatcher granted to that PE, in grant order. A PE's claims reach its model in the
 * order the PE retires its {@code WORK_NEXT} reads, which is the order it was granted them (the
 * read is granted in the pipeline stage before it retires, in program order per PE). The local
 * and group ids are recomputed from the global id ({@link WorkItem#of}), so the dispatcher's own
 * local/group counters are checked by every kernel that reads them. Each id must be granted at
 * most once and lie below the global size.
 *
 * <pre>{@code
 * GrantedWorkItems work = new GrantedWorkItems(2, 300, 1);
 * work.granted(0, 17);                 // the RTL granted id 17 to PE 0
 * model0.setWorkItemSource(work);       // model0's next WORK_NEXT returns 17
 * }</pre>
 */
public final class GrantedWorkItems implements WorkItemSource {
  private final List<ArrayDeque<Integer>> pending = new ArrayList<>();
  private final int globalSize;
  private final int localSize;
  private final BitSet handed = new BitSet();

  public GrantedWorkItems(int pes, int globalSize, int localSize) {
    if (globalSize < 0) {
      throw new IllegalArgumentException("the array lockstep supports global sizes up to 2^31-1, found "
          + Integer.toUnsignedString(globalSize));
    }
    for (int p = 0; p < pes; p++) {
      pending.add(new ArrayDeque<>());
    }
    this.globalSize = globalSize;
    this.localSize = localSize;
  }

  /** The dispatcher answered a {@code WORK_NEXT} of PE {@code pe} with {@code globalId} (-1: none left). */
  public void granted(int pe, int globalId) {
    if (globalId != -1) {
      if (globalId < 0 || globalId >= globalSize) {
        throw new LockstepDivergence("the dispatcher granted work-item " + Integer.toUnsignedString(globalId)
            + " to PE " + pe + ", outside the launch of " + globalSize + " items");
      }
      if (handed.get(globalId)) {
        throw new LockstepDivergence("the dispatcher granted work-item " + globalId + " a second time (to PE "
            + pe + ")");
      }
      handed.set(globalId);
    }
    pending.get(pe).add(globalId);
  }

  @Override
  public WorkItem claim(int peId, int thread) {
    Integer id = pending.get(peId).poll();
    if (id == null) {
      throw new LockstepDivergence("thread " + thread + " of the model of PE " + peId + " reads WORK_NEXT but the"
          + " dispatcher granted no unclaimed work-item to PE " + peId);
    }
    return WorkItem.of(id, localSize);
  }

  /** Grants of PE {@code pe} that no retired WORK_NEXT has claimed yet. */
  public int unclaimed(int pe) {
    return pending.get(pe).size();
  }

  /** Distinct work-items granted so far. */
  public int handedOut() {
    return handed.cardinality();
  }

  @Override
  public int globalSize() {
    return globalSize;
  }

  @Override
  public int localSize() {
    return localSize;
  }
}
