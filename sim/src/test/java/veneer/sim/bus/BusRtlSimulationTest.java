package veneer.sim.bus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import veneer.hdl.Bundle;
import veneer.hdl.Elaborator;
import veneer.hdl.Module;
import veneer.hdl.bus.AxiLiteRegisterFile;
import veneer.hdl.bus.RegisterDecl;
import veneer.hdl.bus.Stream;
import veneer.hdl.bus.StreamFifo;
import veneer.hdl.bus.StreamRegSlice;
import veneer.sim.Backend;
import veneer.sim.Simulators;

/** The RTL bus blocks, simulated on each back end under the Java models and checkers. */
class BusRtlSimulationTest {
  private static final long SEED = Long.getLong("veneer.random.seed", 5L);

  static final class Pipe extends Module {
    Pipe() {
      super("FifoSlicePipe");
      Stream in = slave("in", () -> new Stream(24));
      Stream out = master("out", () -> new Stream(24));
      StreamFifo fifo = instance("fifo", new StreamFifo(24, 5));
      StreamRegSlice slice = instance("slice", new StreamRegSlice(24));
      Bundle.connect(in, fifo.in);
      Bundle.connect(fifo.out, slice.in);
      Bundle.connect(slice.out, out);
    }
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void fifoAndSliceKeepEveryBeatInOrder(Backend backend) {
    try (CheckedSimulator sim = CheckedSimulator.wrap(Simulators.open(Elaborator.elaborate(new Pipe()), backend))) {
      sim.attach(new StreamProtocolChecker(sim, StreamPorts.stream("in")));
      sim.attach(new StreamProtocolChecker(sim, StreamPorts.stream("out")));
      StreamDriver driver = sim.attach(new StreamDriver(sim, StreamPorts.stream("in"), SEED, 0.7));
      StreamMonitor monitor = sim.attach(new StreamMonitor(sim, StreamPorts.stream("out"), SEED + 1, 0.5));
      sim.reset(2);
      List<BigInteger> sent = new ArrayList<>();
      for (int i = 0; i < 500; i++) {
        driver.send(i * 40503L & 0xFFFFFF);
        sent.add(BigInteger.valueOf(i * 40503L & 0xFFFFFF));
      }
      sim.runUntil(() -> monitor.received().size() == sent.size(), 20_000);
      assertEquals(sent, monitor.data(), "seed " + SEED);
    }
  }

  static AxiLiteRegisterFile regs() {
    return new AxiLiteRegisterFile("TestRegs", 8, 32, List.of(
        RegisterDecl.readWrite("ctrl", 0x0, 32, 0x5),
        RegisterDecl.readWrite("mode", 0x4, 3, 0),
        RegisterDecl.readOnly("status", 0x8, 8),
        RegisterDecl.pulse("start", 0xC, 2)));
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void registerFileAnswersReadsWritesAndErrors(Backend backend) {
    try (CheckedSimulator sim = CheckedSimulator.wrap(Simulators.open(Elaborator.elaborate(regs()), backend))) {
      sim.attach(new AxiLiteProtocolChecker(sim, "s"));
      AxiLiteMaster bus = new AxiLiteMaster(sim, "s");
      sim.poke("status", 0x5A);
      sim.reset(2);
      assertEquals(0x5, bus.read(0x0));
      bus.write(0x0, 0xDEADBEEFL);
      assertEquals(0xDEADBEEFL, sim.peek("ctrl"));
      assertEquals(0, bus.tryWrite(0x0, 0x1100, 0b0010).resp());  // byte lane 1 carries bits 15:8
      assertEquals(0xDEAD11EFL, bus.read(0x0));
      bus.write(0x4, 0xFF);
      assertEquals(0x7, bus.read(0x4));
      assertEquals(0x5A, bus.read(0x8));
      assertEquals(2, bus.tryWrite(0x8, 1, 0xF).resp());
      assertEquals(2, bus.tryRead(0x10).resp());
      assertThrows(AxiResponseException.class, () -> bus.write(0x20, 1));
      bus.write(0xC, 0x2);
      assertEquals(0, sim.peek("start"));
      assertEquals(0, bus.read(0xC));
    }
  }
}
