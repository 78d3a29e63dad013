package veneer.runtime;

/**
 * What the management function (PF0) reports about the Role partition and the Shell: the
 * partition's state and the monitoring counters, read in one go by {@link Management#status()}.
 *
 * <pre>{@code
 * ManagementStatus s = dev.management().status();
 * System.out.println("variant " + s.activeVariant() + ", " + s.loadsOk() + " good loads");
 * }</pre>
 *
 * @param activeVariant variant id of the active Role, 0 when none is loaded
 * @param busy a load or a Role reset is in progress
 * @param decoupled the Role partition is cut off from the Shell
 * @param loadsOk loads that ended OK since the Shell's reset
 * @param loadsFailed loads that ended with an error status
 * @param wordsDropped configuration words written while the port was not started
 * @param roleDramReads read bursts the Role started on its DRAM ports
 * @param roleDramWrites write bursts the Role started on its DRAM ports
 * @param requestsRefused PCIe requests the Shell refused (unmapped, or PF1 aiming at PF0)
 * @param errorLogCount records in the Shell's error log
 * @param cycles device cycles since reset (32 bits, wraps)
 */
public record ManagementStatus(long activeVariant, boolean busy, boolean decoupled, long loadsOk, long loadsFailed,
    long wordsDropped, long roleDramReads, long roleDramWrites, long requestsRefused, long errorLogCount,
    long cycles) {
  /** Bit of {@code cfgport_status}: a load or Role reset is in progress. */
  static final long STATUS_BUSY = 1 << 4;
  /** Bit of {@code cfgport_status}: the partition is decoupled. */
  static final long STATUS_DECOUPLED = 1 << 6;

  @Override
  public String toString() {
    return String.format("variant %d%s%s, loads %d ok / %d failed, %d words dropped, Role DRAM bursts %d read /"
        + " %d write, %d requests refused, %d error-log records, cycle %d", activeVariant, busy ? ", busy" : "",
        decoupled ? ", decoupled" : "", loadsOk, loadsFailed, wordsDropped, roleDramReads, roleDramWrites,
        requestsRefused, errorLogCount, cycles);
  }
}
