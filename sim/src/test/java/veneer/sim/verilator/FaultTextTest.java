package veneer.sim.verilator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class FaultTextTest {
  @Test
  void assertionKeepsTheDisplayedMessageAndNamesTheVerilogLine() {
    FaultText f = FaultText.parse("assertion failed: x must hold (Top.java:3)\n"
        + "[0] %Error: Top.v:9: Assertion failed in TOP.Top\n$stop at src/Top.v:9");
    assertEquals("assertion failed: x must hold (Top.java:3) [Verilog $fatal at Top.v:9 in TOP.Top]", f.message());
    assertFalse(f.isFinish());
  }

  @Test
  void theEmittersAssertionLineReadsLikeTheJvmBackEnd() {
    assertEquals("assertion failed: no overflow (Child.java:12, instance core.alu) [Verilog $fatal at Child.v:40 in "
        + "TOP.Top.core.alu]", FaultText.parse("Assertion failed in TOP.Top.core.alu: no overflow (Child.java:12)\n"
        + "[30] %Error: Child.v:40: Assertion failed in TOP.Top.core.alu\n$stop at src/Child.v:40").message());
    assertEquals("assertion failed: top level (Top.java:5) [$stop at src/Top.v:9]",
        FaultText.parse("Assertion failed in TOP.Top: top level (Top.java:5)\n$stop at src/Top.v:9").message());
  }

  @Test
  void finishAndBareStopSayWhereTheyHappened() {
    FaultText fin = FaultText.parse("bye\n$finish at src/Top.v:4");
    assertTrue(fin.isFinish());
    assertEquals("Verilog $finish at src/Top.v:4: bye", fin.message());
    assertEquals("assertion failed: $stop at src/Top.v:5", FaultText.parse("$stop at src/Top.v:5").message());
  }
}
