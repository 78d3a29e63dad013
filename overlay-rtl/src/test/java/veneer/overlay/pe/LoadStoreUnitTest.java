package veneer.overlay.pe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import veneer.isa.pe.PeMemoryMap;
import veneer.sim.Backend;
import veneer.sim.Simulator;
import veneer.sim.Simulators;

/**
 * Region decode, faults, store lanes and strobes of the load/store unit against the address map,
 * on addresses at and around every region's ends and at random (the region outputs where they are
 * defined: inside the map's regions), for both a power-of-two and an
 * odd-sized memory configuration, on both back ends.
 */
class LoadStoreUnitTest {
  private static final long SEED = 0x15A0_7E57L;

  @ParameterizedTest(name = "{0}")
  @EnumSource(value = Backend.class, names = {"JVM", "VERILATOR"})
  void matchesTheAddressMap(Backend backend) {
    check(PeConfig.of(8, 0, 4096, 4096), backend);
    check(PeConfig.of(2, 3, 1000, 300), backend);
  }

  private static void check(PeConfig c, Backend backend) {
    Random rnd = new Random(SEED);
    long imemEnd = 4L * c.imemWords();
    long spmEnd = PeMemoryMap.SCRATCHPAD_BASE + 4L * c.spmWords();
    long argsEnd = PeMemoryMap.KERNEL_ARGS_BASE + 4L * PeMemoryMap.KERNEL_ARGS_WORDS;
    long[] edges = {0, imemEnd, PeMemoryMap.SCRATCHPAD_BASE, spmEnd, PeMemoryMap.CONSOLE,
        PeMemoryMap.CONSOLE + PeMemoryMap.CONSOLE_BYTES, PeMemoryMap.KERNEL_ARGS_BASE, argsEnd,
        Integer.toUnsignedLong(PeMemoryMap.GLOBAL_BASE), 0xFFFF_FFFCL};
    int regionChecks = 0;
    try (Simulator sim = Simulators.open(new LoadStoreUnit(c), backend)) {
      for (int i = 0; i < 3000; i++) {
        long addr = i < edges.length * 16 ? (edges[i / 16] + (i % 16) - 8) & 0xFFFF_FFFFL : rnd.nextInt() & 0xFFFF_FFFFL;
        int size = rnd.nextInt(3);
        boolean store = rnd.nextBoolean();
        int value = rnd.nextInt();
        sim.poke("addr", addr);
        sim.poke("size", size);
        sim.poke("store", store ? 1 : 0);
        sim.poke("store_value", Integer.toUnsignedLong(value));
        sim.step();
        String what = String.format("seed %x, %s: addr %08x size %d %s", SEED, c, addr, size, store ? "store" : "load");
        boolean imem = addr < imemEnd;
        boolean spm = addr >= PeMemoryMap.SCRATCHPAD_BASE && addr < spmEnd;
        boolean console = addr >= PeMemoryMap.CONSOLE && addr < PeMemoryMap.CONSOLE + PeMemoryMap.CONSOLE_BYTES;
        boolean args = addr >= PeMemoryMap.KERNEL_ARGS_BASE && addr < argsEnd;
        boolean global = addr >= Integer.toUnsignedLong(PeMemoryMap.GLOBAL_BASE);
        // The region outputs are defined inside the map's regions (elsewhere the access faults
        // and nothing reads them); in_global is exact.
        if (imem || spm || console || args || global) {
          assertEquals(imem ? 1 : 0, sim.peek("in_imem"), what + ": in_imem");
          assertEquals(spm ? 1 : 0, sim.peek("in_spm"), what + ": in_spm");
          assertEquals(console ? 1 : 0, sim.peek("in_console"), what + ": in_console");
          assertEquals(args ? 1 : 0, sim.peek("in_args"), what + ": in_args");
          regionChecks++;
        }
        assertEquals(global ? 1 : 0, sim.peek("in_global"), what + ": in_global");
        boolean fault = store ? !(spm || console || global) : !(imem || spm || args || global);
        assertEquals(fault ? 1 : 0, sim.peek("access_fault"), what + ": access_fault");
        boolean misaligned = (addr & ((1 << size) - 1)) != 0;
        assertEquals(misaligned ? 1 : 0, sim.peek("misaligned"), what + ": misaligned");
        if (misaligned) {
          continue;
        }
        int offset = (int) (addr & 3);
        long strobes = ((1L << (1 << size)) - 1) << offset;
        assertEquals(strobes, sim.peek("store_mask"), what + ": store_mask");
        long lanes = sim.peek("store_lanes");
        long expected = (Integer.toUnsignedLong(value) << (8 * offset)) & 0xFFFF_FFFFL;
        long laneBits = 0;
        for (int lane = 0; lane < 4; lane++) {
          if ((strobes >> lane & 1) != 0) {
            laneBits |= 0xFFL << (8 * lane);
          }
        }
        assertEquals(expected & laneBits, lanes & laneBits, what + ": store_lanes under the strobes");
      }
    }
    // Every region's edges give addresses inside it (about 8 each) besides the random global ones.
    assertTrue(regionChecks > 5 * 8, "only " + regionChecks + " addresses inside the map's regions");
  }
}
