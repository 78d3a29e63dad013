package veneer.sim.verilator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import veneer.sim.AssertionFailedException;
import veneer.sim.SimulationTimeoutException;
import veneer.sim.Simulator;

/** $fatal in the model becomes an exception; the JVM and the other models live on. */
class VerilatorFaultTest {

  @Test
  void assertionBecomesAnExceptionNamingTheCycleAndTheMessage() {
    try (Simulator bystander = TestModels.open(); Simulator sim = TestModels.open()) {
      bystander.poke("enable", 1);
      sim.poke("boom", 1);
      sim.reset(3);
      assertEquals(3, sim.cycle(), "no assertion while reset is high");
      sim.poke("boom", 0);
      sim.step(2);
      sim.poke("enable", 1);
      sim.poke("boom", 0);
      sim.step(4);
      sim.poke("boom", 1);
      AssertionFailedException e = assertThrows(AssertionFailedException.class, () -> sim.step(100));
      assertEquals(9, e.cycle());
      assertTrue(e.getMessage().startsWith("cycle 9: assertion failed: "), e.getMessage());
      String javaLine = sim.design().top().assertions().get(0).loc().toString();
      assertTrue(e.getMessage().contains("boom must stay low (" + javaLine + ") [Verilog $fatal at "
          + "BackendTestTop.v:"), e.getMessage());
      assertEquals(9, sim.cycle());
      IllegalStateException dead = assertThrows(IllegalStateException.class, () -> sim.peek("count"));
      assertTrue(dead.getMessage().contains("dead after a fault at cycle 9"), dead.getMessage());

      bystander.step(7);
      assertEquals(7, bystander.peek("count"), "another model of the same library is unharmed");
    }
    try (Simulator fresh = TestModels.open()) {
      fresh.poke("enable", 1);
      fresh.step(12);
      assertEquals(12, fresh.peek("count"), "a model opened after the fault works");
    }
  }

  @Test
  void runUntilGivesUpAfterItsBudget() {
    try (Simulator sim = TestModels.open()) {
      sim.poke("enable", 1);
      assertEquals(20, sim.runUntil(() -> sim.peek("count") == 20, 1000));
      SimulationTimeoutException e = assertThrows(SimulationTimeoutException.class,
          () -> sim.runUntil(() -> sim.peek("count") == 300, 50));
      assertEquals(70, e.cycle());
      assertTrue(e.getMessage().contains("within 50 cycles"), e.getMessage());
    }
  }
}
