package veneer.overlay.pe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import veneer.compiler.asm.Assembler;
import veneer.sim.Backend;
import veneer.sim.Simulator;
import veneer.sim.Simulators;

/**
 * A PC that leaves the instruction memory: a jump or branch to a target past its end (or below
 * 0, or far above), an instruction that falls off its last word, and a bad entry pc (outside or
 * misaligned). Every thread must stop with the fetch fault of the model (cause 1 outside, 0
 * misaligned; pc and tval the full 32-bit pc it would have fetched), on the stop port and the
 * status port, after the jump itself retired with its link. The PE has 64 words of IMEM (its
 * end is 0x100), so programs can reach the end. PeFaultTest covers the same with lockstep.
 */
class PePcFaultTest {
  private static final int THREADS = 4;
  private static final int IMEM_WORDS = 64;
  private static final long END = 4L * IMEM_WORDS;
  private static final int FETCH_MISALIGNED = 0;
  private static final int FETCH_ACCESS = 1;

  private record Stop(long thread, long state, long cause, long pc, long value) {}

  /** A program (at IMEM word 0), the entry pc, the stop every thread must reach, the jump's label. */
  private record Case(String name, String program, long entry, long state, long cause, long pc, long value,
      String jumpLabel) {}

  // Words 0..2 (an ECALL exits with a0), then the case's code at word `at`.
  private static String at(int word, String code) {
    return "nop\nnop\necall\n.space " + (4 * word - 12) + "\n" + code;
  }

  private static Case fault(String name, String program, long entry, int cause, long pc, String jump) {
    return new Case(name, program, entry, ThreadState.FAULT.ordinal(), cause, pc, pc, jump);
  }

  private static List<Case> cases() {
    List<Case> cs = new ArrayList<>();
    cs.add(fault("jalr just past the end", "li t0, 0x100\njump: jalr ra, 0(t0)\n", 0, FETCH_ACCESS, END, "jump"));
    cs.add(fault("jalr far, odd target", "li t0, 0x80000101\njump: jalr ra, 0(t0)\n", 0, FETCH_ACCESS,
        0x8000_0100L, "jump"));
    cs.add(fault("jal below 0", "nop\njump: jal ra, -8\n", 0, FETCH_ACCESS, 0xFFFF_FFFCL, "jump"));
    cs.add(fault("taken branch at the last word", at(62, "addi a0, a0, 1\njump: beq x0, x0, 8\n"), 4 * 62,
        FETCH_ACCESS, END + 4, "jump"));
    cs.add(fault("falls off the last word", at(61, "addi a0, a0, 1\naddi a0, a0, 1\njump: bne x0, x0, -8\n"),
        4 * 61, FETCH_ACCESS, END, "jump"));
    // A jump on the last word that stays inside does not fault (to the ECALL at word 2).
    cs.add(new Case("jump back from the last word", at(62, "li a0, 7\njal x0, " + (8 - 4 * 63) + "\n"), 4 * 62,
        ThreadState.EXITED.ordinal(), 11, 8, 7, null));
    cs.add(fault("entry misaligned", at(3, ""), 2, FETCH_MISALIGNED, 2, null));
    cs.add(fault("entry past the end", at(3, ""), END, FETCH_ACCESS, END, null));
    cs.add(fault("entry far and misaligned", at(3, ""), 0x8000_0002L, FETCH_MISALIGNED, 0x8000_0002L, null));
    cs.add(fault("entry below 0", at(3, ""), 0xFFFF_FFFCL, FETCH_ACCESS, 0xFFFF_FFFCL, null));
    // A faulting fetch still reads an IMEM word (word 0 for both pcs here): a jump whose target
    // from the bad pc is aligned must not become the stop pc.
    cs.add(fault("entry misaligned onto a jump", "jal x0, 14\n", 2, FETCH_MISALIGNED, 2, null));
    cs.add(fault("entry past the end onto a jump", "jal x0, 8\n", END, FETCH_ACCESS, END, null));
    // After the bad entries, a good one starts every thread there.
    cs.add(new Case("entry at 12 after bad entries", at(3, "li a0, 5\necall\n"), 12, ThreadState.EXITED.ordinal(), 11,
        16, 5, null));
    return cs;
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(value = Backend.class, names = {"JVM", "VERILATOR"})
  void aPcOutsideTheInstructionMemoryFaultsWithItsFullValue(Backend backend) {
    try (Simulator sim = Simulators.open(new Pe(THREADS, 0, IMEM_WORDS, 64), backend)) {
      sim.reset(2);
      sim.runUntil(() -> sim.peek("start_ready") == 1, 10_000);
      for (Case c : cases()) {
        Assembler.Result program = Assembler.assemble(c.program(), "pc_fault.s");
        int[] text = program.textWords();
        assertTrue(text.length <= IMEM_WORDS, c.name() + ": the program fits the IMEM");
        PeHost.loadImem(sim, Arrays.copyOf(text, IMEM_WORDS));
        PeHost.awaitStartReady(sim);
        PeHost.start(sim, c.entry());
        List<Stop> stops = new ArrayList<>();
        List<Long> jumpsRetired = new ArrayList<>();
        long jumpPc = c.jumpLabel() == null ? -1 : program.symbols().get(c.jumpLabel());
        for (int cycle = 0; cycle < 2_000 && sim.peek("done") == 0; cycle++) {
          if (sim.peek("retire_valid") == 1 && sim.peek("retire_pc") == jumpPc) {
            jumpsRetired.add(sim.peek("retire_thread"));
            boolean links = (sim.peek("retire_insn") & 0x7F) != 0x63 && ((sim.peek("retire_insn") >> 7) & 0x1F) != 0;
            if (links) {
              assertEquals(1, sim.peek("retire_we"), c.name() + ": the jump writes its link");
              assertEquals(jumpPc + 4, sim.peek("retire_value"), c.name() + ": the link");
            }
          }
          if (sim.peek("stop_valid") == 1) {
            stops.add(new Stop(sim.peek("stop_thread"), sim.peek("stop_state"), sim.peek("stop_cause"),
                sim.peek("stop_pc"), sim.peek("stop_value")));
            if (jumpPc >= 0) {
              assertTrue(jumpsRetired.contains(sim.peek("stop_thread")),
                  c.name() + ": thread " + sim.peek("stop_thread") + " retired its jump before it stopped");
            }
          }
          sim.step();
        }
        assertEquals(1, sim.peek("done"), c.name() + ": the PE finishes");
        List<Stop> expected = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
          expected.add(new Stop(t, c.state(), c.cause(), c.pc(), c.value()));
        }
        stops.sort((x, y) -> Long.compare(x.thread(), y.thread()));
        assertEquals(expected, stops, c.name() + ": stop port events");
        for (Stop s : expected) {
          sim.poke("status_thread", s.thread());
          sim.step();
          assertEquals(s, new Stop(s.thread(), sim.peek("status_state"), sim.peek("status_cause"),
              sim.peek("status_pc"), sim.peek("status_value")), c.name() + ": status of thread " + s.thread());
        }
        if (jumpPc >= 0) {
          assertEquals(THREADS, jumpsRetired.size(), c.name() + ": every thread retired the jump " + jumpsRetired);
        }
      }
    }
  }
}
