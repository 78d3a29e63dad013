package veneer.shell.platform;

import veneer.shell.PartitionRegisters;
import veneer.shell.pr.PrStatus;

/**
 * The partition as PF0 reports it: the PR controller's status, whether a load or reset pulse is
 * running, whether a variant is active and which, whether the partition is decoupled, whether
 * the configuration port accepts words, the words of the current or last load, and the error
 * code of the last failed load.
 *
 * <pre>{@code
 * PartitionState s = dev.partition();
 * if (s.status() == PrStatus.OK && s.activeVariant() == SimulatedPlatform.VECTOR_ADD) { ... }
 * }</pre>
 */
public record PartitionState(PrStatus status, boolean busy, boolean active, boolean decoupled, boolean started,
    long activeVariant, long words, PrStatus lastError) {

  /** Decodes {@code cfgport_status} and {@code cfgport_error} with the partition region's values. */
  static PartitionState of(long cfgportStatus, long cfgportError, long activeVariant, long words) {
    return new PartitionState(PrStatus.of(cfgportStatus & PartitionRegisters.STATUS_CODE_MASK),
        (cfgportStatus & PartitionRegisters.STATUS_BUSY) != 0, (cfgportStatus & PartitionRegisters.STATUS_ACTIVE) != 0,
        (cfgportStatus & PartitionRegisters.STATUS_DECOUPLED) != 0,
        (cfgportStatus & PartitionRegisters.STATUS_STARTED) != 0, activeVariant, words,
        PrStatus.of(cfgportError & PartitionRegisters.STATUS_CODE_MASK));
  }
}
