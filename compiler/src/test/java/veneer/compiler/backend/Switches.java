package veneer.compiler.backend;

import veneer.kernel.Kernel;

import static veneer.kernel.WorkItem.globalId;

/** Dense switches that become jump tables, at the edges of their key ranges. */
public final class Switches {
  private Switches() {
  }

  /** Keys 0..7 with a hole and a shared body, inside a loop, so the table's edges carry phis. */
  @Kernel
  public static void loop(int[] a, int[] out) {
    int i = globalId(0);
    int acc = 0;
    for (int k = 0; k < 4; k++) {
      switch ((a[i] >> (3 * k)) & 7) {
        case 0: acc += 1; break;
        case 1: acc *= 3; break;
        case 2:
        case 3: acc -= k; break;
        case 5: acc ^= 0x55; break;
        case 6: acc += a[i]; break;
        case 7: acc = acc << 1; break;
        default: acc--;
      }
    }
    out[i] = acc;
  }

  /** Negative keys with holes; inputs fall in and around the range. */
  @Kernel
  public static void negative(int[] a, int[] out) {
    int i = globalId(0);
    int r;
    switch (a[i] % 9) {
      case -4: r = 40; break;
      case -3: r = 30; break;
      case -1: r = 10; break;
      case 0: r = 0; break;
      case 2: r = -20; break;
      case 4: r = -40; break;
      default: r = 99;
    }
    out[i] = r;
  }

  /** Keys right above Integer.MIN_VALUE (the slot needs a subtraction, not an addi). */
  @Kernel
  public static void nearMin(int[] a, int[] out) {
    int i = globalId(0);
    int r;
    switch (a[i]) {
      case Integer.MIN_VALUE: r = 1; break;
      case Integer.MIN_VALUE + 1: r = 2; break;
      case Integer.MIN_VALUE + 2: r = 3; break;
      case Integer.MIN_VALUE + 4: r = 5; break;
      default: r = 0;
    }
    out[i] = r;
  }

  /** Keys 1000..1005 (slot = v - 1000 by addi). */
  @Kernel
  public static void offset(int[] a, int[] out) {
    int i = globalId(0);
    int r;
    switch (a[i]) {
      case 1000: r = a[i] * 2; break;
      case 1001: r = 7; break;
      case 1002: r = -7; break;
      case 1003: r = a[i] - 1; break;
      case 1005: r = 11; break;
      default: r = -1;
    }
    out[i] = r;
  }
}
