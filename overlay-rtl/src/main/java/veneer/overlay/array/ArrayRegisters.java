package veneer.overlay.array;

import java.util.ArrayList;
import java.util.List;
import veneer.hdl.bus.RegisterDecl;
import veneer.overlay.memory.ArrayMemory;
import veneer.overlay.pe.PerfCounters;

/**
 * The control register map of the PE array (AXI4-Lite, 32-bit): registers below
 * {@link #ARGS_WINDOW}, then the write-only argument and IMEM windows. The list is the single
 * source for the register file, the host-side driver and the table in docs/overlay-array.md.
 *
 * <pre>{@code
 * long off = ArrayRegisters.offsetOf("global_size");
 * System.out.println(ArrayRegisters.toMarkdown());
 * }</pre>
 */
public final class ArrayRegisters {
  /** Bits of byte address on the control port. */
  public static final int ADDR_WIDTH = 17;
  /** Bits of byte address that reach the register file. */
  public static final int REGISTER_ADDR_WIDTH = 12;
  /** Identifies the array on the control port: "VPEA". */
  public static final long MAGIC = 0x5650_4541L;
  /** Writes here go to word (offset - ARGS_WINDOW) / 4 of every PE's argument block. */
  public static final long ARGS_WINDOW = 0x1000;
  /** Bytes of the argument window (64 words). */
  public static final long ARGS_WINDOW_BYTES = 0x100;
  /** Writes here go to word (offset - IMEM_WINDOW) / 4 of every PE's instruction memory. */
  public static final long IMEM_WINDOW = 0x1_0000;
  /** Bytes of the IMEM window. */
  public static final long IMEM_WINDOW_BYTES = 0x1_0000;
  /** First of the summed performance counters (lo, hi per event, in PerfCounters.EVENTS order). */
  public static final long PERF_SUM = 0x080;
  /** First of the selected PE's performance counters. */
  public static final long PERF_PE = 0x0C0;
  /** First of the memory counters. */
  public static final long MEM_COUNTERS = 0x100;
  /** Memory counter names, in order from {@link #MEM_COUNTERS}. */
  public static final List<String> MEM_EVENTS = List.of("pe_reads", "pe_writes", "line_reads", "line_writes");

  private static final List<ArrayRegister> REGISTERS = build();

  private ArrayRegisters() {}

  /** Every register, in offset order. */
  public static List<ArrayRegister> all() {
    return REGISTERS;
  }

  /** The declarations, for the register file. */
  public static List<RegisterDecl> decls() {
    return REGISTERS.stream().map(ArrayRegister::decl).toList();
  }

  /** The byte offset of register {@code name}. */
  public static long offsetOf(String name) {
    for (ArrayRegister r : REGISTERS) {
      if (r.name().equals(name)) {
        return r.offset();
      }
    }
    throw new IllegalArgumentException("no register '" + name + "' in the PE array's control map; registers are "
        + REGISTERS.stream().map(ArrayRegister::name).toList());
  }

