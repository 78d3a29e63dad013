package veneer.compiler.backend;

import veneer.kernel.KernelFailure;

import java.util.ArrayList;
import java.util.List;

/**
 * The table of check sites of one compiled kernel: a trap reports a site index, the host maps it
 * back to kind, file and line. The same table is written into the ELF as
 * {@code __veneer_trap_sites} (two words per site: kind ordinal, line).
 */
public final class TrapSites {
  /** One check: what it traps on and where the Java source has it. */
  public record Site(KernelFailure.Kind kind, String file, int line) {
  }

  private final List<Site> sites = new ArrayList<>();

  /** Registers a site and returns its index. */
  public int add(KernelFailure.Kind kind, String file, int line) {
    sites.add(new Site(kind, file, line));
    return sites.size() - 1;
  }

  public List<Site> sites() {
    return List.copyOf(sites);
  }

  /** Little-endian words kind, line per site. */
  public byte[] table() {
    byte[] b = new byte[Math.max(8, sites.size() * 8)];
    for (int i = 0; i < sites.size(); i++) {
      put(b, i * 8, sites.get(i).kind().ordinal());
      put(b, i * 8 + 4, sites.get(i).line());
    }
    return b;
  }

  private static void put(byte[] b, int at, int v) {
    for (int k = 0; k < 4; k++) {
      b[at + k] = (byte) (v >>> (8 * k));
    }
  }
}
