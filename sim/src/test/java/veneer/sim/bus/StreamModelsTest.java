package veneer.sim.bus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StreamModelsTest {
  private static final long SEED = Long.getLong("veneer.random.seed", 99L);

  @Test
  void driverAndMonitorMoveEveryBeatInOrderUnderRandomBackPressure() {
    CheckedSimulator sim = CheckedSimulator.wrap(new LoopbackSimulator(new BusPorts.StreamPorts16()));
    StreamPorts in = StreamPorts.stream("in");
    StreamProtocolChecker checker = sim.attach(new StreamProtocolChecker(sim, in));
    StreamDriver driver = sim.attach(new StreamDriver(sim, in, SEED, 0.6));
    StreamMonitor monitor = sim.attach(new StreamMonitor(sim, in, SEED + 1, 0.4));
    List<BigInteger> sent = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      driver.send(i * 7919 % 65536);
      sent.add(BigInteger.valueOf(i * 7919 % 65536));
    }
    long cycles = sim.runUntil(driver::idle, 10_000);
    sim.step(2);
    assertEquals(sent, monitor.data(), "seed " + SEED);
    assertEquals(300, checker.transfers());
    // With 0.6 x 0.4 odds, 300 beats need far more than 300 cycles: the gaps really happen.
    assertTrue(cycles > 500, "only " + cycles + " cycles for 300 beats, seed " + SEED);
  }

  @Test
  void aBeatOfTheWrongShapeIsRefused() {
    CheckedSimulator sim = CheckedSimulator.wrap(new LoopbackSimulator(new BusPorts.StreamPorts16()));
    StreamDriver driver = new StreamDriver(sim, StreamPorts.stream("in"), 1, 1.0);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> driver.send(BigInteger.ONE, BigInteger.TWO));
    assertEquals("a beat of stream 'in' has 1 fields [in_data], found 2 values [1, 2]", e.getMessage());
  }

  @Test
  void missingPortsAreNamed() {
    CheckedSimulator sim = CheckedSimulator.wrap(new LoopbackSimulator(new BusPorts.StreamPorts16()));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new StreamMonitor(sim, StreamPorts.stream("out"), 1, 1.0));
    assertTrue(e.getMessage().startsWith("the design StreamPorts16 has no port 'out_valid' (expected a stream"
        + " channel out); its ports are clk, reset, in_valid, in_ready, in_data"), e.getMessage());
  }

  @Test
  void checkerCatchesValidDroppedBeforeReady() {
    CheckedSimulator sim = CheckedSimulator.wrap(new LoopbackSimulator(new BusPorts.StreamPorts16()));
    sim.attach(new StreamProtocolChecker(sim, StreamPorts.stream("in")));
    sim.poke("in_valid", 1);
    sim.poke("in_data", 5);
    sim.step(3);
    sim.poke("in_valid", 0);
    ProtocolViolation v = assertThrows(ProtocolViolation.class, sim::step);
    assertEquals("VALID stays high until READY", v.rule());
    assertEquals(3, v.cycle());
    assertEquals("cycle 3: stream rule 'VALID stays high until READY' violated: in_valid fell at cycle 3"
        + " although in_ready was low at the previous edge, so the transfer never happened", v.getMessage());
  }

  @Test
  void checkerCatchesPayloadChangingWhileWaiting() {
    CheckedSimulator sim = CheckedSimulator.wrap(new LoopbackSimulator(new BusPorts.StreamPorts16()));
    sim.attach(new StreamProtocolChecker(sim, StreamPorts.stream("in")));
    sim.poke("in_valid", 1);
    sim.poke("in_data", 5);
    sim.step(1);
    sim.poke("in_data", 6);
    ProtocolViolation v = assertThrows(ProtocolViolation.class, sim::step);
    assertEquals("payload stable while VALID and not READY", v.rule());
    assertTrue(v.getMessage().contains("in_data changed from 0x5 to 0x6 at cycle 1"), v.getMessage());
  }

  @Test
  void checkerAcceptsALegalHandshakeAndIgnoresReset() {
    CheckedSimulator sim = CheckedSimulator.wrap(new LoopbackSimulator(new BusPorts.StreamPorts16()));
    StreamProtocolChecker c = sim.attach(new StreamProtocolChecker(sim, StreamPorts.stream("in")));
    sim.poke("in_valid", 1);
    sim.step(2);
    sim.poke("in_ready", 1);
    sim.step(1);
    sim.poke("in_valid", 0);
    sim.poke("in_ready", 0);
    sim.step(1);
    sim.poke("reset", 1);
    sim.poke("in_valid", 1);
    sim.step(1);
    sim.poke("in_valid", 0);
    sim.step(1);
    assertEquals(1, c.transfers());
  }
}
