package veneer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ConsoleProgressTest {

  @Test
  void anUnsizedTaskShowsItsPhaseAndElapsedTime() {
    assertEquals("Verilator build of Pe: compiling C++ 12.3 s",
        ConsoleProgress.line("Verilator build of Pe", "compiling C++", Double.NaN, 12_345));
  }

  @Test
  void aSizedTaskShowsABarAndItsShare() {
    assertEquals("simulation: cycles [######..................] 25% 2.0 s",
        ConsoleProgress.line("simulation", "cycles", 0.25, 2_000));
    assertEquals("simulation [########################] 100% 0.0 s",
        ConsoleProgress.line("simulation", "", 1.0, 0));
  }
}
