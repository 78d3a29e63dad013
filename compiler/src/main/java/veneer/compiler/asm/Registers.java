package veneer.compiler.asm;

import veneer.isa.CsrNames;

import java.util.HashMap;
import java.util.Map;

/** Register and CSR names as GNU as accepts them. */
final class Registers {
  private static final Map<String, Integer> REGS = new HashMap<>();
  private static final Map<String, Integer> CSRS = new HashMap<>();

  static {
    String[] abi = {"zero", "ra", "sp", "gp", "tp", "t0", "t1", "t2", "s0", "s1", "a0", "a1", "a2", "a3", "a4", "a5",
      "a6", "a7", "s2", "s3", "s4", "s5", "s6", "s7", "s8", "s9", "s10", "s11", "t3", "t4", "t5", "t6"};
    for (int i = 0; i < 32; i++) {
      REGS.put("x" + i, i);
      REGS.put(abi[i], i);
    }
    REGS.put("fp", 8);
    for (int c = 0; c < 4096; c++) {
      String n = CsrNames.name(c);
      if (n != null) {
        CSRS.put(n, c);
      }
    }
  }

  private Registers() {
  }

  /** Register number of {@code name}, or -1. */
  static int register(String name) {
    return name == null ? -1 : REGS.getOrDefault(name, -1);
  }

  /** CSR number of a standard CSR name, or -1. */
  static int csr(String name) {
    return name == null ? -1 : CSRS.getOrDefault(name, -1);
  }
}
