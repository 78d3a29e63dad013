package veneer.shell.host;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import veneer.shell.pcie.TlpType;
import veneer.sim.Simulator;
import veneer.sim.bus.CycleHook;
import veneer.sim.bus.ProtocolViolation;

/**
 * Watches every TLP beat entering ({@code mon_rx}) and leaving ({@code mon_tx}) the endpoint of a
 * {@link HostPlatform} and throws {@link ProtocolViolation} on the first broken rule:
 *
 * <ul>
 *   <li>{@code beats}: a packet has one beat per {@code lanes} payload DW (one without payload), and
 *       {@code last} only on its final beat; {@code header-stable}: header fields do not change
 *       between beats of a packet;
 *   <li>{@code length}: requests are 1 to 1024 DW, DW-aligned; {@code byte-enables}: a one-DW
 *       request has last BE 0, a longer one has non-zero first and last BE; {@code 4k}: no request
 *       crosses a 4 KiB boundary;
 *   <li>{@code tag-reuse}: a non-posted request does not reuse the requester id and tag of one
 *       still outstanding; {@code unexpected-completion}: every completion answers an outstanding
 *       request of the other direction; {@code byte-count}: its Byte Count is what is still owed;
 *       {@code rcb}: a completion that is not the last of its request ends on a read completion
 *       boundary.
 * </ul>
 *
 * <pre>{@code
 * host.simulator().attach(new TlpProtocolChecker(host.simulator(), 256, 64));
 * }</pre>
 */
public final class TlpProtocolChecker implements CycleHook {
  private final Direction down = new Direction("mon_rx", "host-to-device");
  private final Direction up = new Direction("mon_tx", "device-to-host");
  private final int lanes;
  private final int rcbBytes;

  public TlpProtocolChecker(Simulator sim, int dataWidth, int rcbBytes) {
    this.lanes = dataWidth / 32;
    this.rcbBytes = rcbBytes;
    sim.design().top().port("mon_rx_valid").orElseThrow(() -> new IllegalArgumentException(
        "the design has no mon_rx port: attach the TLP checker to a HostPlatform"));
  }

  @Override
  public void beforeEdge(Simulator sim) {
    down.observe(sim, up);
    up.observe(sim, down);
  }

  private final class Direction {
    final String port;
    final String name;
    /** Outstanding non-posted requests sent this way: (requester id << 8 | tag) to bytes still owed. */
    final Map<Integer, Integer> outstanding = new HashMap<>();
    long[] header;
    int beat;

    Direction(String port, String name) {
      this.port = port;
      this.name = name;
    }

    void observe(Simulator sim, Direction other) {
      if (sim.peek(port + "_valid") == 0) {
        return;
      }
      String[] fields = {"fmt_type", "length_dw", "requester_id", "tag", "address", "first_be", "last_be",
          "completer_id", "status", "byte_count", "lower_address"};
      long[] h = new long[fields.length];
      for (int i = 0; i < fields.length; i++) {
        h[i] = sim.peek(port + "_" + fields[i]);
      }
      boolean last = sim.peek(port + "_last") != 0;
      long cycle = sim.cycle();
      if (header != null && !Arrays.equals(header, h)) {
        fail(cycle, "header-stable", "header fields changed inside a packet");
      }
      int fmtType = (int) h[0];
      int len = (int) h[1];
      boolean data = TlpType.hasData(fmtType);
      int beats = data ? (len + lanes - 1) / lanes : 1;
      if (last != (beat == beats - 1)) {
        fail(cycle, "beats", TlpType.name(fmtType) + " of " + len + " DW should have " + beats
            + " beats; last came on beat " + (beat + 1));
      }
      if (beat == 0) {
        firstBeat(cycle, h, other);
      }
      header = last ? null : h;
      beat = last ? 0 : beat + 1;
    }

    void firstBeat(long cycle, long[] h, Direction other) {
      int fmtType = (int) h[0];
      int len = (int) h[1];
      int key = (int) (h[2] << 8 | h[3]);
      int firstBe = (int) h[5];
      int lastBe = (int) h[6];
      String what = TlpType.name(fmtType) + " tag 0x" + Integer.toHexString((int) h[3]);
      boolean memRequest = (fmtType & 0x9F) == 0x00;  // MRd/MWr, 32- or 64-bit
      if (memRequest) {
        long address = h[4];
        if (len < 1 || len > 1024 || (address & 3) != 0) {
          fail(cycle, "length", what + " has length " + len + " DW at 0x" + Long.toHexString(address));
        }
        if (len == 1 ? lastBe != 0 : firstBe == 0 || lastBe == 0) {
          fail(cycle, "byte-enables", what + " of " + len + " DW has first BE 0x" + Integer.toHexString(firstBe)
              + " and last BE 0x" + Integer.toHexString(lastBe));
        }
        if ((address & 0xFFF) + 4L * len > 4096) {
          fail(cycle, "4k", what + " at 0x" + Long.toHexString(address) + " of " + len + " DW crosses 4 KiB");
        }
      }
      boolean nonPosted = fmtType == TlpType.MRD32 || fmtType == TlpType.MRD64 || fmtType == TlpType.CFGRD0
          || fmtType == TlpType.CFGWR0;
      if (nonPosted) {
        if (outstanding.containsKey(key)) {
          fail(cycle, "tag-reuse", what + " reuses a tag that is still outstanding");
        }
        outstanding.put(key, memRequest ? requestBytes(len, firstBe, lastBe) : 4);
      }
      if (TlpType.isCompletion(fmtType)) {
        Integer owed = other.outstanding.get(key);
        if (owed == null) {
          fail(cycle, "unexpected-completion", what + " for requester 0x" + Integer.toHexString((int) h[2])
              + " answers no outstanding request");
        }
        int byteCount = (int) h[9];
        int status = (int) h[8];
        if (status != TlpType.CPL_SC) {
          other.outstanding.remove(key);
          return;
        }
        if (byteCount != owed) {
          fail(cycle, "byte-count", what + " says " + byteCount + " bytes remain; " + owed + " do");
        }
        int lower = (int) h[10];
        int payload = TlpType.hasData(fmtType) ? len * 4 - (lower & 3) : byteCount;
        if (payload >= byteCount) {
          other.outstanding.remove(key);
        } else {
          if ((lower + payload) % rcbBytes != 0) {
            fail(cycle, "rcb", what + " ends at lower address 0x" + Integer.toHexString(lower + payload)
                + ", not on a " + rcbBytes + "-byte boundary, yet " + (byteCount - payload) + " bytes remain");
          }
          other.outstanding.put(key, byteCount - payload);
        }
      }
    }

    private void fail(long cycle, String rule, String detail) {
      throw new ProtocolViolation(cycle, "PCIe TLP (" + name + ")", rule, detail);
    }
  }

  /** The Byte Count a read request starts with. */
  static int requestBytes(int len, int firstBe, int lastBe) {
    int low = Integer.numberOfTrailingZeros(firstBe | 0x10);
    if (len == 1) {
      return firstBe == 0 ? 1 : 32 - Integer.numberOfLeadingZeros(firstBe) - low;
    }
    int high = 32 - Integer.numberOfLeadingZeros(lastBe);
    return len * 4 - low - (4 - high);
  }
}
