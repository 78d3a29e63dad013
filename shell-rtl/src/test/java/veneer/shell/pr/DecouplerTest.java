package veneer.shell.pr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import veneer.hdl.bus.Axi4;
import veneer.hdl.ir.Port;
import veneer.shell.role.RoleParams;
import veneer.sim.Backend;
import veneer.sim.Simulator;
import veneer.sim.Simulators;
import veneer.sim.bus.Axi4ProtocolChecker;
import veneer.sim.bus.Axi4SlaveMemory;
import veneer.sim.bus.AxiLiteMaster;
import veneer.sim.bus.AxiLiteProtocolChecker;
import veneer.sim.bus.CheckedSimulator;
import veneer.sim.bus.CycleHook;

/**
 * The decoupler on its own: its Role side is driven from the test (a legal Role, then random
 * values every cycle), its Shell side has DRAM, a control-port manager and the protocol checkers.
 */
class DecouplerTest {
  private static final String R = "role_dram0_";
  private static final String S = "shell_dram0_";

  /** Shell-side outputs, one line per cycle, and the safety rules checked at every edge. */
  static final class ShellWatch implements CycleHook {
    final List<String> trace = new ArrayList<>();
    final List<Port> outputs = new ArrayList<>();
    long isolatedCycles;

    ShellWatch(Simulator sim) {
      for (Port p : sim.design().top().ports()) {
        if (!p.isInput() && p.name().startsWith("shell_")) {
          outputs.add(p);
        }
      }
    }

    @Override
    public void beforeEdge(Simulator sim) {
      StringBuilder line = new StringBuilder();
      for (Port p : outputs) {
        line.append(p.name()).append('=').append(sim.peekWide(p.name()).toString(16)).append(' ');
      }
      trace.add(line.toString());
      if (sim.peek("cut") == 0) {
        return;
      }
      long c = sim.cycle();
      assertEquals(0, sim.peek("shell_irq"), "cycle " + c + ": an interrupt crossed while cut");
      for (String f : List.of("aw_ready", "w_ready", "ar_ready", "b_valid", "r_valid")) {
        assertEquals(0, sim.peek(R + f), "cycle " + c + ": the Role saw " + R + f + " while cut");
      }
      for (String f : List.of("aw_valid", "w_valid", "ar_valid", "b_ready", "r_ready")) {
        assertEquals(0, sim.peek("role_ctrl_" + f), "cycle " + c + ": the Role saw role_ctrl_" + f + " while cut");
      }
      if (sim.peek("isolated") == 1) {
        isolatedCycles++;
        for (Port p : outputs) {
          if (p.name().startsWith(S)) {
            assertEquals(BigInteger.ZERO, sim.peekWide(p.name()), "cycle " + c + ": " + p.name() + " while isolated");
          }
        }
        assertEquals(0, sim.peek("shell_ctrl_r_data"), "cycle " + c + ": control read data while isolated");
      }
    }
  }

  private static void pokeBurst(Simulator sim, String ch, long id, long addr, int len) {
    sim.poke(R + ch + "_id", id);
    sim.poke(R + ch + "_addr", addr);
    sim.poke(R + ch + "_len", len);
    sim.poke(R + ch + "_size", 6);
    sim.poke(R + ch + "_burst", Axi4.BURST_INCR);
    sim.poke(R + ch + "_valid", 1);
  }

  /** Steps until {@code port} is high before an edge (so the handshake happens at that edge). */
  private static void stepUntilHigh(Simulator sim, String port, int max) {
    sim.runUntil(() -> sim.peek(port) == 1, max);
    sim.step();
  }

  private static BigInteger beatData(int beat) {
    return BigInteger.valueOf(0x1111_0000L + beat).shiftLeft(480).or(BigInteger.valueOf(beat + 1));
  }