  private static List<ArrayRegister> build() {
    List<ArrayRegister> r = new ArrayList<>();
    r.add(new ArrayRegister(RegisterDecl.readOnly("id", 0x000, 32), "0x56504541 (\"VPEA\"): this is a PE array."));
    r.add(new ArrayRegister(RegisterDecl.readOnly("shape", 0x004, 32),
        "[7:0] PEs, [15:8] threads per PE, [31:16] IMEM words / 16."));
    r.add(new ArrayRegister(RegisterDecl.pulse("control", 0x008, 1),
        "Write 1 to start a launch (ignored while busy): every thread of every PE starts at `entry_pc`,"
            + " the dispatcher, the error summary and the counters are cleared."));
    r.add(new ArrayRegister(RegisterDecl.readOnly("status", 0x00C, 5),
        "[0] busy (some thread running or some posted store not yet written), [1] done (a launch ran,"
            + " every thread stopped and every store is in memory), [2] error (some thread stopped by a"
            + " fault or EBREAK), [3] sweeping (some PE is still clearing its scoreboard after reset,"
            + " 8 x threads cycles: a start now waits for it; 0 ever after), [4] write error (since start, a line write came back with an error"
            + " after its stores were answered; sticky). `done` is also the `irq` output."));
    r.add(new ArrayRegister(RegisterDecl.readWrite("entry_pc", 0x010, 32, 0), "Start address of every thread."));
    r.add(new ArrayRegister(RegisterDecl.readWrite("global_size", 0x014, 32, 0), "Work-items in the launch."));
    r.add(new ArrayRegister(RegisterDecl.readWrite("local_size", 0x018, 32, 1),
        "Work-items per work-group (0: one group)."));
    r.add(new ArrayRegister(RegisterDecl.readOnly("dispatched", 0x01C, 32), "Work-items handed out so far."));
    r.add(new ArrayRegister(RegisterDecl.readOnly("error_count", 0x020, 16),
        "Threads stopped by a fault or EBREAK since start."));
    r.add(new ArrayRegister(RegisterDecl.readOnly("error_where", 0x024, 32),
        "First error: [31] valid, [15:8] PE, [7:0] thread."));
    r.add(new ArrayRegister(RegisterDecl.readOnly("error_cause", 0x028, 16),
        "First error: [10:8] thread state (3 BREAK, 4 FAULT), [4:0] mcause."));
    r.add(new ArrayRegister(RegisterDecl.readOnly("error_pc", 0x02C, 32), "First error: pc."));
    r.add(new ArrayRegister(RegisterDecl.readOnly("error_value", 0x030, 32), "First error: mtval."));
    r.add(new ArrayRegister(RegisterDecl.readWrite("thread_select", 0x040, 16, 0),
        "Thread shown at 0x044..0x050: [15:8] PE, [7:0] thread."));
    r.add(new ArrayRegister(RegisterDecl.readOnly("thread_state", 0x044, 3),
        "Selected thread's state: 0 IDLE, 1 RUNNING, 2 EXITED, 3 BREAK, 4 FAULT."));
    r.add(new ArrayRegister(RegisterDecl.readOnly("thread_cause", 0x048, 5), "Selected thread's mcause."));
    r.add(new ArrayRegister(RegisterDecl.readOnly("thread_pc", 0x04C, 32), "Selected thread's stop pc."));
    r.add(new ArrayRegister(RegisterDecl.readOnly("thread_value", 0x050, 32),
        "Selected thread's exit code (a0 at ECALL) or mtval."));
    r.add(new ArrayRegister(RegisterDecl.readWrite("perf_select", 0x060, 8, 0),
        "PE whose counters appear at 0x0C0.."));
    r.add(new ArrayRegister(RegisterDecl.readOnly("cycles_lo", 0x070, 32), "Cycles the array was busy since start, low word."));
    r.add(new ArrayRegister(RegisterDecl.readOnly("cycles_hi", 0x074, 16), "High bits."));
    for (int i = 0; i < PerfCounters.EVENTS.size(); i++) {
      String e = PerfCounters.EVENTS.get(i);
      r.add(new ArrayRegister(RegisterDecl.readOnly("sum_" + e + "_lo", PERF_SUM + 8L * i, 32),
          "`" + e + "` summed over all PEs, low word."));
      r.add(new ArrayRegister(RegisterDecl.readOnly("sum_" + e + "_hi", PERF_SUM + 8L * i + 4, 32), "High bits."));
    }
    for (int i = 0; i < PerfCounters.EVENTS.size(); i++) {
      String e = PerfCounters.EVENTS.get(i);
      r.add(new ArrayRegister(RegisterDecl.readOnly("pe_" + e + "_lo", PERF_PE + 8L * i, 32),
          "`" + e + "` of PE `perf_select`, low word."));
      r.add(new ArrayRegister(RegisterDecl.readOnly("pe_" + e + "_hi", PERF_PE + 8L * i + 4, 32), "High bits."));
    }
    for (int i = 0; i < MEM_EVENTS.size(); i++) {
      String e = MEM_EVENTS.get(i);
      r.add(new ArrayRegister(RegisterDecl.readOnly("mem_" + e + "_lo", MEM_COUNTERS + 8L * i, 32),
          memDescription(e) + ", low word."));
      r.add(new ArrayRegister(RegisterDecl.readOnly("mem_" + e + "_hi", MEM_COUNTERS + 8L * i + 4, 32), "High bits."));
    }
    if (ArrayMemory.COUNTER_WIDTH > 64) {
      throw new AssertionError("memory counters wider than two registers");
    }
    return List.copyOf(r);
  }

  private static String memDescription(String e) {
    switch (e) {
      case "pe_reads":
        return "Loads the PEs sent to global memory";
      case "pe_writes":
        return "Stores the PEs sent to global memory";
      case "line_reads":
        return "64-byte line reads on `mem` (loads after read combining)";
      case "line_writes":
        return "64-byte line writes on `mem` (stores after write combining)";
      default:
        throw new IllegalArgumentException(e);
    }
  }

  /** The map as a Markdown table, windows included. */
  public static String toMarkdown() {
    StringBuilder sb = new StringBuilder();
    sb.append("| Offset | Name | Bits | Access | Reset | Description |\n");
    sb.append("| --- | --- | --- | --- | --- | --- |\n");
    for (ArrayRegister r : REGISTERS) {
      RegisterDecl d = r.decl();
      String access = d.access() == RegisterDecl.Access.READ_WRITE ? "RW"
          : d.access() == RegisterDecl.Access.READ_ONLY ? "RO" : "W1P";
      sb.append(String.format("| 0x%05X | `%s` | %d | %s | %s | %s |%n", d.offset(), d.name(), d.width(), access,
          d.access() == RegisterDecl.Access.READ_WRITE ? "0x" + Long.toHexString(d.resetValue()) : "-",
          r.description()));
    }
    sb.append(String.format("| 0x%05X | `args[0..63]` | 32 | WO | - | Argument block window: word i goes to"
        + " word i of every PE's argument block. Reads answer SLVERR. |%n", ARGS_WINDOW));
    sb.append(String.format("| 0x%05X | `imem[...]` | 32 | WO | - | IMEM window: word i goes to word i of every"
        + " PE's instruction memory (load only while idle). Reads answer SLVERR. |%n", IMEM_WINDOW));
    return sb.toString();
  }
}
