package veneer.shell.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import veneer.shell.PartitionRegisters;
import veneer.shell.ShellConfig;
import veneer.shell.ShellLayout;
import veneer.shell.dma.DmaDescriptor;
import veneer.shell.dma.DmaDriver;
import veneer.shell.dma.DmaError;
import veneer.shell.dma.DmaRegisters;
import veneer.shell.host.Completion;
import veneer.shell.host.HostDriver;
import veneer.shell.mgmt.ManagementRegisters;
import veneer.shell.mgmt.ShellFunctions;
import veneer.shell.mgmt.ShellRegister;
import veneer.shell.pcie.ShellError;
import veneer.shell.pcie.TlpType;
import veneer.shell.pr.PrStatus;
import veneer.shell.role.OverlayRole;
import veneer.sim.Backend;

/**
 * The user function tries every way it has to reconfigure the device, reset or decouple the
 * Role, or read or write a management register, on the assembled Shell with a Role loaded; each
 * is refused, nothing reaches the PR controller (watched every cycle), and PF0's state (the DMA
 * windows included) is unchanged afterwards; PF1 cannot widen the DMA window PF0 gave it.
 */
class Pf1CannotReachManagementTest {
  static final long SECRET = 0x5EC2E7L;
  /** The DMA window PF0 gives every channel. */
  static final long WINDOW_BASE = 0x1000;
  static final long WINDOW_LIMIT = 0x2000;
  static final long ROLE_BAR_SIZE = SimulatedPlatform.Params.defaults().shell().roleBarSize();

  /** Every offset of a PF0 register or of the configuration data window, relative to PF0 BAR0. */
  static List<Long> managementOffsets() {
    TreeSet<Long> offs = new TreeSet<>();
    for (ShellRegister r : ManagementRegisters.MAP.registers()) {
      offs.add(r.offset());
    }
    for (ShellRegister r : PartitionRegisters.MAP.registers()) {
      offs.add(PartitionRegisters.REGION_OFFSET + r.offset());
    }
    for (long o = 0; o < ManagementRegisters.REGION_SIZE; o += 0x100) {
      offs.add(ManagementRegisters.CONFIG_DATA_OFFSET + o);
    }
    for (ShellRegister r : DmaRegisters.WINDOWS.registers()) {
      offs.add(DmaRegisters.WINDOWS_OFFSET + r.offset());
    }
    return new ArrayList<>(offs);
  }

  /** PF0 state that a PF1 access must not change. */
  static List<Long> pf0State(PlatformDriver dev) {
    List<Long> s = new ArrayList<>();
    for (String r : List.of("scratch", "role_reset", "decouple", "cfgport_status", "cfgport_error", "active_variant",
        "load_words", "load_timeout", "loads_ok", "loads_failed", "words_dropped")) {
      s.add(dev.pf0Read(r));
    }
    for (ShellRegister r : DmaRegisters.WINDOWS.registers()) {
      s.add(dev.pf0Read(r.name()));
    }
    return s;
  }

  private static PlatformDriver loaded() {
    PlatformDriver dev = PlatformDriver.open(new SimulatedPlatform(SimulatedPlatform.Params.defaults(OverlayRole.TEST_ARRAY)), Backend.JVM);
    dev.enumerate();
    assertEquals(PrStatus.OK, dev.loadImage(Images.image(SimulatedPlatform.REGISTERS)));
    dev.pf0Write("scratch", SECRET);
    for (int c = 0; c < 4; c++) {
      dev.dma().window(c, WINDOW_BASE, WINDOW_LIMIT);    // through PF0
    }
    return dev;
  }

