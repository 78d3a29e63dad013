package veneer.sim.bus;

/**
 * One AXI4 burst as its address channel described it, with the beat addresses of the AMBA AXI
 * specification's "Burst address" pseudocode (FIXED repeats the start address, INCR steps by
 * the transfer size from the aligned start, WRAP steps and wraps at a boundary of the burst's
 * total size).
 *
 * @param len beats minus one ({@code AxLEN})
 * @param size log2 of bytes per beat ({@code AxSIZE})
 * @param burst 0 FIXED, 1 INCR, 2 WRAP
 */
public record Axi4Burst(long id, long addr, int len, int size, int burst) {
  public static final int FIXED = 0;
  public static final int INCR = 1;
  public static final int WRAP = 2;

  public int beats() {
    return len + 1;
  }

  public int bytesPerBeat() {
    return 1 << size;
  }

  /** The address of beat {@code n} (0-based). */
  public long beatAddress(int n) {
    long bytes = bytesPerBeat();
    long aligned = addr / bytes * bytes;
    if (burst == FIXED || n == 0) {
      return addr;
    }
    if (burst == WRAP) {
      long total = bytes * beats();
      long lower = addr / total * total;
      long a = aligned + n * bytes;
      return a >= lower + total ? a - total : a;
    }
    return aligned + n * bytes;
  }

  /** The last byte an INCR burst touches: the end of its last beat. */
  public long lastByte() {
    long bytes = bytesPerBeat();
    return addr / bytes * bytes + (long) beats() * bytes - 1;
  }

  /** Why the burst is not legal AXI4 on a bus of {@code busBytes}, or null if it is. */
  public String illegality(int busBytes) {
    if (burst == 3) {
      return "burst type 3 is reserved";
    }
    if (bytesPerBeat() > busBytes) {
      return "size " + size + " (" + bytesPerBeat() + " bytes per beat) is wider than the " + busBytes + "-byte data bus";
    }
    if (burst == FIXED && beats() > 16) {
      return "a FIXED burst has at most 16 beats, found " + beats();
    }
    if (burst == WRAP) {
      if (beats() != 2 && beats() != 4 && beats() != 8 && beats() != 16) {
        return "a WRAP burst has 2, 4, 8 or 16 beats, found " + beats();
      }
      if (addr % bytesPerBeat() != 0) {
        return "a WRAP burst must start at an address aligned to its size, found 0x" + Long.toHexString(addr)
            + " with " + bytesPerBeat() + "-byte beats";
      }
    }
    if (burst == INCR && (addr >>> 12) != (lastByte() >>> 12)) {
      return "the burst from 0x" + Long.toHexString(addr) + " to 0x" + Long.toHexString(lastByte())
          + " crosses a 4 KiB boundary";
    }
    return null;
  }
}
