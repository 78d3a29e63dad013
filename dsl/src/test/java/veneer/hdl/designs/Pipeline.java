package veneer.hdl.designs;

import veneer.hdl.Bits;
import veneer.hdl.Bool;
import veneer.hdl.Bundle;
import veneer.hdl.Module;
import veneer.hdl.UInt;

/** A ready/valid stream and a two-stage pipeline of it that adds one to each word per stage. */
public final class Pipeline {
  private Pipeline() {}

  /** A ready/valid stream of {@code width}-bit words. */
  public static final class Stream extends Bundle {
    public final Bool valid = out("valid", Bool());
    public final Bool ready = in("ready", Bool());
    public final Bits data;

    public Stream(int width) {
      data = out("data", Bits(width));
    }
  }

  /** One register slice: holds a word until the consumer takes it, and adds one to it. */
  public static final class Stage extends Module {
    public final Stream in = slave("in", () -> new Stream(16));
    public final Stream out = master("out", () -> new Stream(16));

    public Stage() {
      Bool full = reg("full", Bool(), 0);
      Bits word = reg("word", Bits(16));
      Bool accept = out.ready.or(full.not()).named("accept");
      in.ready.assign(accept);
      when(accept, () -> {
        full.assign(in.valid);
        word.assign(in.data.asUInt().add(1).asBits());
      });
      out.valid.assign(full);
      out.data.assign(word);
    }
  }

  /** Two stages in a row. */
  public static final class Top extends Module {
    public Top() {
      super("PipelineTop");
      Stream in = slave("in", () -> new Stream(16));
      Stream out = master("out", () -> new Stream(16));
      Stage first = instance("first", new Stage());
      Stage second = instance("second", new Stage());
      Bundle.connect(in, first.in);
      Bundle.connect(first.out, second.in);
      Bundle.connect(second.out, out);
      UInt unusedHigh = in.data.bits(15, 8).named("high_byte");
      output("high_is_zero", Bool()).assign(unusedHigh.bits(3, 0).eq(0));
    }
  }
}