  @Test
  void pf1AtEveryManagementOffsetOfBothBarsReachesOnlyTheRoleOrItsOwnRegisters() {
    try (PlatformDriver dev = loaded()) {
      List<Long> before = pf0State(dev);
      ManagementWatch watch = dev.simulator().attach(new ManagementWatch());
      // Values only PF0 can show (the low interface id words are small numbers a Role register may hold too).
      long id3 = ShellConfig.DEFAULT_INTERFACE_ID.shiftRight(96).longValue();
      long id2 = ShellConfig.DEFAULT_INTERFACE_ID.shiftRight(64).longValue() & 0xFFFF_FFFFL;
      for (long off : managementOffsets()) {
        for (int bar : new int[] {0, 2, ShellLayout.DMA_BAR}) {
          long address = dev.host().barBase(1, bar) + off;
          dev.host().mmioWriteRaw(HostDriver.PF1_QUEUE, address, new long[] {0xFFFF_FFFFL});
          Completion c = dev.host().mmioReadRaw(HostDriver.PF1_QUEUE, address, 1).get(0);
          String where = "PF1 BAR" + bar + " + 0x" + Long.toHexString(off);
          if (!inPf1Bar(dev, address)) {
            assertEquals(TlpType.CPL_UR, c.status(), where + " is in no BAR of PF1: Unsupported Request");
            continue;
          }
          if (bar == ShellLayout.DMA_BAR && inBar4Hole(off)) {
            assertEquals(TlpType.CPL_UR, c.status(), where + " is between PF1 BAR4's regions: Unsupported Request");
            continue;
          }
          assertEquals(TlpType.CPL_SC, c.status(), where);
          long seen = c.data().get(0);
          for (long secret : new long[] {ManagementRegisters.IDENT, SECRET, id3, id2}) {
            if (seen == secret) {
              throw new AssertionError(where + " read management data 0x" + Long.toHexString(seen));
            }
          }
        }
      }
      assertEquals(List.of(), watch.events, "a PF1 access reached the PR controller");
      assertEquals(before, pf0State(dev), "PF0 state changed by PF1 accesses");
      PartitionState s = dev.partition();
      assertEquals(PrStatus.OK, s.status());
      assertEquals(SimulatedPlatform.REGISTERS, s.activeVariant());
      // The writes that landed in the Role's own registers are still there: the Role was never reset.
      assertEquals(0xFFFF_FFFFL, dev.roleRead(RegisterRole.SCRATCH));
      assertEquals(RegisterRole.ID, dev.roleRead(RegisterRole.ROLE_ID));
    }
  }

  @Test
  void aWholeImageWrittenThroughPf1ReachesNothing() {
    try (PlatformDriver dev = loaded()) {
      List<Long> before = pf0State(dev);
      ManagementWatch watch = dev.simulator().attach(new ManagementWatch());
      long[] words = words(Images.image(SimulatedPlatform.VECTOR_ADD));
      long bar0 = dev.host().barBase(1, 0);
      long bar2 = dev.host().barBase(1, 2);
      // The Role's window, PF1's Shell registers, and addresses past them where PF0's window sits in PF0.
      for (long address : new long[] {bar0, bar2, bar0 + ManagementRegisters.CONFIG_DATA_OFFSET,
          bar2 + ManagementRegisters.CONFIG_DATA_OFFSET}) {
        dev.host().mmioWriteRaw(HostDriver.PF1_QUEUE, address + 0x100, new long[] {0});
        dev.host().mmioWriteRaw(HostDriver.PF1_QUEUE, address, words);
      }
      for (long control : new long[] {PartitionRegisters.CONTROL_START, PartitionRegisters.CONTROL_FINISH}) {
        dev.host().mmioWriteRaw(HostDriver.PF1_QUEUE, bar0 + 0x50, new long[] {control});
        dev.host().mmioWriteRaw(HostDriver.PF1_QUEUE, bar2 + 0x50, new long[] {control});
      }
      assertEquals(ManagementRegisters.IDENT, dev.ident());
      assertEquals(List.of(), watch.events, "PF1 writes reached the PR controller");
      assertEquals(before, pf0State(dev));
      assertEquals(RegisterRole.ID, dev.roleRead(RegisterRole.ROLE_ID), "the register Role is still loaded");
    }
  }

  @Test
  void movingPf1sBarOntoEachPf0RegionReachesNothingAndIsLogged() {
    try (PlatformDriver dev = loaded()) {
      List<Long> before = pf0State(dev);
      long refusedBefore = dev.pf0Read("requests_refused");
      ManagementWatch watch = dev.simulator().attach(new ManagementWatch());
      long pf0 = dev.host().barBase(0, 0);
      long[] image = words(Images.image(SimulatedPlatform.VECTOR_ADD));
      // PF1 BAR0 (4 KiB) on top of the register region, the data window and the partition region in turn.
      long[] regions = {0, ManagementRegisters.CONFIG_DATA_OFFSET, PartitionRegisters.REGION_OFFSET,
          DmaRegisters.WINDOWS_OFFSET};
      for (long region : regions) {
        long base = pf0 + region;
        dev.host().configWrite(1, 0x10, base & 0xFFFF_FFFFL);
        dev.host().configWrite(1, 0x14, base >>> 32);
        for (long off : new long[] {0x50, 0x40, 0x44, 0x08}) {
          dev.host().mmioWriteRaw(HostDriver.PF1_QUEUE, base + off, new long[] {PartitionRegisters.CONTROL_START});
        }
        dev.host().mmioWriteRaw(HostDriver.PF1_QUEUE, base, image);
        dev.host().mmioWriteRaw(HostDriver.PF1_QUEUE, base + 0x50, new long[] {PartitionRegisters.CONTROL_FINISH});
        Completion c = dev.host().mmioReadRaw(HostDriver.PF1_QUEUE, base, 1).get(0);
        assertEquals(TlpType.CPL_UR, c.status(), "overlapping BARs answer nobody (PF0 + 0x" + Long.toHexString(region)
            + ")");
      }
      long pf1 = dev.host().barBase(1, 0);
      dev.host().configWrite(1, 0x10, pf1 & 0xFFFF_FFFFL);
      dev.host().configWrite(1, 0x14, pf1 >>> 32);
      assertEquals(List.of(), watch.events, "an access to the overlapped BARs reached the PR controller");
      assertEquals(before, pf0State(dev), "PF0 state (words_dropped included) unchanged");
      long head = dev.pf0Read("errlog_head");
      assertEquals(ShellError.BAR_OVERLAP, ShellError.of((int) (head >>> 24)), "the overlap was logged");
      assertEquals(refusedBefore + regions.length * (4 + 1 + 1 + 1), dev.pf0Read("requests_refused"),
          "every access to the overlap refused");
      assertEquals(RegisterRole.ID, dev.roleRead(RegisterRole.ROLE_ID));
    }
  }

