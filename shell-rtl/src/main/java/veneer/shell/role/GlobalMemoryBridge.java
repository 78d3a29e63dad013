package veneer.shell.role;

import java.util.ArrayList;
import java.util.List;
import veneer.hdl.Bool;
import veneer.hdl.Mem;
import veneer.hdl.Module;
import veneer.hdl.UInt;
import veneer.hdl.bus.Axi4;
import veneer.isa.pe.PeMemoryMap;

/**
 * The PE array's global-memory port ({@code s}) onto a Role DRAM port ({@code m}).
 *
 * <p><b>Addresses.</b> A PE sees global memory at {@code 0x8000_0000} ({@link PeMemoryMap#GLOBAL_BASE})
 * and only sends addresses from there to its AXI port, so the bridge drops bit 31: PE address
 * {@code 0x8000_0000 + d} is DRAM address {@code d} of the Shell (up to 2 GiB; past the Shell's
 * DRAM the interconnect answers DECERR and the PE takes an access fault).
 *
 * <p><b>IDs.</b> When the array's ID ({PE, coalescer slot}) is no wider than the Role's, it is
 * zero-extended. When it is wider, each request gets a Role ID whose transactions in flight are
 * all in the request's 4 KiB page (by {@link #PAGE_TAG_BITS} bits of page number), else one with
 * nothing in flight, and the original is kept in a small queue per Role ID and direction,
 * restored on R (popped at RLAST) and B. AXI returns the responses of one ID in order, so the
 * head of that queue is always the right original ID. A request finding no such Role ID waits
 * (its VALID is held back until a response frees one).
 *
 * <p>Why by page: the Shell's interconnect sends a Role ID only to the DRAM channel it already
 * waits on (same-ID responses must stay in order), and channels interleave at 4 KiB or coarser,
 * so Role IDs that stay within a page never wait for another channel. Two pages with the same
 * tag bits may share a Role ID; then the interconnect makes one wait, which is only slower.
 * This relies on the array having at most one transaction in flight per original ID and
 * direction (each coalescer slot holds its ID until answered): two transactions of one original
 * ID under different Role IDs could be answered out of order.
 *
 * <p>Data, strobes, burst fields and responses pass unchanged; the data widths must match.
 *
 * <pre>{@code
 * GlobalMemoryBridge bridge = instance("bridge", new GlobalMemoryBridge(array.mem.params, p.dram(), 4));
 * Bundle.connect(array.mem, bridge.s);
 * Bundle.connect(bridge.m, role.dram(0));
 * }</pre>
 */
public final class GlobalMemoryBridge extends Module {
  /** The PE address of DRAM address 0. */
  public static final long PE_GLOBAL_BASE = Integer.toUnsignedLong(PeMemoryMap.GLOBAL_BASE);
  /** Address bits the bridge keeps: below the global-memory base bit. */
  public static final int KEPT_ADDRESS_BITS = 31;
  /** The lowest bit of the 4 KiB page number: no DRAM channel interleaving is finer than a page. */
  static final int PAGE_BIT = 12;
  /** Bits of page number a Role ID remembers for its transactions in flight. */
  public static final int PAGE_TAG_BITS = 8;

  /** From the array. */
  public final Axi4 s;
  /** To the Role's DRAM port. */
  public final Axi4 m;
  private final int narrow;
  private final int wide;

  /**
   * @param array the array's port ({@code PeArray.mem.params}): 32-bit addresses
   * @param dram the Role's DRAM port: the same data width, at least 31 address bits
   * @param depth original IDs queued per Role ID and direction when the array's IDs are wider (a power of
   *     two, 2 to 64)
   */
  public GlobalMemoryBridge(Axi4.Params array, Axi4.Params dram, int depth) {
    super("GlobalMemoryBridge");
    if (array.dataWidth() != dram.dataWidth()) {
      throw new IllegalArgumentException("the array's memory port has " + array.dataWidth() + " data bits and the"
          + " Role's DRAM port " + dram.dataWidth() + "; the bridge does not convert widths");
    }
    if (array.addrWidth() != 32) {
      throw new IllegalArgumentException("the array's memory port carries 32-bit PE addresses, found "
          + array.addrWidth() + " bits");
    }
    if (dram.addrWidth() < KEPT_ADDRESS_BITS) {
      throw new IllegalArgumentException("the Role's DRAM port needs at least " + KEPT_ADDRESS_BITS + " address"
          + " bits for the PE's 2 GiB global window, found " + dram.addrWidth());
    }
    if (array.userWidth() != 0 || dram.userWidth() != 0) {
      throw new IllegalArgumentException("the bridge carries no AXI user signals; found user widths "
          + array.userWidth() + " (array) and " + dram.userWidth() + " (Role)");
    }
    if (depth < 2 || depth > 64 || Integer.bitCount(depth) != 1) {
      throw new IllegalArgumentException("the ID queue depth is a power of two from 2 to 64, found " + depth);
    }
    s = slave("s", () -> new Axi4(array));
    m = master("m", () -> new Axi4(dram));
    wide = array.idWidth();
    narrow = dram.idWidth();

    for (Axi4.Addr[] ch : List.of(new Axi4.Addr[] {s.aw, m.aw}, new Axi4.Addr[] {s.ar, m.ar})) {
      Axi4.Addr from = ch[0];
      Axi4.Addr to = ch[1];
      to.addr.assign(from.addr.bits(KEPT_ADDRESS_BITS - 1, 0).resize(dram.addrWidth()));
      to.len.assign(from.len);
      to.size.assign(from.size);
      to.burst.assign(from.burst);
      to.lock.assign(from.lock);
      to.cache.assign(from.cache);
      to.prot.assign(from.prot);
      to.qos.assign(from.qos);
    }
    m.w.valid.assign(s.w.valid);
    m.w.data.assign(s.w.data);
    m.w.strb.assign(s.w.strb);
    m.w.last.assign(s.w.last);
    s.w.ready.assign(m.w.ready);

    s.b.valid.assign(m.b.valid);
    s.b.resp.assign(m.b.resp);
    m.b.ready.assign(s.b.ready);
    s.r.valid.assign(m.r.valid);
    s.r.data.assign(m.r.data);
    s.r.resp.assign(m.r.resp);
    s.r.last.assign(m.r.last);
    m.r.ready.assign(s.r.ready);

    if (wide <= narrow) {
      for (Axi4.Addr[] ch : List.of(new Axi4.Addr[] {s.aw, m.aw}, new Axi4.Addr[] {s.ar, m.ar})) {
        ch[1].valid.assign(ch[0].valid);
        ch[0].ready.assign(ch[1].ready);
        ch[1].id.assign(ch[0].id.resize(narrow));
      }
      s.b.id.assign(m.b.id.resize(wide));
      s.r.id.assign(m.r.id.resize(wide));
    } else {
      s.b.id.assign(remapped("write", s.aw, m.aw, m.b.fire(), m.b.id, depth));
      s.r.id.assign(remapped("read", s.ar, m.ar, m.r.fire().and(m.r.last), m.r.id, depth));
    }
  }

