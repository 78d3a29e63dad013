package veneer.hdl.bus;

import veneer.hdl.Bits;
import veneer.hdl.Bool;
import veneer.hdl.Mem;
import veneer.hdl.Module;
import veneer.hdl.UInt;

/**
 * A first-in first-out queue of {@code depth} stream beats, stored in a memory. A beat written
 * in one cycle can be read in the next; {@code in.ready} is low only while the queue is full.
 *
 * <pre>{@code
 * StreamFifo q = instance("q", new StreamFifo(32, 16));
 * Bundle.connect(producer, q.in);
 * Bundle.connect(q.out, consumer);
 * }</pre>
 */
public final class StreamFifo extends Module {
  /** Beats enter here. */
  public final Stream in;
  /** Beats leave here, oldest first. */
  public final Stream out;
  /** Beats held, 0 to depth. */
  public final UInt count;

  public StreamFifo(int width, int depth) {
    super("StreamFifo_" + BusParams.positive("StreamFifo width", width) + "x"
        + BusParams.positive("StreamFifo depth", depth));
    in = slave("in", () -> new Stream(width));
    out = master("out", () -> new Stream(width));
    int ptrWidth = log2Up(depth);
    int countWidth = log2Up(depth + 1L);
    count = output("count", UInt(countWidth));

    Mem<Bits> ram = mem("ram", Bits(width), depth);
    UInt head = reg("head", UInt(ptrWidth), 0);
    UInt tail = reg("tail", UInt(ptrWidth), 0);
    UInt used = reg("used", UInt(countWidth), 0);

    in.ready.assign(used.ne(depth));
    out.valid.assign(used.ne(0));
    out.data.assign(ram.read(head));

    Bool push = in.fire();
    Bool pop = out.fire();
    when(push, () -> {
      ram.write(tail, in.data);
      tail.assign(wrapIncrement(tail, depth));
    });
    when(pop, () -> head.assign(wrapIncrement(head, depth)));
    when(push.and(pop.not()), () -> used.assign(used.add(1)))
        .elsewhen(pop.and(push.not()), () -> used.assign(used.sub(1)));
    count.assign(used);
  }

  /** {@code p + 1}, back to 0 after {@code depth - 1} (depth need not be a power of two). */
  private static UInt wrapIncrement(UInt p, int depth) {
    return p.eq(depth - 1).not().mux(p.add(1), 0);
  }
}
