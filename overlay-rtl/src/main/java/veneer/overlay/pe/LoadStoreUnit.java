package veneer.overlay.pe;

import java.util.ArrayList;
import java.util.List;
import veneer.isa.pe.PeMemoryMap;

import veneer.hdl.Bits;
import veneer.hdl.Bool;
import veneer.hdl.Data;
import veneer.hdl.Module;
import veneer.hdl.UInt;

/**
 * Address decoding and alignment for loads and stores: which region an access goes to, whether
 * it is misaligned or outside the map (or a store to a read-only region), and the store data
 * and byte strobes placed on the lanes of a 32-bit word.
 *
 * <p>Only {@link #accessFault} compares the whole address. The region outputs are defined for
 * addresses inside one of the map's regions (an access outside them faults, and Pe uses a region
 * only for an access that does not): each compares just the few address bits that tell its
 * region apart from every other one (see {@link #distinguishing}), for example the scratchpad
 * is {@code !addr[31] & addr[28]}.
 *
 * <pre>{@code
 * LoadStoreUnit lsu = instance("lsu", new LoadStoreUnit(config));
 * lsu.addr.assign(rs1v.add(imm)); lsu.size.assign(2); lsu.store.assign(isStore);
 * }</pre>
 */
public final class LoadStoreUnit extends Module {
  public final UInt addr = input("addr", UInt(32));
  /** log2 of the access bytes: 0, 1 or 2. */
  public final UInt size = input("size", UInt(2));
  public final Bool store = input("store", Bool());
  public final UInt storeValue = input("store_value", UInt(32));
  /** The address is in instruction memory (defined for addresses inside the map's regions). */
  public final Bool inImem = output("in_imem", Bool());
  /** In the scratchpad (defined for addresses inside the map's regions). */
  public final Bool inSpm = output("in_spm", Bool());
  /** The console register (defined for addresses inside the map's regions). */
  public final Bool inConsole = output("in_console", Bool());
  /** The kernel argument block (defined for addresses inside the map's regions). */
  public final Bool inArgs = output("in_args", Bool());
  /** Global memory (exact: the region is the upper half of the address space). */
  public final Bool inGlobal = output("in_global", Bool());
  public final Bool misaligned = output("misaligned", Bool());
  /** Outside the map, a store to instruction memory or the argument block, or a console load. */
  public final Bool accessFault = output("access_fault", Bool());
  public final UInt offset = output("offset", UInt(2));
  /** The store value on the lanes that {@link #storeMask} enables (the other lanes hold bytes of it). */
  public final UInt storeLanes = output("store_lanes", UInt(32));
  public final Bits storeMask = output("store_mask", Bits(4));

  /** A region of the address map: {@code bytes} from {@code base}. */
  record Region(long base, long bytes) {
    /** The smallest aligned power-of-two block of addresses that holds the region. */
    int blockBits() {
      int bits = 0;
      while ((base >>> bits) != ((base + bytes - 1) >>> bits)) {
        bits++;
      }
      return bits;
    }
  }

