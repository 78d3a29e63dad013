package veneer.overlay.pe;

import veneer.isa.pe.PeMemoryMap;

import veneer.hdl.Bits;
import veneer.hdl.Bool;
import veneer.hdl.Module;
import veneer.hdl.UInt;

/**
 * Address decoding and alignment for loads and stores: which region an access goes to, whether
 * it is misaligned or outside the map (or a store to a read-only region), and the store data
 * and byte strobes placed on the lanes of a 32-bit word.
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
  public final Bool inImem = output("in_imem", Bool());
  public final Bool inSpm = output("in_spm", Bool());
  public final Bool inConsole = output("in_console", Bool());
  public final Bool inArgs = output("in_args", Bool());
  public final Bool inGlobal = output("in_global", Bool());
  public final Bool misaligned = output("misaligned", Bool());
  /** Outside the map, a store to instruction memory or the argument block, or a console load. */
  public final Bool accessFault = output("access_fault", Bool());
  public final UInt offset = output("offset", UInt(2));
  /** The store value on the lanes that {@link #storeMask} enables (the other lanes hold copies of it). */
  public final UInt storeLanes = output("store_lanes", UInt(32));
  public final Bits storeMask = output("store_mask", Bits(4));

  public LoadStoreUnit(PeConfig config) {
    Bool imem = within(PeMemoryMap.IMEM_BASE, 4L * config.imemWords());
    Bool spm = within(PeMemoryMap.SCRATCHPAD_BASE, 4L * config.spmWords());
    Bool console = addr.bits(31, 2).eq(PeMemoryMap.CONSOLE >> 2);
    Bool args = within(PeMemoryMap.KERNEL_ARGS_BASE, 4L * PeMemoryMap.KERNEL_ARGS_WORDS);
    long globalBase = Integer.toUnsignedLong(PeMemoryMap.GLOBAL_BASE);
    Bool global = within(globalBase, (1L << 32) - globalBase);
    inImem.assign(imem);
    inSpm.assign(spm);
    inConsole.assign(console);
    inArgs.assign(args);
    inGlobal.assign(global);
    // The console is write-only: loads from it fault, as in the reference model.
    Bool readable = imem.or(spm).or(args).or(global);
    Bool writable = spm.or(console).or(global);
    accessFault.assign(store.mux(writable.not(), readable.not()));
    Bool half = size.eq(1);
    Bool word = size.eq(2);
    misaligned.assign(half.and(addr.bit(0)).or(word.and(addr.bits(1, 0).ne(0))));
    UInt off = addr.bits(1, 0);
    offset.assign(off);
    // Aligned accesses only reach memory (misaligned ones fault), so the value repeated over
    // the word puts it on the right lanes wherever it goes: a byte in all four, a half-word in
    // both halves; the strobes pick the lanes that count.
    UInt byte0 = storeValue.bits(7, 0);
    UInt half0 = storeValue.bits(15, 0);
    storeLanes.assign(word.mux(storeValue, half.mux(half0.cat(half0), byte0.cat(byte0, byte0, byte0))));
    UInt bytes = word.mux(lit(0xF, UInt(4)), half.mux(lit(0x3, UInt(4)), lit(0x1, UInt(4))));
    storeMask.assign(bytes.shl(off).asBits());
  }

  private Bool within(long base, long bytes) {
    // A power-of-two region on a multiple of its size is a compare of the address's upper bits.
    if (Long.bitCount(bytes) == 1 && base % bytes == 0 && bytes < (1L << 32)) {
      int low = Long.numberOfTrailingZeros(bytes);
      return addr.bits(31, low).eq(base >>> low);
    }
    Bool above = base == 0 ? lit(1, Bool()) : addr.ge(lit(base, UInt(32)));
    long end = base + bytes;
    Bool below = end >= (1L << 32) ? lit(1, Bool()) : addr.lt(lit(end, UInt(32)));
    return above.and(below);
  }
}
