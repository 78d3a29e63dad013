package veneer.overlay.array;

import veneer.hdl.Bool;
import veneer.hdl.Module;
import veneer.hdl.UInt;
import veneer.overlay.memory.RoundRobinArbiter;

/**
 * Hands out the work-items of a launch, one per cycle, to the PEs' threads that ask for one
 * (a read of CSR {@code WORK_NEXT}). Global ids go up from 0 in grant order; the local and
 * group ids are kept alongside as counters, so no divider is needed. Once all {@code
 * global_size} items are given out, every request is granted at once with all ids -1.
 *
 * <p>The PE that got the last work-item keeps priority while it keeps asking, so one PE's
 * threads, which reach the CSR in consecutive cycles, get consecutive ids and their loads and
 * stores fall into the same lines (which the coalescer merges). It cannot starve the others:
 * each of its threads asks once per work-item. Otherwise the PEs are served round robin.
 *
 * <p>{@code local_size} 0 means one work-group of the whole launch.
 *
 * <pre>{@code
 * Dispatcher d = instance("dispatch", new Dispatcher(pes));
 * d.start.assign(go); d.globalSize.assign(n); d.localSize.assign(64); d.request.assign(wiReqs);
 * }</pre>
 */
public final class Dispatcher extends Module {
  public final Bool start = input("start", Bool());
  public final UInt globalSize = input("global_size", UInt(32));
  public final UInt localSize = input("local_size", UInt(32));
  /** Bit i: PE i asks for a work-item this cycle. */
  public final UInt request;
  /** Bit i: PE i's request is answered this cycle with the ids below. */
  public final UInt grant;
  public final UInt globalId = output("global_id", UInt(32));
  public final UInt localId = output("local_id", UInt(32));
  public final UInt groupId = output("group_id", UInt(32));
  /** Work-items handed out since start. */
  public final UInt dispatched = output("dispatched", UInt(32));

  public Dispatcher(int pes) {
    request = input("request", UInt(pes));
    grant = output("grant", UInt(pes));
    UInt next = reg("next_global", UInt(32), 0);
    UInt local = reg("next_local", UInt(32), 0);
    UInt group = reg("next_group", UInt(32), 0);
    Bool exhausted = next.ge(globalSize).named("exhausted");
    RoundRobinArbiter arb = instance("arb", new RoundRobinArbiter(pes));
    arb.request.assign(request);
    arb.advance.assign(exhausted.not());
    UInt lastWinner = reg("last_winner", UInt(pes), 0);
    Bool again = request.and(lastWinner).orR();
    UInt winner = again.mux(lastWinner, arb.grant);
    when(request.orR().and(exhausted.not()), () -> lastWinner.assign(winner));
    grant.assign(exhausted.mux(request, winner));
    UInt none = lit(0xFFFF_FFFFL, UInt(32));
    globalId.assign(exhausted.mux(none, next));
    localId.assign(exhausted.mux(none, local));
    groupId.assign(exhausted.mux(none, group));
    dispatched.assign(next);
    Bool give = arb.any.and(exhausted.not());
    Bool wrap = local.add(1).eq(localSize);
    when(start, () -> {
      next.assign(0);
      local.assign(0);
      group.assign(0);
    }).elsewhen(give, () -> {
      next.assign(next.add(1));
      local.assign(wrap.mux(lit(0, UInt(32)), local.add(1)));
      group.assign(wrap.mux(group.add(1), group));
    });
  }
}
