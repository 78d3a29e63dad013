package veneer.shell.mgmt;

import veneer.hdl.Bool;
import veneer.hdl.Bits;
import veneer.hdl.Module;
import veneer.hdl.bus.AxiLite;
import veneer.hdl.bus.Stream;

/**
 * The configuration-port data window: an AXI4-Lite subordinate that turns every write with at
 * least one strobe bit into a 32-bit beat on {@code data}, answering the write only once the beat
 * has been taken (so software can never overrun the controller's FIFO). Reads return 0, OKAY.
 *
 * <pre>{@code
 * ConfigDataSink sink = instance("cfg_data", new ConfigDataSink(12));
 * Bundle.connect(sink.data, prController.data);
 * }</pre>
 */
public final class ConfigDataSink extends Module {
  public final AxiLite s;
  public final Stream data;

  public ConfigDataSink(int addrWidth) {
    s = slave("s", () -> new AxiLite(addrWidth, 32));
    data = master("data", () -> new Stream(32));
    Bool awFull = reg("aw_full", Bool(), 0);
    Bool wFull = reg("w_full", Bool(), 0);
    Bits word = reg("word", Bits(32));
    Bool any = reg("any", Bool(), 0);
    Bool bValid = reg("b_valid", Bool(), 0);
    s.aw.ready.assign(awFull.not());
    s.w.ready.assign(wFull.not());
    when(s.aw.fire(), () -> awFull.assign(1));
    when(s.w.fire(), () -> {
      wFull.assign(1);
      word.assign(s.w.data);
      any.assign(s.w.strb.orR());
    });
    Bool both = awFull.and(wFull).and(bValid.not());
    data.valid.assign(both.and(any));
    data.data.assign(word);
    when(both.and(any.not().or(data.ready)), () -> {
      awFull.assign(0);
      wFull.assign(0);
      bValid.assign(1);
    });
    s.b.valid.assign(bValid);
    s.b.resp.assign(lit(0, Bits(2)));
    when(s.b.fire(), () -> bValid.assign(0));

    Bool rValid = reg("r_valid", Bool(), 0);
    s.ar.ready.assign(rValid.not());
    s.r.valid.assign(rValid);
    s.r.data.assign(lit(0, Bits(32)));
    s.r.resp.assign(lit(0, Bits(2)));
    when(s.ar.fire(), () -> rValid.assign(1));
    when(s.r.fire(), () -> rValid.assign(0));
  }
}
