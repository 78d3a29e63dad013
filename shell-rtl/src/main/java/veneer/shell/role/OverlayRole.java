package veneer.shell.role;

import veneer.hdl.Bundle;
import veneer.hdl.Data;
import veneer.overlay.array.ArrayConfig;
import veneer.overlay.array.ArrayRegisters;
import veneer.overlay.array.PeArray;

/**
 * The overlay as a Role: a {@link PeArray} behind the partition boundary, so one Shell serves
 * both kernels compiled for the overlay and RTL user logic ({@link VectorAddKernel}). PF1 BAR0
 * is the array's control map unchanged (its id {@link #KERNEL_ID} at offset 0, the argument
 * window at 0x1000, the IMEM window at 0x10000; docs/overlay-array.md); the array's global
 * memory is the Shell's DRAM through DRAM port 0, PE address {@code 0x8000_0000 + d} being DRAM
 * address {@code d} ({@link GlobalMemoryBridge}); interrupt line 0 is the array's status.done.
 * docs/overlay-role.md has the whole host sequence.
 *
 * <pre>{@code
 * new VariantSpec(3, OverlayRole::new)                                   // the default array
 * new VariantSpec(3, p -> new OverlayRole(p, ArrayConfig.of(8, 16)))     // another shape
 * }</pre>
 *
 * <p>The Role's control window must be at least the array's 17 bits (128 KiB).
 */
public final class OverlayRole extends RoleVariant {
  /** What offset 0 reads: the array's identity, "VPEA". */
  public static final long KERNEL_ID = ArrayRegisters.MAGIC;
  /**
   * PEs of the platform's array ({@link #DEFAULT_ARRAY}); a constant so that the
   * {@code @Param} default of {@code SimulatedPlatform} follows it. Changing the default overlay
   * is changing this line (docs/overlay-role.md, "A larger default overlay").
   */
  public static final int DEFAULT_PES = 32;
  /**
   * The platform's array: {@link #DEFAULT_PES} PEs x 8 threads, 4096 words (16 KiB) of IMEM and
   * of scratchpad per PE, the sizes the kernel compiler assumes ({@code CompileOptions.defaults()},
   * {@code PeMemoryMap.SCRATCHPAD_DEFAULT_BYTES}). What {@code sim:jvm}, {@code sim:verilator},
   * the demo and {@code bench e2e} run on.
   */
  public static final ArrayConfig DEFAULT_ARRAY = ArrayConfig.of(DEFAULT_PES, 8);
  /**
   * The array of tests that need an overlay but not the default one: 4 PEs x 8 threads, fixed,
   * so the test suites' time does not grow when {@link #DEFAULT_ARRAY} does. Tests about the
   * default itself (the demo, the default device URI) keep {@link #DEFAULT_ARRAY}.
   *
   * <pre>{@code
   * new SimulatedPlatform(SimulatedPlatform.Params.defaults(OverlayRole.TEST_ARRAY))
   * Veneer.open(SimLinkProvider.uri(Backend.JVM, OverlayRole.TEST_ARRAY))   // "sim:jvm?overlay=4x8"
   * }</pre>
   */
  public static final ArrayConfig TEST_ARRAY = ArrayConfig.of(4, 8);
  /** Original IDs queued per Role ID and direction when the array's IDs are wider than the Role's. */
  public static final int ID_QUEUE_DEPTH = 4;

  public final ArrayConfig array;

  /** The overlay with {@link #DEFAULT_ARRAY}. */
  public OverlayRole(RoleParams p) {
    this(p, DEFAULT_ARRAY);
  }

  public OverlayRole(RoleParams p, ArrayConfig array) {
    this(p, array, ID_QUEUE_DEPTH);
  }

  /** @param idQueueDepth see {@link GlobalMemoryBridge}: original IDs queued per Role ID and direction */
  public OverlayRole(RoleParams p, ArrayConfig array, int idQueueDepth) {
    super("OverlayRole", p);
    this.array = array;
    PeArray pes = instance("array", new PeArray(array));

    ArrayControlPort ctrl = instance("ctrl_port", new ArrayControlPort(p.ctrlAddrWidth()));
    Bundle.connect(role.ctrl, ctrl.s);
    Bundle.connect(ctrl.m, pes.ctrl);

    GlobalMemoryBridge bridge = instance("bridge", new GlobalMemoryBridge(pes.mem.params, p.dram(), idQueueDepth));
    Bundle.connect(pes.mem, bridge.s);
    Bundle.connect(bridge.m, role.dram(0));
    for (int i = 1; i < p.dramPorts(); i++) {
      tieOff(role.dram(i), true);
    }
    role.irq.assign(pes.irq.asBits().resize(p.interrupts()));
  }

  /** Drives every signal this Role produces on {@code b} with 0: no request, no READY. */
  private static void tieOff(Bundle b, boolean forward) {
    for (Bundle.Field f : b.fields()) {
      boolean mine = forward == f.forward();
      if (f.value() instanceof Bundle nested) {
        tieOff(nested, mine);
      } else if (mine) {
        ((Data<?>) f.value()).assign(0);
      }
    }
  }
}
