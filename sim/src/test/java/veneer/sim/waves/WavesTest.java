package veneer.sim.waves;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import veneer.hdl.Bool;
import veneer.hdl.Module;
import veneer.hdl.UInt;
import veneer.sim.Backend;
import veneer.sim.Simulator;
import veneer.sim.Simulators;

/** The JVM back end's VCD, parsed back: scopes, widths, clock, and values at each half period. */
class WavesTest {

  /** A counter inside a child instance, and a 100-bit output to check wide values. */
  static final class Inner extends Module {
    final Bool enable = input("enable", Bool());
    final UInt count = output("count", UInt(8));

    Inner() {
      UInt value = reg("value", UInt(8), 0);
      when(enable, () -> value.assign(value.add(1)));
      count.assign(value);
    }
  }

  static final class Outer extends Module {
    Outer() {
      Bool enable = input("enable", Bool());
      UInt count = output("count", UInt(8));
      UInt wide = output("wide", UInt(100));
      Inner inner = instance("inner", new Inner());
      inner.enable.assign(enable);
      count.assign(inner.count);
      wide.assign(inner.count.extend(100).shl(90).or(inner.count.extend(100)));
    }
  }

  @Test
  void vcdHasHierarchyAndTheValueOfEveryHalfPeriod(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("outer.vcd");
    try (Simulator sim = Simulators.open(new Outer(), Backend.JVM)) {
      sim.dumpWaves(file);
      sim.reset(1);
      sim.poke("enable", 1);
      sim.step(3);
      sim.poke("enable", 0);
      sim.step(2);
    }
    String text = Files.readString(file);
    assertTrue(text.contains("$timescale 1ns $end"), text);
    assertTrue(text.contains("$scope module inner $end"), text);
    VcdReader vcd = VcdReader.read(file);
    assertEquals(8, vcd.signals().get("Outer.inner.value"));
    assertEquals(100, vcd.signals().get("Outer.wide"));
    // edge k is at time 10k; cycle 1 (after the reset edge) starts counting
    long[] expectedCount = {0, 0, 1, 2, 3, 3};
    for (int k = 0; k < expectedCount.length; k++) {
      assertEquals(BigInteger.valueOf(expectedCount[k]), vcd.valueAt("Outer.inner.value", 10L * k), "at edge " + k);
      assertEquals(BigInteger.valueOf(expectedCount[k]), vcd.valueAt("Outer.count", 10L * k + 5));
    }
    BigInteger three = BigInteger.valueOf(3);
    assertEquals(three.shiftLeft(90).or(three), vcd.valueAt("Outer.wide", 40));
    assertEquals(BigInteger.ONE, vcd.valueAt("Outer.clk", 30));
    assertEquals(BigInteger.ZERO, vcd.valueAt("Outer.clk", 35));
    assertEquals(BigInteger.ONE, vcd.valueAt("Outer.reset", 5), "reset poked before the first edge");
    assertEquals(BigInteger.ZERO, vcd.valueAt("Outer.reset", 15));
    assertEquals(BigInteger.ZERO, vcd.valueAt("Outer.enable", 45), "enable dropped before edge 4");
    assertEquals(BigInteger.ONE, vcd.valueAt("Outer.inner.enable", 35));
  }

  @Test
  void identifierCodesAreUniqueAndPrintable() {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 20000; i++) {
      String c = VcdWriter.code(i);
      assertTrue(c.chars().allMatch(ch -> ch >= 33 && ch <= 126), c);
      assertTrue(seen.add(c), "duplicate code " + c + " at " + i);
    }
  }
}
