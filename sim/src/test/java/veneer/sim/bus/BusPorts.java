package veneer.sim.bus;

import veneer.hdl.Module;
import veneer.hdl.bus.Axi4;
import veneer.hdl.bus.AxiLite;
import veneer.hdl.bus.Stream;

/** Modules that only carry a bus's ports, for the loopback tests. */
final class BusPorts {
  private BusPorts() {}

  static final class StreamPorts16 extends Module {
    StreamPorts16() {
      super("StreamPorts16");
      Stream s = slave("in", () -> new Stream(16));
      s.ready.assign(0);
      reg("tick", Bool(), 0).assign(lit(1, Bool()));
    }
  }

  static final class AxiLitePorts extends Module {
    AxiLitePorts() {
      super("AxiLitePorts");
      AxiLite s = slave("s", () -> new AxiLite(12, 32));
      s.aw.ready.assign(0);
      s.w.ready.assign(0);
      s.b.valid.assign(0);
      s.b.resp.assign(0);
      s.ar.ready.assign(0);
      s.r.valid.assign(0);
      s.r.data.assign(0);
      s.r.resp.assign(0);
      reg("tick", Bool(), 0).assign(lit(1, Bool()));
    }
  }

  static final class Axi4Ports extends Module {
    Axi4Ports() {
      super("Axi4Ports");
      Axi4 m = slave("m", () -> new Axi4(new Axi4.Params(4, 32, 64, 0)));
      m.aw.ready.assign(0);
      m.w.ready.assign(0);
      m.b.valid.assign(0);
      m.b.id.assign(0);
      m.b.resp.assign(0);
      m.ar.ready.assign(0);
      m.r.valid.assign(0);
      m.r.id.assign(0);
      m.r.data.assign(0);
      m.r.resp.assign(0);
      m.r.last.assign(0);
      reg("tick", Bool(), 0).assign(lit(1, Bool()));
    }
  }
}
