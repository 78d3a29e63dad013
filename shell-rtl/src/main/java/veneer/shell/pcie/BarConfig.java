package veneer.shell.pcie;

import java.util.List;

/**
 * A 64-bit, non-prefetchable memory BAR of a function: which BAR slot it occupies (0, 2 or 4,
 * each taking two 32-bit BAR registers), its size, and the regions decoded inside it.
 *
 * <pre>{@code
 * new BarConfig(0, 0x10000, List.of(new BarRegion("mgmt", 0, 0x1000)))
 * }</pre>
 */
public record BarConfig(int index, long size, List<BarRegion> regions) {
  public BarConfig {
    if (index != 0 && index != 2 && index != 4) {
      throw new IllegalArgumentException("a 64-bit BAR takes slot 0, 2 or 4, found " + index);
    }
    if (size < 4096 || size > (1L << 31) || Long.bitCount(size) != 1) {
      throw new IllegalArgumentException("BAR" + index + " must be a power of two from 4 KiB to 2 GiB, found 0x"
          + Long.toHexString(size));
    }
    regions = List.copyOf(regions);
    for (int i = 0; i < regions.size(); i++) {
      BarRegion r = regions.get(i);
      if (r.offset() + r.size() > size) {
        throw new IllegalArgumentException("region '" + r.name() + "' ends at 0x"
            + Long.toHexString(r.offset() + r.size()) + ", past the end of BAR" + index + " (0x"
            + Long.toHexString(size) + ")");
      }
      for (int j = 0; j < i; j++) {
        BarRegion o = regions.get(j);
        if (r.offset() < o.offset() + o.size() && o.offset() < r.offset() + r.size()) {
          throw new IllegalArgumentException("regions '" + o.name() + "' and '" + r.name() + "' of BAR" + index
              + " overlap");
        }
      }
    }
  }

  /** Bits of byte offset inside the BAR. */
  public int addrBits() {
    return Long.numberOfTrailingZeros(size);
  }
}
