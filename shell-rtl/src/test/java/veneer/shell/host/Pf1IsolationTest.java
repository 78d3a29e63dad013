package veneer.shell.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import veneer.shell.mgmt.ManagementRegisters;
import veneer.shell.mgmt.ShellFunctions;
import veneer.shell.mgmt.ShellRegister;
import veneer.shell.pcie.ShellError;
import veneer.shell.pcie.TlpType;
import veneer.sim.Simulator;
import veneer.sim.bus.CycleHook;

/**
 * Everything the user function can address is tried, and none of it reaches the management
 * function: no Role reset, no decoupling, no configuration-port command or data, no PF0 register
 * read or written.
 */
class Pf1IsolationTest {
  /** Remembers whether any management output ever moved. */
  static final class ManagementWatch implements CycleHook {
    boolean moved;

    @Override
    public void beforeEdge(Simulator sim) {
      moved |= sim.peek("role_reset") != 0 || sim.peek("decouple") != 0 || sim.peek("cfgport_control") != 0
          || sim.peek("cfgport_data_valid") != 0;
    }
  }

  static final long SECRET = 0x5EC2E7L;

  @Test
  void pf1AccessesAtEveryManagementOffsetStayInPf1() {
    try (HostDriver host = CompleterTest.open()) {
      host.enumerate();
      host.mmioWrite(0, 0, CompleterTest.reg("scratch"), SECRET);
      ManagementWatch watch = host.simulator().attach(new ManagementWatch());
      List<Long> offsets = new ArrayList<>();
      for (ShellRegister r : ManagementRegisters.MAP.registers()) {
        offsets.add(r.offset());
      }
      offsets.add(ManagementRegisters.CONFIG_DATA_OFFSET);
      for (long off : offsets) {
        for (int bar : new int[] {0, 2}) {
          if (bar == 2 && off >= ShellFunctions.USER_REGS_BAR_SIZE) {
            continue;
          }
          host.mmioWrite(1, bar, off, 0xFFFF_FFFFL);
          List<Completion> cs = host.mmioReadRaw(HostDriver.PF1_QUEUE, host.barBase(1, bar) + off, 1);
          long seen = cs.get(0).data().isEmpty() ? -1 : cs.get(0).data().get(0);
          assertFalse(seen == ManagementRegisters.IDENT || seen == SECRET,
              "PF1 BAR" + bar + " + 0x" + Long.toHexString(off) + " read management data 0x" + Long.toHexString(seen));
        }
      }
      assertFalse(watch.moved, "a PF1 access moved a management output");
      assertEquals(SECRET, host.mmioRead(0, 0, CompleterTest.reg("scratch")));
      assertEquals(0, host.mmioRead(0, 0, CompleterTest.reg("role_reset")));
      assertEquals(0, host.mmioRead(0, 0, CompleterTest.reg("decouple")));
    }
  }

  @Test
  void addressesPastPf1BarsAreRefused() {
    try (HostDriver host = CompleterTest.open()) {
      host.enumerate();
      long past = host.barBase(1, 2) + ShellFunctions.USER_REGS_BAR_SIZE;
      for (long off : new long[] {0, 0x20, 0x1000, 0x10000}) {
        List<Completion> cs = host.mmioReadRaw(HostDriver.PF1_QUEUE, past + off, 1);
        assertEquals(TlpType.CPL_UR, cs.get(0).status(), "read at 0x" + Long.toHexString(past + off));
      }
    }
  }

  @Test
  void movingPf1BarOntoPf0IsRefusedAndLogged() {
    try (HostDriver host = CompleterTest.open()) {
      host.enumerate();
      host.mmioWrite(0, 0, CompleterTest.reg("scratch"), SECRET);
      ManagementWatch watch = host.simulator().attach(new ManagementWatch());
      long pf0 = host.barBase(0, 0);
      host.configWrite(1, 0x10, pf0 & 0xFFFF_FFFFL);
      host.configWrite(1, 0x14, pf0 >>> 32);
      long scratch = pf0 + CompleterTest.reg("scratch");
      for (int queue : new int[] {HostDriver.PF0_QUEUE, HostDriver.PF1_QUEUE}) {
        host.mmioWriteRaw(queue, scratch, new long[] {0});
        host.mmioWriteRaw(queue, pf0 + CompleterTest.reg("role_reset"), new long[] {1});
        assertEquals(TlpType.CPL_UR, host.mmioReadRaw(queue, scratch, 1).get(0).status());
      }
      assertFalse(watch.moved, "an access to the overlapped BARs moved a management output");
      // Put PF1 back: PF0 is intact, and the overlap was logged.
      long pf1 = host.barBase(1, 0);
      host.configWrite(1, 0x10, pf1 & 0xFFFF_FFFFL);
      host.configWrite(1, 0x14, pf1 >>> 32);
      assertEquals(SECRET, host.mmioRead(0, 0, CompleterTest.reg("scratch")));
      long head = host.mmioRead(0, 0, CompleterTest.reg("errlog_head"));
      assertEquals(ShellError.BAR_OVERLAP, ShellError.of((int) (head >>> 24)));
    }
  }

  @Test
  void configurationRequestsToOtherFunctionsAreRefused() {
    try (HostDriver host = CompleterTest.open()) {
      host.enumerate();
      for (int f = 2; f < 8; f++) {
        final int function = f;
        MmioException e = assertThrows(MmioException.class, () -> host.configRead(function, 0));
        assertEquals(TlpType.CPL_UR, e.status());
        assertEquals(TlpType.CPL_UR, host.configWriteRaw(f, 0x10, 0).status());
      }
      assertEquals(12, host.mmioRead(0, 0, CompleterTest.reg("errlog_count")));
    }
  }
}
