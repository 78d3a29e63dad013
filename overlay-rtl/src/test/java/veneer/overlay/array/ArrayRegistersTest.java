package veneer.overlay.array;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import veneer.hdl.bus.RegisterDecl;
import veneer.overlay.memory.CoalescerConfig;
import veneer.sim.Backend;
import veneer.sim.Simulators;
import veneer.sim.bus.Axi4ProtocolChecker;
import veneer.sim.bus.Axi4SlaveMemory;
import veneer.sim.bus.AxiLiteMaster;
import veneer.sim.bus.AxiLiteProtocolChecker;
import veneer.sim.bus.CheckedSimulator;

/** The control port through AXI4-Lite with a protocol checker, and the generated documentation. */
class ArrayRegistersTest {
  private static final int SLVERR = 2;

  private static CheckedSimulator open() {
    CheckedSimulator sim = CheckedSimulator.wrap(Simulators.open(
        new PeArray(new ArrayConfig(2, 2, 64, 64, CoalescerConfig.forThreads(2))), Backend.JVM));
    sim.attach(new Axi4SlaveMemory(sim, "mem", Axi4SlaveMemory.Config.defaults()));
    sim.attach(new Axi4ProtocolChecker(sim, "mem"));
    sim.attach(new AxiLiteProtocolChecker(sim, "ctrl"));
    sim.reset(2);
    return sim;
  }

  @Test
  void identityResetValuesAndReadWriteRegisters() {
    try (CheckedSimulator sim = open()) {
      AxiLiteMaster bus = new AxiLiteMaster(sim, "ctrl");
      // 2 PEs x 2 threads sweep their scoreboards for 8 x 2 cycles after reset.
      assertEquals(0b1000, bus.read(ArrayRegisters.offsetOf("status")), "idle, never ran, sweeping");
      sim.step(64);
      assertEquals(0, bus.read(ArrayRegisters.offsetOf("status")), "idle, never ran, swept");
      assertEquals(ArrayRegisters.MAGIC, bus.read(0x000));
      assertEquals(2 | (2 << 8) | (4 << 16), bus.read(ArrayRegisters.offsetOf("shape")));
      for (ArrayRegister r : ArrayRegisters.all()) {
        RegisterDecl d = r.decl();
        if (d.access() == RegisterDecl.Access.READ_WRITE) {
          assertEquals(d.resetValue(), bus.read(d.offset()), r.name() + " after reset");
          long mask = d.width() == 32 ? 0xFFFF_FFFFL : (1L << d.width()) - 1;
          bus.write(d.offset(), 0xA5A5_5A5AL);
          assertEquals(0xA5A5_5A5AL & mask, bus.read(d.offset()), r.name() + " reads back");
        }
      }
      bus.write(ArrayRegisters.offsetOf("global_size"), 0x1234_5678L);
      assertTrue(bus.tryWrite(ArrayRegisters.offsetOf("global_size"), 0, 0b0010).ok());
      assertEquals(0x1234_0078L, bus.read(ArrayRegisters.offsetOf("global_size")), "only byte 1 was written");
    }
  }

  @Test
  void errorsForReadOnlyUnmappedAndWindowReads() {
    try (CheckedSimulator sim = open()) {
      AxiLiteMaster bus = new AxiLiteMaster(sim, "ctrl");
      assertEquals(SLVERR, bus.tryWrite(ArrayRegisters.offsetOf("status"), 1, 0xF).resp(), "read-only");
      assertEquals(SLVERR, bus.tryWrite(0x0FFC, 1, 0xF).resp(), "unmapped register");
      assertEquals(SLVERR, bus.tryRead(0x0FFC).resp(), "unmapped register read");
      assertEquals(SLVERR, bus.tryWrite(0x2000, 1, 0xF).resp(), "between the windows");
      assertEquals(SLVERR, bus.tryRead(ArrayRegisters.ARGS_WINDOW).resp(), "argument window is write-only");
      assertEquals(SLVERR, bus.tryRead(ArrayRegisters.IMEM_WINDOW).resp(), "IMEM window is write-only");
      assertEquals(0, bus.tryWrite(ArrayRegisters.ARGS_WINDOW + 4 * 63, 7, 0xF).resp(), "last argument word");
      assertEquals(SLVERR, bus.tryWrite(ArrayRegisters.ARGS_WINDOW + 4 * 64, 7, 0xF).resp(), "past the arguments");
      assertThrows(veneer.sim.bus.AxiResponseException.class, () -> bus.write(ArrayRegisters.offsetOf("id"), 0));
    }
  }

  @Test
  void windowsBroadcastToEveryPe() {
    try (CheckedSimulator sim = open()) {
      AxiLiteMaster bus = new AxiLiteMaster(sim, "ctrl");
      bus.write(ArrayRegisters.IMEM_WINDOW + 4 * 5, 0xCAFE_F00DL);
      bus.write(ArrayRegisters.ARGS_WINDOW + 4 * 3, 0x1234_5678L);
      for (int pe = 0; pe < 2; pe++) {
        assertEquals(0xCAFE_F00DL, sim.readMemory("pe" + pe + ".imem", 5, 1)[0].longValue(), "PE " + pe + " IMEM");
        assertEquals(0x1234_5678L, sim.readMemory("pe" + pe + ".args", 3, 1)[0].longValue(), "PE " + pe + " args");
      }
    }
  }

  @Test
  void imemWritesAreRefusedWhileTheArrayRuns() {
    try (CheckedSimulator sim = open()) {
      AxiLiteMaster bus = new AxiLiteMaster(sim, "ctrl");
      bus.write(ArrayRegisters.IMEM_WINDOW, 0x0000_006FL); // j . (spin)
      bus.write(ArrayRegisters.offsetOf("control"), 1);
      assertEquals(1, bus.read(ArrayRegisters.offsetOf("status")) & 1, "busy");
      assertEquals(SLVERR, bus.tryWrite(ArrayRegisters.IMEM_WINDOW + 4, 0x13, 0xF).resp());
      assertEquals(0, sim.readMemory("pe0.imem", 1, 1)[0].longValue(), "IMEM unchanged");
      assertTrue(bus.read(ArrayRegisters.offsetOf("cycles_lo")) > 0, "busy cycles count");
    }
  }

  @Test
  void documentationHoldsTheGeneratedTable() throws IOException {
    Path doc = null;
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      if (Files.isRegularFile(p.resolve("docs/overlay-array.md"))) {
        doc = p.resolve("docs/overlay-array.md");
        break;
      }
    }
    assertTrue(doc != null, "docs/overlay-array.md not found above " + Path.of("").toAbsolutePath());
    String text = Files.readString(doc);
    assertTrue(text.contains(ArrayRegisters.toMarkdown()), "docs/overlay-array.md must contain the register"
        + " table exactly as ArrayRegisters.toMarkdown() prints it:\n" + ArrayRegisters.toMarkdown());
  }
}
