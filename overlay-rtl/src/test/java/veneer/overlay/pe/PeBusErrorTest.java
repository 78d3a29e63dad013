package veneer.overlay.pe;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import veneer.compiler.asm.Assembler;
import veneer.sim.Backend;
import veneer.sim.Simulator;
import veneer.sim.Simulators;

/**
 * Bus errors (an AXI SLVERR on a global load or store) stop their thread with an access fault
 * naming the access's pc and address, on the stop port and on the status port, while S3 keeps
 * retiring other threads' instructions. The reference model has no bus errors, so lockstep does
 * not cover this path: the expected values are written out here.
 */
class PeBusErrorTest {
  private static final int THREADS = 4;
  private static final int LATENCY = 6;
  private static final long SLVERR = 2;
  // Every thread works at 0x8000_0000 + 256 * tid: an OK load, an OK store, a halfword load, a
  // store and a few more instructions, then exits with tid + 40. Thread 0's halfword load and
  // thread 1's store (the second one, in a loop) get SLVERR.
  private static final String PROGRAM = """
      _start:
        csrr a0, 0xFC0
        slli a1, a0, 8
        lui t0, 0x80000
        add t0, t0, a1
        lw a2, 4(t0)
        addi a3, a2, 1
        sw a3, 8(t0)
        li s0, 3
      loop:
      load_18:
        lh a4, 18(t0)
        add a5, a4, a3
      store_12:
        sw a5, 12(t0)
        addi s0, s0, -1
        bnez s0, loop
        addi a0, a0, 40
      exit:
        ecall
      """;
  private static final long ERROR_LOAD = 0x8000_0012L;
  private static final long ERROR_STORE = 0x8000_010CL;

  private record Request(long id, long addr, boolean write, long readyAt) {}

  private record Stop(long thread, long state, long cause, long pc, long value) {}

  @ParameterizedTest(name = "{0}")
  @EnumSource(value = Backend.class, names = {"JVM", "VERILATOR"})
  void aBusErrorStopsItsThreadWithThePcAndAddressOfTheAccess(Backend backend) {
    Assembler.Result program = Assembler.assemble(PROGRAM, "bus_error.s");
    int[] text = program.textWords();
    long lhPc = program.symbols().get("load_18");
    long swPc = program.symbols().get("store_12");
    long exitPc = program.symbols().get("exit");
    try (Simulator sim = Simulators.open(new Pe(THREADS, 0, 64, 64), backend)) {
      sim.reset(2);
      PeHost.loadAndStart(sim, text);
      List<Stop> stops = runWithResponder(sim);

      List<Stop> expected = List.of(
          new Stop(0, ThreadState.FAULT.ordinal(), 5, lhPc, ERROR_LOAD),
          new Stop(1, ThreadState.FAULT.ordinal(), 7, swPc, ERROR_STORE),
          new Stop(2, ThreadState.EXITED.ordinal(), 11, exitPc, 42),
          new Stop(3, ThreadState.EXITED.ordinal(), 11, exitPc, 43));
      stops.sort((x, y) -> Long.compare(x.thread(), y.thread()));
      assertEquals(expected, stops, "stop port events");
      for (Stop s : expected) {
        sim.poke("status_thread", s.thread());
        sim.step();
        assertEquals(s, new Stop(s.thread(), sim.peek("status_state"), sim.peek("status_cause"),
            sim.peek("status_pc"), sim.peek("status_value")), "status of thread " + s.thread());
      }
    }
  }

  /** Runs until done, answering global accesses (in order, after LATENCY cycles); the stop events. */
  private static List<Stop> runWithResponder(Simulator sim) {
    Deque<Request> reads = new ArrayDeque<>();
    Deque<Request> writes = new ArrayDeque<>();
    Deque<long[]> writeAddresses = new ArrayDeque<>();
    List<Stop> stops = new ArrayList<>();
    int writeBeats = 0;
    sim.poke("mem_ar_ready", 1);
    sim.poke("mem_aw_ready", 1);
    sim.poke("mem_w_ready", 1);
    for (int cycle = 0; cycle < 5_000 && sim.peek("done") == 0; cycle++) {
      long now = sim.cycle();
      Request r = reads.isEmpty() || reads.peekFirst().readyAt() > now ? null : reads.peekFirst();
      Request b = writes.isEmpty() || writes.peekFirst().readyAt() > now ? null : writes.peekFirst();
      sim.poke("mem_r_valid", r != null ? 1 : 0);
      sim.poke("mem_r_id", r != null ? r.id() : 0);
      sim.poke("mem_r_data", r != null ? (r.addr() * 7 + 1) & 0xFFFF_FFFFL : 0);
      sim.poke("mem_r_resp", r != null && (r.addr() & ~3L) == (ERROR_LOAD & ~3L) ? SLVERR : 0);
      sim.poke("mem_r_last", 1);
      sim.poke("mem_b_valid", b != null ? 1 : 0);
      sim.poke("mem_b_id", b != null ? b.id() : 0);
      sim.poke("mem_b_resp", b != null && b.addr() == ERROR_STORE ? SLVERR : 0);
      if (sim.peek("stop_valid") == 1) {
        stops.add(new Stop(sim.peek("stop_thread"), sim.peek("stop_state"), sim.peek("stop_cause"),
            sim.peek("stop_pc"), sim.peek("stop_value")));
      }
      if (r != null && sim.peek("mem_r_ready") == 1) {
        reads.removeFirst();
      }
      if (b != null && sim.peek("mem_b_ready") == 1) {
        writes.removeFirst();
      }
      if (sim.peek("mem_ar_valid") == 1) {
        reads.addLast(new Request(sim.peek("mem_ar_id"), sim.peek("mem_ar_addr"), false, now + LATENCY));
      }
      if (sim.peek("mem_aw_valid") == 1) {
        writeAddresses.addLast(new long[] {sim.peek("mem_aw_id"), sim.peek("mem_aw_addr")});
      }
      if (sim.peek("mem_w_valid") == 1) {
        writeBeats++;
      }
      // (Single-beat writes: the response is due once both the address and the data are in.)
      while (writeBeats > 0 && !writeAddresses.isEmpty()) {
        long[] aw = writeAddresses.removeFirst();
        writeBeats--;
        writes.addLast(new Request(aw[0], aw[1], true, now + LATENCY));
      }
      sim.step();
    }
    assertEquals(1, sim.peek("done"), "the PE finishes");
    return stops;
  }
}
