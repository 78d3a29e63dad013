package veneer.hdl.bus;

import veneer.hdl.Bits;
import veneer.hdl.Bundle;

/**
 * A ready/valid stream: a beat of {@code data} moves in every cycle where {@code valid} and
 * {@code ready} are both high. The producer keeps {@code valid} high and {@code data} stable
 * until the beat moves; {@code valid} never waits for {@code ready}.
 *
 * <pre>{@code
 * Stream in = slave("in", () -> new Stream(32));    // ports in_valid, in_ready, in_data
 * Stream out = master("out", () -> new Stream(32)); // ports out_valid, out_ready, out_data
 * Bundle.connect(in, out);
 * }</pre>
 */
public final class Stream extends Handshake {
  public final Bits data;

  /** A stream of {@code dataWidth}-bit beats. */
  public Stream(int dataWidth) {
    data = out("data", Bits(BusParams.positive("Stream data width", dataWidth)));
  }
}
