package veneer.shell.dma;

import java.nio.file.Path;
import java.util.Map;
import veneer.sim.waves.VcdReader;

/** Scratch: prints signal histories from a VCD. */
final class DebugWaves {
  static void print(Path vcd, String... patterns) {
    VcdReader r = VcdReader.read(vcd);
    for (String s : r.signals().keySet()) {
      for (String p : patterns) {
        if (s.matches(p)) {
          Map<Long, java.math.BigInteger> h = r.history(s);
          StringBuilder sb = new StringBuilder(s + ":");
          int n = 0;
          for (Map.Entry<Long, java.math.BigInteger> e : h.entrySet()) {
            if (n++ > 40) break;
            sb.append(" ").append(e.getKey()).append("=").append(e.getValue().toString(16));
          }
          System.out.println(sb);
        }
      }
    }
  }
}
