package veneer.isa.pe;

/**
 * Where a {@link PeModel} gets work-items from when a thread reads CSR {@code WORK_NEXT}
 * (0xFC3), and the launch sizes it shows in {@code GLOBAL_SIZE} (0xFC7) and {@code LOCAL_SIZE}
 * (0xFC8). Several models (one per PE of an array) may share one source.
 *
 * <p>Two implementations: {@link CountingWorkItemSource} hands out 0, 1, 2, ... in claim order
 * (a functional model of the dispatcher); a lockstep checker can instead feed each model the id
 * the hardware dispatcher granted to that PE, so the model claims exactly what the RTL claimed.
 *
 * <pre>{@code
 * model.setWorkItemSource(new CountingWorkItemSource(4096, 64));
 * }</pre>
 */
public interface WorkItemSource {
  /**
   * Claims the next work-item for {@code thread} of PE {@code peId}; {@link WorkItem#NONE} when
   * none is left.
   */
  WorkItem claim(int peId, int thread);

  /** Work-items in the launch (CSR 0xFC7). */
  int globalSize();

  /** Work-items per work-group, 0 = one group (CSR 0xFC8). */
  int localSize();
}
