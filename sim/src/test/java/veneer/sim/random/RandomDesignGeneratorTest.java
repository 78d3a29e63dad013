package veneer.sim.random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import veneer.hdl.Elaborator;
import veneer.hdl.HdlException;
import veneer.hdl.ir.Design;
import veneer.hdl.ir.Driver;
import veneer.hdl.ir.Instance;
import veneer.hdl.ir.Memory;
import veneer.hdl.ir.ModuleIr;
import veneer.hdl.ir.Net;
import veneer.hdl.ir.Op;

class RandomDesignGeneratorTest {
  private static final long SEED = Long.getLong("veneer.random.seed", 20240607L);
  private static final int DESIGNS = 200;

  private static Design elaborate(RandomDesignGenerator gen, int index) {
    try {
      return Elaborator.elaborate(gen.design(index));
    } catch (HdlException | IllegalArgumentException e) {
      throw new AssertionError("random design failed to elaborate: seed " + gen.seed() + ", design "
          + index + ": " + e.getMessage(), e);
    }
  }

  @Test
  void everyDesignElaboratesAndPassesTheChecks() {
    RandomDesignGenerator gen = new RandomDesignGenerator(SEED, RandomDesignOptions.defaults());
    for (int i = 0; i < DESIGNS; i++) {
      Design d = elaborate(gen, i);
      for (ModuleIr m : d.modules()) {
        assertFalse(m.isBlackBox(), "seed " + SEED + " design " + i + " has a black box");
        for (Net n : m.nets()) {
          assertTrue(n.width() >= 1 && n.width() <= 130 * 3,
              "seed " + SEED + " design " + i + ": net width " + n.width());
        }
      }
    }
  }

  @Test
  void theSameSeedGivesTheSameDesign() {
    RandomDesignGenerator a = new RandomDesignGenerator(SEED, RandomDesignOptions.defaults());
    RandomDesignGenerator b = new RandomDesignGenerator(SEED, RandomDesignOptions.defaults());
    for (int i = 0; i < 10; i++) {
      assertEquals(DesignText.of(elaborate(a, i)), DesignText.of(elaborate(b, i)), "seed " + SEED + " design " + i);
    }
    assertNotEquals(DesignText.of(elaborate(a, 0)), DesignText.of(elaborate(a, 1)));
    RandomDesignGenerator c = new RandomDesignGenerator(SEED + 1, RandomDesignOptions.defaults());
    assertNotEquals(DesignText.of(elaborate(a, 0)), DesignText.of(elaborate(c, 0)));
  }

  @Test
  void designsCoverEveryOperatorWidthAndConstruct() {
    RandomDesignGenerator gen = new RandomDesignGenerator(SEED, RandomDesignOptions.defaults());
    Set<Op> ops = EnumSet.noneOf(Op.class);
    Set<Integer> widths = new HashSet<>();
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 60; i++) {
      Design d = elaborate(gen, i);
      Map<String, Integer> variantsPerBase = new HashMap<>();
      for (ModuleIr m : d.modules()) {
        variantsPerBase.merge(m.name(), 1, Integer::sum);
        for (Net n : m.nets()) {
          widths.add(n.width());
          Driver drv = n.driver();
          if (drv instanceof Driver.Operation op) {
            ops.add(op.op());
          } else if (drv instanceof Driver.Register r) {
            seen.add(r.reset() == null ? "register without reset" : "register with reset");
          }
        }
        for (Memory mem : m.memories()) {
          for (Memory.ReadPort r : mem.readPorts()) {
            seen.add(r.sync() ? (r.enable() >= 0 ? "sync read with enable" : "sync read") : "async read");
          }
          for (Memory.WritePort w : mem.writePorts()) {
            seen.add(w.mask() >= 0 ? "masked write" : "whole-word write");
          }
          if (mem.init() != null) {
            seen.add("memory init");
          }
        }
        List<ModuleIr> children = new ArrayList<>();
        for (Instance inst : m.instances()) {
          ModuleIr canonical = inst.module();
          for (ModuleIr c : children) {
            if (d.nameOf(c).equals(d.nameOf(canonical))) {
              seen.add("one module instantiated twice");
            }
          }
          children.add(canonical);
        }
      }
      if (variantsPerBase.values().stream().anyMatch(v -> v > 1)) {
        seen.add("one class with different parameters");
      }
    }
    assertEquals(EnumSet.allOf(Op.class), ops, "operators never generated: "
        + EnumSet.complementOf(EnumSet.copyOf(ops)));
    for (int w : new int[] {1, 32, 63, 64, 65, 128, 129, 130}) {
      assertTrue(widths.contains(w), "no " + w + "-bit net");
    }
    assertEquals(Set.of("register without reset", "register with reset", "sync read with enable", "sync read",
        "async read", "masked write", "whole-word write", "memory init", "one module instantiated twice",
        "one class with different parameters"), seen);
  }

  @Test
  void aBatchExposesEveryDesignsPorts() {
    RandomDesignGenerator gen = new RandomDesignGenerator(SEED, RandomDesignOptions.defaults());
    RandomBatch batch = gen.batch(5, 4);
    Design d = Elaborator.elaborate(batch);
    int designInputs = 0;
    int designOutputs = 0;
    for (int i = 5; i < 9; i++) {
      RandomModule m = gen.designModule(i);
      designInputs += m.inputs().size();
      designOutputs += m.outputs().size();
    }
    assertEquals(designInputs, batch.inputNames().size());
    assertEquals(designOutputs, batch.outputNames().size());
    for (String p : batch.outputNames()) {
      assertTrue(d.top().port(p).isPresent(), p);
      int idx = RandomBatch.designIndexOf(p);
      assertTrue(idx >= 5 && idx < 9, p);
    }
    assertEquals(4, d.top().instances().size());
  }
}
