package veneer.shell.dram.bench;

import java.util.Locale;

/**
 * What {@link DramBandwidth} measured: bytes moved over the cycles from the first address
 * handshake to the last response, both included.
 *
 * @param peakBytesPerCycle the roofline: data bytes per beat times the number of channels
 */
public record BandwidthReport(AccessPattern pattern, long bytes, long cycles, int peakBytesPerCycle) {
  public double bytesPerCycle() {
    return cycles == 0 ? 0 : (double) bytes / cycles;
  }

  /** Achieved bandwidth as a fraction of the peak. */
  public double efficiency() {
    return bytesPerCycle() / peakBytesPerCycle;
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "%s x%d, %d-beat bursts, %d per manager%s: %d bytes in %d cycles ="
        + " %.2f bytes/cycle (%.1f%% of %d)", pattern.kind(), pattern.masters(), pattern.burstBeats(),
        pattern.burstsPerMaster(), pattern.random() ? ", random addresses" : "", bytes, cycles, bytesPerCycle(),
        100 * efficiency(), peakBytesPerCycle);
  }
}
