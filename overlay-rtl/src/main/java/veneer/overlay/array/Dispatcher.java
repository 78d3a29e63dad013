package veneer.overlay.array;

import java.util.ArrayList;
import java.util.List;
import veneer.hdl.Bits;
import veneer.hdl.Bool;
import veneer.hdl.Mem;
import veneer.hdl.Module;
import veneer.hdl.UInt;
import veneer.overlay.memory.RoundRobinArbiter;

/**
 * Hands out the work-items of a launch to the PEs' threads that ask for one (a read of CSR
 * {@code WORK_NEXT}). A walker numbers the work-items in order, one per cycle, keeping the local
 * and group ids alongside as counters (no divider), and puts them into a small queue per PE.
 * It fills one PE's queue until it is full before it moves on (round robin) to a PE whose queue
 * is at most half full, so each PE gets runs of consecutive ids: its threads then touch
 * neighbouring words, which its coalescer merges into one line. A request is answered in the
 * same cycle from the PE's own queue, so every PE can be served in every cycle; once every
 * work-item is handed out (walker done, queue empty) requests are answered with ids -1.
 *
 * <p>{@code local_size} 0 means one work-group of the whole launch.
 *
 * <pre>{@code
 * Dispatcher d = instance("dispatch", new Dispatcher(pes, 16));
 * d.start.assign(go); d.globalSize.assign(n); d.localSize.assign(64); d.request.assign(wiReqs);
 * // PE i: d.grant.bit(i), d.globalId(i), d.localId(i), d.groupId(i)
 * }</pre>
 */
public final class Dispatcher extends Module {
  public final Bool start = input("start", Bool());
  public final UInt globalSize = input("global_size", UInt(32));
  public final UInt localSize = input("local_size", UInt(32));
  /** Bit i: PE i asks for a work-item this cycle. */
  public final UInt request;
  /** Bit i: PE i's request is answered this cycle (with its ids below). */
  public final UInt grant;
  /** Work-items handed to threads since start. */
  public final UInt dispatched = output("dispatched", UInt(32));
  private final List<UInt> globalIds = new ArrayList<>();
  private final List<UInt> localIds = new ArrayList<>();
  private final List<UInt> groupIds = new ArrayList<>();

  /** @param depth work-items queued per PE (a power of two, 2 to 64) */
  public Dispatcher(int pes, int depth) {
    if (depth < 2 || depth > 64 || Integer.bitCount(depth) != 1) {
      throw new IllegalArgumentException("a dispatcher queue holds 2, 4, ... 64 work-items, found " + depth);
    }
    request = input("request", UInt(pes));
    grant = output("grant", UInt(pes));
    int db = Integer.numberOfTrailingZeros(depth);
    UInt next = reg("next_global", UInt(32), 0);
    UInt nextLocal = reg("next_local", UInt(32), 0);
    UInt nextGroup = reg("next_group", UInt(32), 0);
    Bool walked = next.ge(globalSize).named("walked");

    List<UInt> counts = new ArrayList<>();
    List<UInt> heads = new ArrayList<>();
    List<UInt> tails = new ArrayList<>();
    List<Mem<Bits>> queues = new ArrayList<>();
    UInt halfEmpty = lit(0, UInt(pes));
    for (int p = 0; p < pes; p++) {
      counts.add(reg("count_" + p, UInt(db + 1), 0));
      heads.add(reg("head_" + p, UInt(db), 0));
      tails.add(reg("tail_" + p, UInt(db), 0));
      queues.add(mem("queue_" + p, Bits(96), depth));
      halfEmpty = counts.get(p).le(depth / 2).mux(halfEmpty.or(1L << p), halfEmpty);
    }

    // Walker: keep filling the current PE while it has room, else start on a half-empty one.
    Bool filling = reg("filling", Bool(), 0);
    UInt fillPe = reg("fill_pe", UInt(RoundRobinArbiter.indexBits(pes)), 0);
    Bool room = lit(0, Bool());
    for (int p = 0; p < pes; p++) {
      room = fillPe.eq(p).mux(counts.get(p).lt(depth), room);
    }
    Bool keepOn = filling.and(room);
    RoundRobinArbiter arb = instance("arb", new RoundRobinArbiter(pes));
    arb.request.assign(halfEmpty);
    UInt target = keepOn.mux(fillPe, arb.index);
    Bool push = walked.not().and(keepOn.or(arb.any)).and(start.not()).named("push");
    arb.advance.assign(push.and(keepOn.not()));
    when(start, () -> filling.assign(0)).otherwise(() -> {
      filling.assign(push);
      fillPe.assign(target);
    });
    Bool wrap = nextLocal.add(1).eq(localSize);
    when(start, () -> {
      next.assign(0);
      nextLocal.assign(0);
      nextGroup.assign(0);
    }).elsewhen(push, () -> {
      next.assign(next.add(1));
      nextLocal.assign(wrap.mux(lit(0, UInt(32)), nextLocal.add(1)));
      nextGroup.assign(wrap.mux(nextGroup.add(1), nextGroup));
    });

    UInt none = lit(0xFFFF_FFFFL, UInt(32));
    UInt grants = lit(0, UInt(pes));
    UInt given = lit(0, UInt(32));
    for (int p = 0; p < pes; p++) {
      UInt count = counts.get(p);
      UInt head = heads.get(p);
      UInt tail = tails.get(p);
      Mem<Bits> q = queues.get(p);
      Bool has = count.ne(0);
      Bool asks = request.bit(p);
      Bool pop = asks.and(has);
      Bool answer = pop.or(asks.and(walked));
      grants = answer.mux(grants.or(1L << p), grants);
      given = given.add(pop.asUInt());
      UInt item = q.read(head).asUInt();
      globalIds.add(output("global_id_" + p, UInt(32)));
      localIds.add(output("local_id_" + p, UInt(32)));
      groupIds.add(output("group_id_" + p, UInt(32)));
      globalIds.get(p).assign(has.mux(item.bits(95, 64), none));
      localIds.get(p).assign(has.mux(item.bits(63, 32), none));
      groupIds.get(p).assign(has.mux(item.bits(31, 0), none));
      Bool pushHere = push.and(target.eq(p));
      when(pushHere, () -> q.write(tail, next.cat(nextLocal, nextGroup).asBits()));
      when(start, () -> {
        count.assign(0);
        head.assign(0);
        tail.assign(0);
      }).otherwise(() -> {
        count.assign(count.add(pushHere.asUInt()).sub(pop.asUInt()));
        when(pop, () -> head.assign(head.add(1)));
        when(pushHere, () -> tail.assign(tail.add(1)));
      });
    }
    grant.assign(grants);
    UInt handed = reg("handed", UInt(32), 0);
    UInt g = given;
    when(start, () -> handed.assign(0)).otherwise(() -> handed.assign(handed.add(g)));
    dispatched.assign(handed);
  }

  /** The global id answered to PE {@code pe} (-1 when everything is handed out). */
  public UInt globalId(int pe) {
    return globalIds.get(pe);
  }

  public UInt localId(int pe) {
    return localIds.get(pe);
  }

  public UInt groupId(int pe) {
    return groupIds.get(pe);
  }
}
