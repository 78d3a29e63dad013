package veneer.shell.dram.bench;

/**
 * A traffic pattern for {@link DramBandwidth}: every manager issues {@code burstsPerMaster}
 * full-width INCR bursts of {@code burstBeats} beats in its own slice of the DRAM (the DRAM split
 * evenly between the managers), sequentially or at seeded random burst-aligned addresses.
 *
 * <pre>{@code
 * AccessPattern p = AccessPattern.sequentialReads(1, 64, 256);
 * }</pre>
 *
 * @param kind reads, writes, or both at once (each manager alternates)
 */
public record AccessPattern(Kind kind, int masters, int burstBeats, int burstsPerMaster, boolean random, long seed) {
  public enum Kind { READ, WRITE, READ_WRITE }

  public AccessPattern {
    if (masters < 1 || burstsPerMaster < 1 || burstBeats < 1 || burstBeats > 256) {
      throw new IllegalArgumentException("an access pattern needs at least one manager and one burst of 1 to"
          + " 256 beats; found " + masters + " managers, " + burstsPerMaster + " bursts of " + burstBeats + " beats");
    }
  }

  public static AccessPattern sequentialReads(int masters, int burstBeats, int burstsPerMaster) {
    return new AccessPattern(Kind.READ, masters, burstBeats, burstsPerMaster, false, 1);
  }

  public static AccessPattern sequentialWrites(int masters, int burstBeats, int burstsPerMaster) {
    return new AccessPattern(Kind.WRITE, masters, burstBeats, burstsPerMaster, false, 1);
  }

  public AccessPattern withKind(Kind k) {
    return new AccessPattern(k, masters, burstBeats, burstsPerMaster, random, seed);
  }

  public AccessPattern withRandomAddresses(long s) {
    return new AccessPattern(kind, masters, burstBeats, burstsPerMaster, true, s);
  }
}