  /**
   * Gives the requests {@code from} -> {@code to} a Role ID (a key) whose transactions in flight
   * are all in the request's 4 KiB page (compared by {@link #PAGE_TAG_BITS} bits of the page
   * number), or one with none in flight, queueing each original ID under its key; returns the
   * original ID of the response {@code respId} (popped when {@code done}). The key is held while
   * VALID waits for READY, so the request never changes under VALID.
   */
  private UInt remapped(String name, Axi4.Addr from, Axi4.Addr to, Bool done, UInt respId, int depth) {
    int ptrBits = Integer.numberOfTrailingZeros(depth);
    int keys = 1 << narrow;
    Mem<UInt> ids = mem(name + "_ids", UInt(wide), keys * depth);
    UInt page = from.addr.bits(PAGE_BIT + PAGE_TAG_BITS - 1, PAGE_BIT).named(name + "_page");
    List<UInt> head = new ArrayList<>();
    List<UInt> tail = new ArrayList<>();
    List<UInt> count = new ArrayList<>();
    List<UInt> tag = new ArrayList<>();
    for (int k = 0; k < keys; k++) {
      head.add(reg(name + "_head" + k, UInt(ptrBits), 0));
      tail.add(reg(name + "_tail" + k, UInt(ptrBits), 0));
      count.add(reg(name + "_count" + k, UInt(ptrBits + 1), 0));
      tag.add(reg(name + "_tag" + k, UInt(PAGE_TAG_BITS), 0));
    }
    // First key already in this page with room, else the first idle key.
    Bool foundSame = lit(0, Bool());
    Bool foundIdle = lit(0, Bool());
    UInt same = lit(0, UInt(narrow));
    UInt idle = lit(0, UInt(narrow));
    for (int k = keys - 1; k >= 0; k--) {
      Bool busy = count.get(k).ne(0);
      Bool inPage = busy.and(count.get(k).ne(depth)).and(tag.get(k).eq(page));
      same = inPage.mux(lit(k, UInt(narrow)), same);
      idle = busy.not().mux(lit(k, UInt(narrow)), idle);
      foundSame = foundSame.or(inPage);
      foundIdle = foundIdle.or(busy.not());
    }
    Bool held = reg(name + "_held", Bool(), 0);
    UInt heldKey = reg(name + "_held_key", UInt(narrow), 0);
    Bool found = held.or(foundSame).or(foundIdle).named(name + "_key_found");
    UInt key = held.mux(heldKey, foundSame.mux(same, idle)).named(name + "_key");
    to.valid.assign(from.valid.and(found));
    from.ready.assign(to.ready.and(found));
    to.id.assign(key);
    Bool push = from.valid.and(to.ready).and(found);
    held.assign(from.valid.and(found).and(to.ready.not()));
    heldKey.assign(key);
    UInt keyTail = pick(key, tail);
    when(push, () -> ids.write(key.cat(keyTail), from.id));
    for (int k = 0; k < keys; k++) {
      UInt h = head.get(k);
      UInt t = tail.get(k);
      UInt n = count.get(k);
      UInt pg = tag.get(k);
      Bool in = push.and(key.eq(k));
      Bool out = done.and(respId.eq(k));
      when(in, () -> {
        t.assign(t.add(1).resize(ptrBits));
        pg.assign(page);
      });
      when(out, () -> h.assign(h.add(1).resize(ptrBits)));
      when(in.and(out.not()), () -> n.assign(n.add(1).resize(ptrBits + 1)))
          .elsewhen(out.and(in.not()), () -> n.assign(n.sub(1).resize(ptrBits + 1)));
    }
    return ids.read(respId.cat(pick(respId, head)));
  }

  private static UInt pick(UInt index, List<UInt> values) {
    UInt out = values.get(0);
    for (int i = 1; i < values.size(); i++) {
      out = index.eq(i).mux(values.get(i), out);
    }
    return out;
  }
}
