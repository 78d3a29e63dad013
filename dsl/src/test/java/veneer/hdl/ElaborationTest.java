package veneer.hdl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import veneer.hdl.ir.Design;
import veneer.hdl.ir.IrPrinter;

class ElaborationTest {
  @Test
  void counterPrintsAsStableText() {
    Design d = Elaborator.elaborate(new Counter(8));
    assertEquals("""
        module Counter8  // Counter.java:9
          domain clk clock=clk reset=reset
          input clk : clock
          input reset : reset
          input enable : 1
          output count : 8 = %1
          %0 enable : 1 = input enable  // Counter.java:5
          %1 count : 8 = %2  // Counter.java:10
          %2 value : 8 = reg next=%5 reset=8'h0 domain=0  // Counter.java:11
          %3 : 8 = const 8'h1  // Counter.java:12
          %4 : 8 = add %2 %3  // Counter.java:12
          %5 : 8 = mux %0 %4 %2  // Counter.java:12
          %6 clk : 1 = input clk  // Counter.java:9
          %7 reset : 1 = input reset  // Counter.java:9
        """, IrPrinter.print(d.top()));
  }
}
