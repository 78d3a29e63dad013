package veneer.hdl.bus;

import java.util.List;
import veneer.hdl.Bundle;
import veneer.hdl.Module;

/** Small modules that use every bundle in both orientations, shared by the bus tests. */
final class BusFixtures {
  private BusFixtures() {}

  /** Passes a stream through a FIFO and a register slice. */
  static final class StreamPipe extends Module {
    StreamPipe(int width, int depth) {
      super("StreamPipe");
      Stream in = slave("in", () -> new Stream(width));
      Stream out = master("out", () -> new Stream(width));
      StreamFifo fifo = instance("fifo", new StreamFifo(width, depth));
      StreamRegSlice slice = instance("slice", new StreamRegSlice(width));
      Bundle.connect(in, fifo.in);
      Bundle.connect(fifo.out, slice.in);
      Bundle.connect(slice.out, out);
    }
  }

  /** Forwards an AXI4-Stream unchanged. */
  static final class AxiStreamWire extends Module {
    AxiStreamWire() {
      super("AxiStreamWire");
      AxiStream s = slave("s", () -> new AxiStream(4, 2, 3, 4));
      AxiStream m = master("m", () -> new AxiStream(4, 2, 3, 4));
      Bundle.connect(s, m);
    }
  }

  /** Forwards an AXI4 interface through a wire bundle. */
  static final class Axi4Wire extends Module {
    Axi4Wire(Axi4.Params p) {
      super("Axi4Wire");
      Axi4 s = slave("s", () -> new Axi4(p));
      Axi4 mid = wire("mid", () -> new Axi4(p));
      Axi4 m = master("m", () -> new Axi4(p));
      Bundle.connect(s, mid);
      Bundle.connect(mid, m);
    }
  }

  /** A register file with one register of each access kind. */
  static AxiLiteRegisterFile registerFile() {
    return new AxiLiteRegisterFile("DemoRegs", 8, 32, List.of(
        RegisterDecl.readWrite("ctrl", 0x0, 32, 0x5),
        RegisterDecl.readWrite("mode", 0x4, 3, 0),
        RegisterDecl.readOnly("status", 0x8, 8),
        RegisterDecl.pulse("start", 0xC, 2)));
  }

  /** Uses the register file as a child and ties its read-only input. */
  static final class RegsTop extends Module {
    RegsTop() {
      super("RegsTop");
      AxiLite bar = slave("bar", () -> new AxiLite(8, 32));
      AxiLiteRegisterFile regs = instance("regs", registerFile());
      Bundle.connect(bar, regs.s);
      regs.port("status").assign(regs.port("mode").resize(8));
      veneer.hdl.UInt ctrl = output("ctrl", UInt(32));
      ctrl.assign(regs.port("ctrl"));
      veneer.hdl.UInt start = output("start", UInt(2));
      start.assign(regs.port("start"));
    }
  }
}
