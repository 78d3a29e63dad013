package veneer.shell.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import veneer.shell.mgmt.ManagementRegisters;
import veneer.shell.pcie.ShellError;
import veneer.shell.pcie.TlpType;
import veneer.sim.Backend;

/** The completer seen from the host: identity, split completions, Unsupported Requests. */
class CompleterTest {
  static HostDriver open() {
    HostDriver host = HostDriver.open(new HostPlatform(HostPlatform.Params.defaults()), Backend.JVM);
    host.simulator().attach(new TlpProtocolChecker(host.simulator(), 256, 64));
    return host;
  }

  static long reg(String name) {
    return ManagementRegisters.MAP.offsetOf(name);
  }

  @Test
  void identityVersionAndInterfaceId() {
    try (HostDriver host = open()) {
      host.enumerate();
      assertEquals(ManagementRegisters.SHELL_VERSION, host.mmioRead(0, 0, reg("shell_version")));
      java.math.BigInteger id = HostPlatform.Params.defaults().interfaceId();
      for (int i = 0; i < 4; i++) {
        long expected = id.shiftRight(32 * i).longValue() & 0xFFFF_FFFFL;
        assertEquals(expected, host.mmioRead(0, 0, reg("interface_id_" + i)), "interface id word " + i);
      }
      assertEquals(0x7E4E, host.configRead(0, 0) & 0xFFFF);
      assertEquals(0xF001, host.configRead(1, 0) >>> 16);
      assertEquals(0x120000, host.configRead(1, 8) >>> 8);
    }
  }

  @Test
  void readsLargerThanMaxPayloadAreSplitAtMpsBoundaries() {
    try (HostDriver host = open()) {
      host.enumerate(128);
      host.mmioWrite(0, 0, reg("scratch"), 0x5A5A1234L);
      List<Completion> cs = host.mmioReadRaw(HostDriver.PF0_QUEUE, host.barBase(0, 0), 80);
      assertEquals(3, cs.size(), cs.toString());
      assertEquals(List.of(32, 32, 16), cs.stream().map(Completion::lengthDw).toList());
      assertEquals(List.of(320, 192, 64), cs.stream().map(Completion::byteCount).toList());
      assertEquals(List.of(0, 0, 0), cs.stream().map(Completion::lowerAddress).toList());
      assertEquals(ManagementRegisters.IDENT, cs.get(0).data().get(0));
      assertEquals(0x5A5A1234L, cs.get(0).data().get(8));
      for (Completion c : cs) {
        assertEquals(TlpType.CPL_SC, c.status());
        assertEquals(cs.get(0).tag(), c.tag());
      }
      // A read that starts inside an MPS block: the first completion ends at the boundary.
      List<Completion> odd = host.mmioReadRaw(HostDriver.PF0_QUEUE, host.barBase(0, 0) + 0x60, 16);
      assertEquals(List.of(8, 8), odd.stream().map(Completion::lengthDw).toList());
      assertEquals(List.of(64, 32), odd.stream().map(Completion::byteCount).toList());
      assertEquals(List.of(0x60, 0x00), odd.stream().map(Completion::lowerAddress).toList());
    }
  }

  @Test
  void unsupportedRequestsAreAnsweredUrAndLogged() {
    try (HostDriver host = open()) {
      host.enumerate();
      long base = host.barBase(0, 0);
      MmioException noBar = assertThrows(MmioException.class,
          () -> single(host.mmioReadRaw(HostDriver.PF0_QUEUE, base - 0x1000, 1)));
      assertEquals(TlpType.CPL_UR, noBar.status());
      MmioException noRegion = assertThrows(MmioException.class, () -> host.mmioRead(0, 0, 0x8000));
      assertEquals(TlpType.CPL_UR, noRegion.status());
      MmioException noFunction = assertThrows(MmioException.class, () -> host.configRead(5, 0));
      assertEquals(TlpType.CPL_UR, noFunction.status());
      host.mmioWriteRaw(HostDriver.PF0_QUEUE, base - 0x1000, new long[] {1});

      assertEquals(4, host.mmioRead(0, 0, reg("requests_refused")));
      assertEquals(4, host.mmioRead(0, 0, reg("errlog_count")));
      List<ShellError> expected = List.of(ShellError.UNMAPPED, ShellError.UNMAPPED, ShellError.BAD_FUNCTION,
          ShellError.UNMAPPED);
      for (ShellError e : expected) {
        long head = host.mmioRead(0, 0, reg("errlog_head"));
        assertEquals(e, ShellError.of((int) (head >>> 24)), "error record 0x" + Long.toHexString(head));
        host.mmioWrite(0, 0, reg("errlog_pop"), 1);
      }
      assertEquals(0, host.mmioRead(0, 0, reg("errlog_count")));
    }
  }

  static void single(List<Completion> cs) {
    Completion c = cs.get(cs.size() - 1);
    if (c.status() != TlpType.CPL_SC) {
      throw new MmioException("read", c.status());
    }
  }
}
