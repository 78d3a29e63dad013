package veneer.isa.pe;

/**
 * Hands out global ids 0, 1, ... {@code globalSize - 1} in claim order, then
 * {@link WorkItem#NONE} for ever, with the local and group ids of {@link WorkItem#of}. This is
 * the dispatcher's contract without its timing: which thread gets which id depends on the order
 * of the claims. Sizes are unsigned 32-bit values.
 *
 * <pre>{@code
 * PeModel pe = new PeModel(PeConfig.defaults(), new ArrayGlobalMemory(1 << 20));
 * pe.setWorkItemSource(new CountingWorkItemSource(100, 8));
 * }</pre>
 */
public final class CountingWorkItemSource implements WorkItemSource {
  private final int globalSize;
  private final int localSize;
  private long next;

  public CountingWorkItemSource(int globalSize, int localSize) {
    this.globalSize = globalSize;
    this.localSize = localSize;
  }

  @Override
  public WorkItem claim(int peId, int thread) {
    if (next >= Integer.toUnsignedLong(globalSize)) {
      return WorkItem.NONE;
    }
    return WorkItem.of((int) next++, localSize);
  }

  /** Work-items handed out so far. */
  public long handedOut() {
    return next;
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
