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
  void finishAndBareStopSayWhereTheyHappened() {
    FaultText fin = FaultText.parse("bye\n$finish at src/Top.v:4");
    assertTrue(fin.isFinish());
    assertEquals("Verilog $finish at src/Top.v:4: bye", fin.message());
    assertEquals("assertion failed: $stop at src/Top.v:5", FaultText.parse("$stop at src/Top.v:5").message());
  }
}
