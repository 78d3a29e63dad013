package veneer.hdl.bus;

import veneer.hdl.Bits;
import veneer.hdl.Bool;
import veneer.hdl.Module;

/**
 * A register slice for a stream: every output of the slice comes from a register (both
 * {@code out.valid}/{@code out.data} and {@code in.ready}), so it cuts long combinational paths
 * in both directions and still moves one beat per cycle. A second "skid" register holds the beat
 * that arrives in the cycle the consumer stalls.
 *
 * <pre>{@code
 * StreamRegSlice slice = instance("slice", new StreamRegSlice(64));
 * Bundle.connect(upstream, slice.in);
 * Bundle.connect(slice.out, downstream);
 * }</pre>
 */
public final class StreamRegSlice extends Module {
  public final Stream in;
  public final Stream out;

  public StreamRegSlice(int width) {
    super("StreamRegSlice_" + BusParams.positive("StreamRegSlice width", width));
    in = slave("in", () -> new Stream(width));
    out = master("out", () -> new Stream(width));

    Bool outValid = reg("out_valid_q", Bool(), 0);
    Bits outData = reg("out_data_q", Bits(width));
    Bool skidValid = reg("skid_valid_q", Bool(), 0);
    Bits skidData = reg("skid_data_q", Bits(width));

    in.ready.assign(skidValid.not());
    out.valid.assign(outValid);
    out.data.assign(outData);

    Bool accept = in.valid.and(skidValid.not());
    Bool outputFree = outValid.not().or(out.ready);
    when(outputFree, () -> {
      when(skidValid, () -> {
        outData.assign(skidData);
        outValid.assign(1);
        skidValid.assign(0);
      }).otherwise(() -> {
        outValid.assign(accept);
        when(accept, () -> outData.assign(in.data));
      });
    }).otherwise(() -> when(accept, () -> {
      skidValid.assign(1);
      skidData.assign(in.data);
    }));
  }
}
