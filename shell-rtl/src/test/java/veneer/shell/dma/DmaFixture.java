package veneer.shell.dma;

import java.math.BigInteger;
import java.util.HashMap;
import java.util.Map;
import veneer.shell.dram.AddressMap;
import veneer.shell.host.HostDriver;
import veneer.shell.platform.PlatformDriver;
import veneer.shell.platform.SimulatedPlatform;
import veneer.shell.role.OverlayRole;
import veneer.sim.Backend;
import veneer.sim.Simulator;
import veneer.sim.bus.CycleHook;
import veneer.sim.bus.ProtocolViolation;

/**
 * Opens a checked {@link SimulatedPlatform} (the assembled Shell) for the DMA tests, with a
 * request-size checker besides the platform's protocol checkers, and gives them DRAM back-door
 * access.
 */
final class DmaFixture {
  private DmaFixture() {}

  /** The platform every DMA test uses unless it needs other host behaviour: the default one with the tests' overlay. */
  static final SimulatedPlatform.Params DEFAULTS = SimulatedPlatform.Params.defaults(OverlayRole.TEST_ARRAY);

  /** Opens the platform with the protocol checkers and the size checker attached, enumerated with {@code mps}. */
  static HostDriver open(SimulatedPlatform.Params p, int mps) {
    return open(p, mps, Backend.JVM);
  }

  static HostDriver open(SimulatedPlatform.Params p, int mps, Backend backend) {
    // PlatformDriver attaches the TLP and AXI checkers; its close() is the host's close().
    HostDriver host = PlatformDriver.open(new SimulatedPlatform(p), backend).host();
    host.simulator().attach(new RequestSizeChecker(mps, p.shell().dma().maxReadBytes()));
    host.timeout(50_000);
    host.enumerate(mps);
    return host;
  }

  static byte[] readDram(Simulator sim, AddressMap map, long addr, int length) {
    byte[] out = new byte[length];
    for (int off = 0; off < length; off += 64) {
      AddressMap.Target t = map.decode(addr + off).orElseThrow();
      BigInteger w = sim.readMemory(SimulatedPlatform.dramPath(t.channel()), (int) (t.local() / 64), 1)[0];
      byte[] le = toLittleEndian(w, 64);
      System.arraycopy(le, 0, out, off, Math.min(64, length - off));
    }
    return out;
  }

  static void writeDram(Simulator sim, AddressMap map, long addr, byte[] data) {
    for (int off = 0; off < data.length; off += 64) {
      AddressMap.Target t = map.decode(addr + off).orElseThrow();
      BigInteger w = BigInteger.ZERO;
      for (int i = 63; i >= 0; i--) {
        w = w.shiftLeft(8).or(BigInteger.valueOf(data[off + i] & 0xFF));
      }
      sim.writeMemory(SimulatedPlatform.dramPath(t.channel()), (int) (t.local() / 64), new BigInteger[] {w});
    }
  }

  private static byte[] toLittleEndian(BigInteger w, int bytes) {
    byte[] out = new byte[bytes];
    for (int i = 0; i < bytes; i++) {
      out[i] = (byte) w.shiftRight(8 * i).intValue();
    }
    return out;
  }

  /** Fails on a device write longer than Max_Payload_Size or a device read longer than the read limit. */
  static final class RequestSizeChecker implements CycleHook {
    final int mps;
    final int maxRead;
    final Map<String, Integer> largest = new HashMap<>();

    RequestSizeChecker(int mps, int maxRead) {
      this.mps = mps;
      this.maxRead = maxRead;
    }

    @Override
    public void beforeEdge(Simulator sim) {
      if (sim.peek("mon_tx_valid") == 0) {
        return;
      }
      int fmt = (int) sim.peek("mon_tx_fmt_type");
      int bytes = 4 * (int) sim.peek("mon_tx_length_dw");
      boolean write = fmt == 0x40 || fmt == 0x60;
      boolean read = fmt == 0x00 || fmt == 0x20;
      if (write && bytes > mps || read && bytes > maxRead) {
        throw new ProtocolViolation(sim.cycle(), "PCIe", "request-size", (write ? "MWr" : "MRd") + " of " + bytes
            + " bytes exceeds " + (write ? "Max_Payload_Size " + mps : "the read limit " + maxRead));
      }
      if (write || read) {
        largest.merge(write ? "write" : "read", bytes, Math::max);
      }
    }
  }
}