  /**
   * Couples, starts a control read the Role never answers, a write burst the Role gives only 3 of
   * 8 beats and a read burst whose data the Role does not take, then decouples and drives the
   * Role's outputs with random values. Returns the Shell-side trace from the decouple request on.
   */
  private List<String> decoupleMidTraffic(long noiseSeed) {
    try (CheckedSimulator sim = CheckedSimulator.wrap(Simulators.open(new Decoupler(RoleParams.defaults(), 8),
        Backend.JVM))) {
      Axi4ProtocolChecker axi = sim.attach(new Axi4ProtocolChecker(sim, "shell_dram0"));
      sim.attach(new AxiLiteProtocolChecker(sim, "shell_ctrl"));
      Axi4SlaveMemory dram = sim.attach(new Axi4SlaveMemory(sim, "shell_dram0",
          Axi4SlaveMemory.Config.defaults().withLatency(5).withSeed(3)));
      AxiLiteMaster bar = new AxiLiteMaster(sim, "shell_ctrl");
      RoleNoise noise = new RoleNoise(sim, "role_", noiseSeed);
      noise.quiet(sim);
      sim.poke("decouple", 1);
      sim.reset(2);
      assertEquals(1, sim.peek("isolated"), "out of reset the partition is decoupled");
      sim.poke("decouple", 0);
      sim.runUntil(() -> sim.peek("cut") == 0, 10);

      // A control read the Role accepts and never answers.
      sim.poke("role_ctrl_ar_ready", 1);
      sim.poke("shell_ctrl_ar_addr", 0x14);
      sim.poke("shell_ctrl_ar_valid", 1);
      stepUntilHigh(sim, "shell_ctrl_ar_ready", 10);
      sim.poke("shell_ctrl_ar_valid", 0);
      sim.poke("role_ctrl_ar_ready", 0);
      // An 8-beat write of which the Role sends 3 beats, and a 4-beat read whose data it leaves.
      pokeBurst(sim, "aw", 2, 0x1000, 7);
      stepUntilHigh(sim, R + "aw_ready", 20);
      sim.poke(R + "aw_valid", 0);
      sim.poke(R + "w_strb", BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE));
      for (int beat = 0; beat < 3; beat++) {
        sim.poke(R + "w_data", beatData(beat));
        sim.poke(R + "w_valid", 1);
        stepUntilHigh(sim, R + "w_ready", 20);
      }
      sim.poke(R + "w_valid", 0);
      pokeBurst(sim, "ar", 1, 0x2000, 3);
      stepUntilHigh(sim, R + "ar_ready", 20);
      sim.poke(R + "ar_valid", 0);

      ShellWatch watch = sim.attach(new ShellWatch(sim));
      sim.poke("decouple", 1);
      sim.step();
      assertEquals(1, sim.peek("cut"));
      sim.attach(noise);
      sim.poke("shell_ctrl_r_ready", 1);
      sim.runUntil(() -> sim.peek("shell_ctrl_r_valid") == 1, 20);
      assertEquals(Axi4.RESP_SLVERR, sim.peek("shell_ctrl_r_resp"), "the unanswered read is answered SLVERR");
      assertEquals(0, sim.peek("shell_ctrl_r_data"));
      sim.step();
      sim.poke("shell_ctrl_r_ready", 0);
      sim.runUntil(() -> sim.peek("isolated") == 1, 200);
      sim.step(300);
      assertEquals(1, sim.peek("isolated"));
      assertTrue(watch.isolatedCycles >= 300);
      assertEquals(1, axi.completedWrites(), "the write burst was completed on the Shell side");
      assertEquals(1, axi.completedReads(), "the read burst was drained on the Shell side");
      for (int beat = 0; beat < 8; beat++) {
        long word = dram.memory().readLong(0x1000 + 64L * beat, 8);
        assertEquals(beat < 3 ? beat + 1 : 0, word, "beat " + beat + ": the Role's beats land, the filler writes nothing");
      }
      AxiLiteMaster.Response read = bar.tryRead(0x14);
      assertEquals(Axi4.RESP_SLVERR, read.resp());
      assertEquals(0, read.data());
      assertEquals(Axi4.RESP_SLVERR, bar.tryWrite(0x20, 5, 0xF).resp());
      List<String> trace = List.copyOf(watch.trace);

      // Couple again behind a quiet Role: traffic flows.
      sim.detach(noise);
      noise.quiet(sim);
      sim.poke("decouple", 0);
      sim.runUntil(() -> sim.peek("cut") == 0, 10);
      pokeBurst(sim, "aw", 0, 0x3000, 0);
      stepUntilHigh(sim, R + "aw_ready", 20);
      sim.poke(R + "aw_valid", 0);
      sim.poke(R + "w_data", 0xABCDL);
      sim.poke(R + "w_strb", 0x3);
      sim.poke(R + "w_valid", 1);
      stepUntilHigh(sim, R + "w_ready", 20);
      sim.poke(R + "w_valid", 0);
      sim.poke(R + "b_ready", 1);
      sim.runUntil(() -> sim.peek(R + "b_valid") == 1, 50);
      assertEquals(0, sim.peek(R + "b_resp"));
      assertEquals(0xABCDL, dram.memory().readLong(0x3000, 8));
      return trace;
    }
  }

  @Test
  void nothingCrossesWhileDecoupledAndBurstsStayWhole() {
    List<String> first = decoupleMidTraffic(101);
    List<String> second = decoupleMidTraffic(202);
    assertEquals(first.size(), second.size());
    for (int i = 0; i < first.size(); i++) {
      assertEquals(first.get(i), second.get(i), "Shell side differs " + i + " cycles after the decouple request"
          + " when only the Role's random outputs differ (seeds 101, 202)");
    }
  }
}
