package veneer.sim.verilator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import veneer.sim.SimOptions;
import veneer.sim.Simulator;

/** The model cache (built once per content, atomically) and wave dumps. */
class VerilatorCacheAndWavesTest {

  @Test
  void aSecondOpenOfAnUnchangedDesignBuildsNothing() throws IOException {
    TestModels.open().close();
    Path lib = ModelBuildTimer.last().orElseThrow().library();
    FileTime before = Files.getLastModifiedTime(lib);
    long builds = ModelBuildTimer.stats().builds();
    long hits = ModelBuildTimer.stats().cacheHits();
    try (Simulator sim = TestModels.open()) {
      ModelBuildTimer.Record r = ModelBuildTimer.last().orElseThrow();
      assertFalse(r.built());
      assertEquals(lib, r.library());
      assertEquals(((VerilatorSimulator) sim).build(), r);
    }
    assertEquals(builds, ModelBuildTimer.stats().builds());
    assertEquals(hits + 1, ModelBuildTimer.stats().cacheHits());
    assertEquals(before, Files.getLastModifiedTime(lib));
  }

  /** Two threads open the same new model at once: one builds, the other waits and reuses it. */
  @Test
  void concurrentOpensBuildOnceAndWavesAreWritten(@TempDir Path tmp) throws Exception {
    SimOptions waves = TestModels.options().withCacheDir(tmp.resolve("cache")).withWaves(true);
    long builds = ModelBuildTimer.stats().builds();
    ExecutorService pool = Executors.newFixedThreadPool(2);
    List<Simulator> sims = new ArrayList<>();
    try {
      List<Future<Simulator>> opening = new ArrayList<>();
      for (int i = 0; i < 2; i++) {
        opening.add(pool.submit(() -> TestModels.open(waves)));
      }
      for (Future<Simulator> f : opening) {
        sims.add(f.get());
      }
    } finally {
      pool.shutdown();
    }
    assertEquals(builds + 1, ModelBuildTimer.stats().builds());
    try (Stream<Path> entries = Files.list(tmp.resolve("cache").resolve("verilator"))) {
      assertTrue(entries.noneMatch(p -> p.getFileName().toString().startsWith(".tmp-")), "no half-built entries left");
    }

    Path vcd = tmp.resolve("waves").resolve("counter.vcd");
    Simulator sim = sims.get(0);
    sim.dumpWaves(vcd);
    sim.reset(1);
    sim.poke("enable", 1);
    sim.step(20);
    sims.forEach(Simulator::close);
    String text = Files.readString(vcd);
    assertTrue(text.contains("$enddefinitions"), "a VCD header");
    assertTrue(text.contains(" count ") && text.contains(" value "), "ports and internal registers are dumped");
    assertTrue(text.contains("#210"), "the 21st edge is at time 210");
    assertTrue(text.contains("b00010100 "), "count reaches 20 (0b00010100)");
  }

  @Test
  void dumpWavesWithoutAWavesModelSaysHowToGetOne(@TempDir Path tmp) {
    try (Simulator sim = TestModels.open()) {
      IllegalStateException e = assertThrows(IllegalStateException.class, () -> sim.dumpWaves(tmp.resolve("x.vcd")));
      assertTrue(e.getMessage().contains("withWaves(true)"), e.getMessage());
    }
  }
}
