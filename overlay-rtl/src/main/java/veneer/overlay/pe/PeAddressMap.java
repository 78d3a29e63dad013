package veneer.overlay.pe;

/**
 * The addresses the PE decodes. Instruction memory and scratchpad sizes come from
 * {@link PeConfig}; the rest is fixed.
 *
 * <pre>{@code
 * PeAddressMap.SPM_BASE   // 0x1000_0000
 * }</pre>
 */
public final class PeAddressMap {
  private PeAddressMap() {}

  /** Instruction memory: fetched, and readable as data; never written by the PE. */
  public static final long IMEM_BASE = 0x0000_0000L;
  /** Scratchpad: private to the PE, one-cycle loads and stores. */
  public static final long SPM_BASE = 0x1000_0000L;
  /** Largest instruction memory or scratchpad. */
  public static final long REGION_BYTES = 0x1000_0000L;
  /** Console: a store writes its low byte to the console port; a load reads zero. */
  public static final long CONSOLE = 0x2000_0000L;
  /** Read-only argument block of {@link #ARG_WORDS} words, written by the host. */
  public static final long ARG_BASE = 0x2000_0100L;
  public static final int ARG_WORDS = 64;
  /** Global memory (DRAM), through the AXI4 port, up to the top of the address space. */
  public static final long GLOBAL_BASE = 0x8000_0000L;
}
