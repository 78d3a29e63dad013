package veneer.shell.host;

import java.util.List;
import veneer.shell.pcie.TlpType;

/**
 * One completion TLP as the host received it: status, tag, byte count, lower address and the
 * payload DWs.
 *
 * <pre>{@code
 * Completion c = completions.get(0);
 * if (c.status() == TlpType.CPL_UR) { ... }
 * }</pre>
 */
public record Completion(int fmtType, int status, int tag, int completerId, int byteCount, int lowerAddress,
    int lengthDw, List<Long> data) {
  public Completion {
    data = List.copyOf(data);
  }

  /** Bytes of the request this completion carries (0 without data). */
  public int payloadBytes() {
    return lengthDw == 0 ? 0 : lengthDw * 4 - (lowerAddress & 3);
  }

  @Override
  public String toString() {
    return TlpType.name(fmtType) + " " + TlpType.statusName(status) + " tag=0x" + Integer.toHexString(tag)
        + " len=" + lengthDw + " byteCount=" + byteCount + " lowerAddr=0x" + Integer.toHexString(lowerAddress);
  }
}
