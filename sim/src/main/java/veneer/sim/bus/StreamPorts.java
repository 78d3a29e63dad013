package veneer.sim.bus;

import java.util.ArrayList;
import java.util.List;
import veneer.sim.Simulator;

/**
 * The port names of one ready/valid stream on a design's top: valid, ready and the payload
 * fields, in order. A beat is one value per payload field.
 *
 * <pre>{@code
 * StreamPorts in = StreamPorts.stream("in");             // in_valid, in_ready, [in_data]
 * StreamPorts s = StreamPorts.axiStream(sim, "s");       // s_tvalid, s_tready, [s_tdata, s_tkeep, s_tlast, ...]
 * }</pre>
 */
public record StreamPorts(String name, String valid, String ready, List<String> payload) {
  public StreamPorts {
    payload = List.copyOf(payload);
  }

  /** A {@link veneer.hdl.bus.Stream} bundle named {@code bundle}. */
  public static StreamPorts stream(String bundle) {
    return new StreamPorts(bundle, bundle + "_valid", bundle + "_ready", List.of(bundle + "_data"));
  }

  /** A {@link veneer.hdl.bus.AxiStream} bundle: the payload is whichever t-fields the design has. */
  public static StreamPorts axiStream(Simulator sim, String bundle) {
    List<String> fields = new ArrayList<>();
    for (String f : List.of("tdata", "tkeep", "tlast", "tuser", "tid", "tdest")) {
      if (Ports.has(sim, bundle + "_" + f)) {
        fields.add(bundle + "_" + f);
      }
    }
    return new StreamPorts(bundle, bundle + "_tvalid", bundle + "_tready", fields);
  }

  ChannelWatch watch(Simulator sim, String protocol) {
    return new ChannelWatch(sim, protocol, name, valid, ready, payload);
  }
}
