package veneer.sim.bus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import veneer.sim.Simulator;

class AxiLiteModelsTest {

  /** A word-addressed AXI4-Lite register bank in Java, answering after random delays. */
  static final class Responder implements CycleHook {
    final Map<Long, Long> words = new HashMap<>();
    private final SplittableRandom rng = new SplittableRandom(3);
    private Long awAddr;
    private Long wData;
    private Long wStrb;
    private boolean bValid;
    private boolean rValid;
    private long rData;
    private int rResp;
    private boolean awReady;
    private boolean wReady;
    private boolean arReady;

    @Override
    public void beforeEdge(Simulator sim) {
      if (awReady && sim.peek("s_aw_valid") != 0) {
        awAddr = sim.peek("s_aw_addr");
      }
      if (wReady && sim.peek("s_w_valid") != 0) {
        wData = sim.peek("s_w_data");
        wStrb = sim.peek("s_w_strb");
      }
      if (bValid && sim.peek("s_b_ready") != 0) {
        bValid = false;
      }
      if (rValid && sim.peek("s_r_ready") != 0) {
        rValid = false;
      }
      if (arReady && sim.peek("s_ar_valid") != 0) {
        long a = sim.peek("s_ar_addr");
        rValid = true;
        rResp = a >= 0x100 ? 2 : 0;
        rData = words.getOrDefault(a, 0L);
      }
      if (awAddr != null && wData != null && !bValid) {
        long old = words.getOrDefault(awAddr, 0L);
        long mask = 0;
        for (int i = 0; i < 4; i++) {
          mask |= (wStrb >> i & 1) * (0xFFL << (8 * i));
        }
        words.put(awAddr, old & ~mask | wData & mask);
        awAddr = null;
        wData = null;
        bValid = true;
      }
    }

    @Override
    public void afterEdge(Simulator sim) {
      awReady = awAddr == null && rng.nextBoolean();
      wReady = wData == null && rng.nextBoolean();
      arReady = !rValid && rng.nextBoolean();
      sim.poke("s_aw_ready", awReady ? 1 : 0);
      sim.poke("s_w_ready", wReady ? 1 : 0);
      sim.poke("s_ar_ready", arReady ? 1 : 0);
      sim.poke("s_b_valid", bValid ? 1 : 0);
      sim.poke("s_r_valid", rValid ? 1 : 0);
      sim.poke("s_r_data", rData);
      sim.poke("s_r_resp", rResp);
    }
  }

  @Test
  void masterWritesAndReadsThroughHandshakesUnderTheChecker() {
    CheckedSimulator sim = CheckedSimulator.wrap(new LoopbackSimulator(new BusPorts.AxiLitePorts()));
    AxiLiteProtocolChecker checker = sim.attach(new AxiLiteProtocolChecker(sim, "s"));
    Responder regs = sim.attach(new Responder());
    AxiLiteMaster bus = new AxiLiteMaster(sim, "s");
    bus.write(0x10, 0xCAFEF00DL);
    bus.write(0x14, 0x12345678L);
    assertEquals(0, bus.tryWrite(0x10, 0xAB, 0b0001).resp());
    assertEquals(0xCAFEF0ABL, bus.read(0x10));
    assertEquals(0x12345678L, bus.read(0x14));
    AxiResponseException e = assertThrows(AxiResponseException.class, () -> bus.read(0x100));
    assertEquals(2, e.resp());
    assertTrue(e.getMessage().endsWith("read of 0x100 answered SLVERR"), e.getMessage());
    assertEquals(3, checker.writes());
    assertEquals(3, checker.reads());
    assertEquals(0xCAFEF0ABL, regs.words.get(0x10L));
  }

  @Test
  void masterTimesOutWithoutAResponse() {
    CheckedSimulator sim = CheckedSimulator.wrap(new LoopbackSimulator(new BusPorts.AxiLitePorts()));
    AxiLiteMaster bus = new AxiLiteMaster(sim, "s").timeout(20);
    veneer.sim.SimulationTimeoutException e = assertThrows(veneer.sim.SimulationTimeoutException.class,
        () -> bus.read(0x4));
    assertTrue(e.getMessage().contains("AXI4-Lite read of 0x4 on 's' got no response within 20 cycles"), e.getMessage());
  }

  @Test
  void checkerCatchesAWriteResponseWithoutAWrite() {
    CheckedSimulator sim = CheckedSimulator.wrap(new LoopbackSimulator(new BusPorts.AxiLitePorts()));
    sim.attach(new AxiLiteProtocolChecker(sim, "s"));
    sim.step(4);
    sim.poke("s_b_valid", 1);
    ProtocolViolation v = assertThrows(ProtocolViolation.class, sim::step);
    assertEquals("write response after address and data", v.rule());
    assertEquals("cycle 4: AXI4-Lite rule 'write response after address and data' violated: s_b_valid is high"
        + " at cycle 4 but only 0 write addresses and 0 write data beats have been transferred for 0 responses"
        + " so far", v.getMessage());
  }

  @Test
  void checkerCatchesReadDataWithoutAnAddress() {
    CheckedSimulator sim = CheckedSimulator.wrap(new LoopbackSimulator(new BusPorts.AxiLitePorts()));
    sim.attach(new AxiLiteProtocolChecker(sim, "s"));
    sim.poke("s_r_valid", 1);
    ProtocolViolation v = assertThrows(ProtocolViolation.class, sim::step);
    assertEquals("read data after read address", v.rule());
  }
}