  @Test
  void pf1CannotWidenItsDmaWindowAndItsDmaStaysInside() {
    try (PlatformDriver dev = loaded()) {
      List<Long> before = pf0State(dev);
      // Every window register's offset through every PF1 BAR: base 0, limit all ones (the whole address space).
      for (ShellRegister r : DmaRegisters.WINDOWS.registers()) {
        long value = r.name().contains("limit") ? 0xFFFF_FFFFL : 0;
        for (int bar : new int[] {0, 2, ShellLayout.DMA_BAR}) {
          long address = dev.host().barBase(1, bar) + DmaRegisters.WINDOWS_OFFSET + r.offset();
          dev.host().mmioWriteRaw(HostDriver.PF1_QUEUE, address, new long[] {value});
          dev.host().mmioWriteRaw(HostDriver.PF1_QUEUE, dev.host().barBase(1, bar) + r.offset(), new long[] {value});
        }
      }
      assertEquals(before, pf0State(dev), "the DMA windows (and the rest of PF0) are unchanged");
      assertEquals(WINDOW_LIMIT, dev.pf0Read("h2c0_win_limit_lo"));

      // PF1's own DMA, asked to write DRAM below its window and read DRAM above it, is refused; DRAM untouched.
      byte[] marker = new byte[64];
      Arrays.fill(marker, (byte) 0x5A);
      dev.writeDram(0, marker);
      dev.writeDram(WINDOW_LIMIT, marker);
      DmaDriver dma = dev.dma();
      dma.ring(1, 0x4000, 4);
      dma.ring(3, 0x5000, 4);
      dev.host().writeHostMemory(0x8000, new byte[128]);
      int i = dma.submit(1, 0x8000, 0, 128, 0);
      int j = dma.submit(3, WINDOW_LIMIT - 64, 0x8000, 128, 0);
      for (int[] cd : new int[][] {{1, i}, {3, j}}) {
        long st = dma.waitDone(cd[0], cd[1], 20_000);
        assertEquals(DmaDescriptor.STATUS_DONE | DmaDescriptor.STATUS_ERROR | DmaError.OUTSIDE_WINDOW.code << 8, st,
            "channel " + cd[0]);
        assertEquals(DmaError.OUTSIDE_WINDOW.code, (dev.dmaStatus(cd[0]) >>> 8) & 0xFF);
      }
      assertEquals(Arrays.toString(marker), Arrays.toString(dev.readDram(0, 64)));
      assertEquals(Arrays.toString(new byte[128]),
          Arrays.toString(dev.host().readHostMemory(0x8000, 128)), "nothing read from outside the window");
    }
  }

  /** PF1 BAR4 has regions at 0x0000 (DMA channels), 0x2000 (MSI-X table) and 0x3000 (PBA); 0x1000-0x1FFF is a hole. */
  private static boolean inBar4Hole(long offset) {
    return offset >= 0x1000 && offset < 0x2000;
  }

  private static boolean inPf1Bar(PlatformDriver dev, long address) {
    long bar0 = dev.host().barBase(1, 0);
    long bar2 = dev.host().barBase(1, 2);
    long bar4 = dev.host().barBase(1, ShellLayout.DMA_BAR);
    return address >= bar0 && address < bar0 + ROLE_BAR_SIZE
        || address >= bar2 && address < bar2 + ShellFunctions.USER_REGS_BAR_SIZE
        || address >= bar4 && address < bar4 + ShellLayout.DMA_BAR_SIZE;
  }

  static long[] words(byte[] stream) {
    long[] w = new long[stream.length / 4];
    for (int i = 0; i < stream.length; i++) {
      w[i / 4] |= (stream[i] & 0xFFL) << (8 * (i % 4));
    }
    return w;
  }
}
