package veneer.overlay.bench;

import java.util.LinkedHashMap;
import java.util.Map;
import veneer.hdl.Elaborator;
import veneer.overlay.array.ArrayConfig;
import veneer.overlay.array.PeArray;
import veneer.overlay.memory.CoalescerConfig;
import veneer.overlay.pe.Pe;
import veneer.overlay.pe.PeConfig;

/**
 * The designs {@code ./veneer bench pe} synthesizes with {@link XilinxArea}, and their
 * parameters: one PE at full size, and a PE array small enough for Yosys to finish in about a
 * minute of CPU time (the full 4-PE array with 16 KiB memories took over four minutes).
 *
 * <pre>{@code
 * AreaBenchmark.Synthesized pe = AreaBenchmark.pe();
 * System.out.println(pe.description() + ": " + pe.area().luts() + " LUTs");
 * }</pre>
 */
public final class AreaBenchmark {
  /** Threads of the synthesized PE (and of each PE of the synthesized array). */
  public static final int THREADS = 8;
  /** IMEM and scratchpad words of the synthesized PE (16 KiB each). */
  public static final int PE_MEMORY_WORDS = 4096;
  /** PEs of the synthesized array. */
  public static final int ARRAY_PES = 2;
  /** IMEM and scratchpad words per PE of the synthesized array (1 KiB each). */
  public static final int ARRAY_MEMORY_WORDS = 256;

  private AreaBenchmark() {}

  /**
   * One synthesized design.
   *
   * @param description what was synthesized, for people
   * @param parameters the design's parameters, for the JSON output (insertion-ordered)
   * @param area what Yosys made of it
   */
  public record Synthesized(String description, Map<String, Object> parameters, XilinxArea.Result area) {}

  /** One PE: {@link #THREADS} threads, 16 KiB IMEM and 16 KiB scratchpad. */
  public static Synthesized pe() {
    PeConfig c = PeConfig.of(THREADS, 0, PE_MEMORY_WORDS, PE_MEMORY_WORDS);
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("threads", THREADS);
    p.put("imem_words", PE_MEMORY_WORDS);
    p.put("spm_words", PE_MEMORY_WORDS);
    return withLutRam(String.format("one PE, %d threads, %d KiB IMEM + %d KiB scratchpad", THREADS,
        PE_MEMORY_WORDS / 256, PE_MEMORY_WORDS / 256), p, XilinxArea.of(Elaborator.elaborate(new Pe(c))));
  }

  /**
   * A {@link PeArray} of {@link #ARRAY_PES} PEs x {@link #THREADS} threads with
   * {@link #ARRAY_MEMORY_WORDS}-word memories, the default coalescer, dispatcher and control port.
   */
  public static Synthesized array() {
    ArrayConfig c = new ArrayConfig(ARRAY_PES, THREADS, ARRAY_MEMORY_WORDS, ARRAY_MEMORY_WORDS,
        CoalescerConfig.forThreads(THREADS));
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("pes", ARRAY_PES);
    p.put("threads_per_pe", THREADS);
    p.put("imem_words", ARRAY_MEMORY_WORDS);
    p.put("spm_words", ARRAY_MEMORY_WORDS);
    return withLutRam(String.format("PE array, %d PEs x %d threads, %d KiB IMEM + %d KiB scratchpad per PE,"
        + " coalescers, dispatcher and control port", ARRAY_PES, THREADS, ARRAY_MEMORY_WORDS / 256,
        ARRAY_MEMORY_WORDS / 256), p, XilinxArea.of(Elaborator.elaborate(new PeArray(c))));
  }

  /**
   * The LUTs figure counts LUTs used as logic only; the description says how many more hold
   * distributed RAM, so that moving state into LUT RAM does not hide it.
   */
  private static Synthesized withLutRam(String description, Map<String, Object> parameters, XilinxArea.Result area) {
    return new Synthesized(description + "; LUTs as logic, plus " + area.lutsAsMemory() + " LUTs as distributed RAM",
        parameters, area);
  }
}