  public LoadStoreUnit(PeConfig config) {
    long globalBase = Integer.toUnsignedLong(PeMemoryMap.GLOBAL_BASE);
    Region imemR = new Region(PeMemoryMap.IMEM_BASE, 4L * config.imemWords());
    Region spmR = new Region(PeMemoryMap.SCRATCHPAD_BASE, 4L * config.spmWords());
    Region consoleR = new Region(PeMemoryMap.CONSOLE, PeMemoryMap.CONSOLE_BYTES);
    Region argsR = new Region(PeMemoryMap.KERNEL_ARGS_BASE, 4L * PeMemoryMap.KERNEL_ARGS_WORDS);
    Region globalR = new Region(globalBase, (1L << 32) - globalBase);
    List<Region> map = List.of(imemR, spmR, consoleR, argsR, globalR);
    // Each region with the accesses it takes: the console is write-only (loads from it fault, as
    // in the reference model), instruction memory and the argument block are read-only.
    Bool load = store.not();
    Bool allowed = within(imemR).and(load).or(within(spmR)).or(within(consoleR).and(store))
        .or(within(argsR).and(load)).or(within(globalR));
    accessFault.assign(allowed.not());
    inImem.assign(region(imemR, map));
    inSpm.assign(region(spmR, map));
    inConsole.assign(region(consoleR, map));
    inArgs.assign(region(argsR, map));
    inGlobal.assign(region(globalR, map));
    Bool half = size.eq(1);
    Bool word = size.eq(2);
    misaligned.assign(half.and(addr.bit(0)).or(word.and(addr.bits(1, 0).ne(0))));
    UInt off = addr.bits(1, 0);
    offset.assign(off);
    // Aligned accesses only reach memory (misaligned ones fault), so each lane and strobe is
    // chosen by the offset alone, with the size only where the offset does not tell it: odd
    // offsets are bytes, offset 2 is a byte or a halfword, offset 0 anything. Lane 1 carries
    // byte 0 only for a byte at offset 1 (a0), lane 2 only at offsets 2 and 3 (a1; at 3 it is
    // not written), lane 3 byte 0 at offset 3 and byte 1 at offset 2; the lanes a store does
    // not write hold don't-cares. Three inputs a lane bit (five for lane 3) and no size decode:
    // by the size (word, half, byte), lane 1 needed a shared "is byte" LUT besides.
    Bool a0 = off.bit(0);
    Bool a1 = off.bit(1);
    Bool wide = size.bit(1); // a word (size 3 is illegal: never executed)
    UInt byte0 = storeValue.bits(7, 0);
    UInt byte1 = storeValue.bits(15, 8);
    storeLanes.assign(a1.mux(a0.mux(byte0, byte1), storeValue.bits(31, 24))
        .cat(a1.mux(byte0, storeValue.bits(23, 16)), a0.mux(byte0, byte1), byte0));
    // The strobes of aligned accesses (a misaligned access faults: its strobes are don't-cares).
    Bool halfOrWord = size.bit(0).or(wide);
    storeMask.assign(Data.catLowFirst(List.of(
        a1.or(a0).not(),                        // offset 0
        a1.not().and(a0.or(halfOrWord)),        // a byte at 1, or a halfword or word at 0
        wide.or(a1.and(a0.not())),              // a word, or a byte or halfword at 2
        wide.or(a1.and(a0.or(size.bit(0))))     // a word, a halfword at 2 or a byte at 3
    )).asBits());
  }

  /** Exactly the addresses of {@code r}. */
  private Bool within(Region r) {
    // A power-of-two region on a multiple of its size is a compare of the address's upper bits.
    long bytes = r.bytes();
    long base = r.base();
    if (Long.bitCount(bytes) == 1 && base % bytes == 0 && bytes < (1L << 32)) {
      int low = Long.numberOfTrailingZeros(bytes);
      return addr.bits(31, low).eq(base >>> low);
    }
    Bool above = base == 0 ? lit(1, Bool()) : addr.ge(lit(base, UInt(32)));
    long end = base + bytes;
    Bool below = end >= (1L << 32) ? lit(1, Bool()) : addr.lt(lit(end, UInt(32)));
    return above.and(below);
  }

  /** High for the addresses of {@code r}, low for those of the other regions of {@code map}. */
  private Bool region(Region r, List<Region> map) {
    int bits = distinguishing(r, map);
    Bool out = lit(1, Bool());
    for (int p = 31; p >= 0; p--) {
      if ((bits >>> p & 1) != 0) {
        Bool b = addr.bit(p);
        out = out.and((r.base() >>> p & 1) != 0 ? b : b.not());
      }
    }
    return out;
  }

  /**
   * The fewest address bits (as a mask; the lower positions preferred) on which {@code r}'s block
   * (its aligned power-of-two cover, whose upper bits are fixed) differs from each other region's
   * block in a bit that both fix. The blocks must not overlap.
   */
  static int distinguishing(Region r, List<Region> map) {
    List<Integer> against = new ArrayList<>();
    for (Region o : map) {
      if (o == r) {
        continue;
      }
      long fixed = fixedBits(r) & fixedBits(o);
      int differ = (int) (fixed & (r.base() ^ o.base()));
      if (differ == 0) {
        throw new IllegalStateException("regions " + r + " and " + o + " overlap in their aligned blocks;"
            + " LoadStoreUnit tells regions apart by the address bits their blocks fix");
      }
      against.add(differ);
    }
    for (int size = 1; size <= 32; size++) {
      int best = smallest(against, 0, 0, size);
      if (best != 0) {
        return best;
      }
    }
    throw new AssertionError("32 bits tell any two distinct blocks apart");
  }

  /** A mask of {@code left} more bits above {@code from} that meets every entry of {@code against}, or 0. */
  private static int smallest(List<Integer> against, int chosen, int from, int left) {
    if (left == 0) {
      for (int d : against) {
        if ((d & chosen) == 0) {
          return 0;
        }
      }
      return chosen;
    }
    for (int p = from; p < 32; p++) {
      int found = smallest(against, chosen | 1 << p, p + 1, left - 1);
      if (found != 0) {
        return found;
      }
    }
    return 0;
  }

  /** The address bits that every address of {@code r}'s block shares. */
  private static long fixedBits(Region r) {
    return 0xFFFF_FFFFL & ~((1L << r.blockBits()) - 1);
  }
}
