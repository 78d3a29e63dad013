package veneer.isa.pe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import veneer.isa.Encoder;
import veneer.isa.Opcode;

/** The dispatcher CSRs 0xFC3..0xFC8 of the model: each one, claims, sizes, sources, a kernel loop. */
class PeModelWorkItemTest {
  private static PeModel pe(int threads, int... words) {
    PeModel pe = new PeModel(PeConfig.defaults().withThreads(threads).withPeId(3), new ArrayGlobalMemory(1 << 16));
    ByteBuffer b = ByteBuffer.allocate(words.length * 4).order(ByteOrder.LITTLE_ENDIAN);
    for (int w : words) {
      b.putInt(w);
    }
    pe.writeMemory(0, b.array());
    pe.reset(0);
    return pe;
  }

  private static int read(int rd, int csr) {
    return Encoder.csr(Opcode.CSRRS, rd, csr, 0);
  }

  /** Steps thread {@code t} once, expecting no fault, and returns rd's value. */
  private static int stepValue(PeModel pe, int t, int rd) {
    Retired r = pe.step(t);
    assertNull(r.fault(), "fault " + r.fault());
    return pe.register(t, rd);
  }

  @Test
  void workNextClaimsInOrderAndEndsWithMinusOne() {
    PeModel pe = pe(1, read(5, PeCsr.WORK_NEXT), read(6, PeCsr.WORK_NEXT), read(7, PeCsr.WORK_NEXT),
        read(8, PeCsr.WORK_NEXT));
    CountingWorkItemSource src = new CountingWorkItemSource(2, 1);
    pe.setWorkItemSource(src);
    assertEquals(0, stepValue(pe, 0, 5));
    assertEquals(1, stepValue(pe, 0, 6));
    assertEquals(-1, stepValue(pe, 0, 7));
    assertEquals(-1, stepValue(pe, 0, 8), "stays -1");
    assertEquals(2, src.handedOut());
  }

  @Test
  void globalIdIsMinusOneBeforeTheFirstClaimThenTheClaimedItemThenMinusOneAfterTheEnd() {
    PeModel pe = pe(1, read(5, PeCsr.GLOBAL_ID), read(6, PeCsr.WORK_NEXT), read(7, PeCsr.GLOBAL_ID),
        read(8, PeCsr.WORK_NEXT), read(9, PeCsr.GLOBAL_ID));
    pe.setWorkItemSource(new CountingWorkItemSource(1, 0));
    assertEquals(-1, stepValue(pe, 0, 5));
    assertEquals(0, stepValue(pe, 0, 6));
    assertEquals(0, stepValue(pe, 0, 7));
    assertEquals(-1, stepValue(pe, 0, 8));
    assertEquals(-1, stepValue(pe, 0, 9));
  }

  @Test
  void localAndGroupIdsFollowTheLocalSize() {
    // local size 3: global 0..7 -> local 0,1,2,0,1,2,0,1 and group 0,0,0,1,1,1,2,2
    PeModel pe = pe(1, read(5, PeCsr.WORK_NEXT), read(6, PeCsr.LOCAL_ID), read(7, PeCsr.GROUP_ID),
        Encoder.j(Opcode.JAL, 0, -12));
    pe.setWorkItemSource(new CountingWorkItemSource(8, 3));
    for (int g = 0; g < 8; g++) {
      assertEquals(g, stepValue(pe, 0, 5));
      assertEquals(g % 3, stepValue(pe, 0, 6), "local id of " + g);
      assertEquals(g / 3, stepValue(pe, 0, 7), "group id of " + g);
      pe.step(0);
    }
    assertEquals(-1, stepValue(pe, 0, 5));
    assertEquals(-1, stepValue(pe, 0, 6), "local id after the end");
    assertEquals(-1, stepValue(pe, 0, 7), "group id after the end");
  }

  @Test
  void localAndGroupIdsBeforeTheFirstClaimAreMinusOne() {
    PeModel pe = pe(1, read(6, PeCsr.LOCAL_ID), read(7, PeCsr.GROUP_ID));
    pe.setWorkItemSource(new CountingWorkItemSource(8, 3));
    assertEquals(-1, stepValue(pe, 0, 6));
    assertEquals(-1, stepValue(pe, 0, 7));
  }

  @Test
  void localSizeZeroIsOneGroupOfTheWholeLaunch() {
    assertEquals(new WorkItem(41, 41, 0), WorkItem.of(41, 0));
    assertEquals(new WorkItem(5, 0, 5), WorkItem.of(5, 1));
    assertEquals(WorkItem.NONE, WorkItem.of(-1, 4));
    // unsigned, as the dispatcher's 32-bit counters
    assertEquals(new WorkItem(0x8000_0001, 1, 0x4000_0000), WorkItem.of(0x8000_0001, 2));
  }

  @Test
  void globalSizeAndLocalSizeReadTheSourcesSizes() {
    PeModel pe = pe(1, read(5, PeCsr.GLOBAL_SIZE), read(6, PeCsr.LOCAL_SIZE), Encoder.csr(Opcode.CSRRSI, 7,
        PeCsr.GLOBAL_SIZE, 0));
    pe.setWorkItemSource(new CountingWorkItemSource(0xFFFF_FFF0, 64));
    assertEquals(0xFFFF_FFF0, stepValue(pe, 0, 5));
    assertEquals(64, stepValue(pe, 0, 6));
    assertEquals(0xFFFF_FFF0, stepValue(pe, 0, 7), "csrrsi with uimm 0 reads too");
  }

  @Test
  void theDefaultSourceIsAnEmptyLaunch() {
    PeModel pe = pe(1, read(5, PeCsr.WORK_NEXT), read(6, PeCsr.GLOBAL_SIZE), read(7, PeCsr.LOCAL_SIZE));
    assertEquals(-1, stepValue(pe, 0, 5));
    assertEquals(0, stepValue(pe, 0, 6));
    assertEquals(0, stepValue(pe, 0, 7));
  }

  @Test
  void eachThreadHoldsItsOwnWorkItemAndResetClearsThem() {
    PeModel pe = pe(2, read(5, PeCsr.WORK_NEXT), read(6, PeCsr.GLOBAL_ID));
    pe.setWorkItemSource(new CountingWorkItemSource(10, 4));
    assertEquals(0, stepValue(pe, 1, 5));
    assertEquals(1, stepValue(pe, 0, 5));
    assertEquals(1, stepValue(pe, 0, 6));
    assertEquals(0, stepValue(pe, 1, 6));
    assertEquals(new WorkItem(0, 0, 0), pe.workItem(1));
    pe.reset(0);
    assertEquals(WorkItem.NONE, pe.workItem(0));
    assertEquals(2, stepValue(pe, 1, 5), "reset keeps the source");
  }

  @Test
  void claimsWithRdZeroStillClaimAndTheSourceSeesPeAndThread() {
    List<String> calls = new ArrayList<>();
    WorkItemSource recording = new WorkItemSource() {
      @Override
      public WorkItem claim(int peId, int thread) {
        calls.add(peId + "/" + thread);
        return WorkItem.of(7, 4);
      }

      @Override
      public int globalSize() {
        return 8;
      }

      @Override
      public int localSize() {
        return 4;
      }
    };
    PeModel pe = pe(2, read(0, PeCsr.WORK_NEXT), read(5, PeCsr.LOCAL_ID));
    pe.setWorkItemSource(recording);
    pe.step(1);
    assertEquals(3, stepValue(pe, 1, 5));
    assertEquals(List.of("3/1"), calls);
  }

  @Test
  void writingADispatcherCsrIsIllegalAndDoesNotClaim() {
    for (int csr = PeCsr.WORK_NEXT; csr <= PeCsr.LOCAL_SIZE; csr++) {
      PeModel pe = pe(1, Encoder.csr(Opcode.CSRRS, 5, csr, 1), Encoder.csr(Opcode.CSRRWI, 5, csr, 0));
      CountingWorkItemSource src = new CountingWorkItemSource(4, 0);
      pe.setWorkItemSource(src);
      pe.setRegister(0, 1, 1);
      Retired r = pe.step(0);
      assertEquals(TrapCause.ILLEGAL_INSTRUCTION, r.fault().cause(), "csrrs with rs1 != x0 on 0x" + Integer.toHexString(csr));
      assertEquals(0, src.handedOut());
    }
    PeModel pe = pe(1, Encoder.csr(Opcode.CSRRWI, 5, PeCsr.WORK_NEXT, 0));
    assertEquals(TrapCause.ILLEGAL_INSTRUCTION, pe.step(0).fault().cause(), "csrrwi always writes");
    PeModel reserved = pe(1, read(5, 0xFC9));
    assertEquals(TrapCause.ILLEGAL_INSTRUCTION, reserved.step(0).fault().cause(), "0xFC9 is still reserved");
    assertThrows(IllegalArgumentException.class, () -> reserved.setWorkItemSource(null));
  }

  /** A kernel loop (claim until -1, store local/group of each item) on 4 threads of one model. */
  @Test
  void aWorkItemLoopOnFourThreadsProcessesEveryItemOnce() {
    int out = PeMemoryMap.GLOBAL_BASE;
    int[] words = {
        Encoder.u(Opcode.LUI, 10, out),                 // x10 = out
        read(5, PeCsr.WORK_NEXT),                       // next: x5 = claim
        Encoder.b(Opcode.BLT, 5, 0, 36),                // bltz x5, done
        read(6, PeCsr.LOCAL_ID),
        read(7, PeCsr.GROUP_ID),
        Encoder.i(Opcode.SLLI, 7, 7, 16),
        Encoder.r(Opcode.OR, 7, 7, 6),
        Encoder.i(Opcode.SLLI, 8, 5, 2),
        Encoder.r(Opcode.ADD, 8, 8, 10),
        Encoder.s(Opcode.SW, 8, 7, 0),                  // out[x5] = group << 16 | local
        Encoder.j(Opcode.JAL, 0, -36),                  // j next
        Encoder.encode(Opcode.ECALL, 0, 0, 0, 0),       // done:
    };
    PeModel pe = new PeModel(PeConfig.defaults().withThreads(4), new ArrayGlobalMemory(1 << 16));
    ByteBuffer b = ByteBuffer.allocate(words.length * 4).order(ByteOrder.LITTLE_ENDIAN);
    for (int w : words) {
      b.putInt(w);
    }
    pe.writeMemory(0, b.array());
    pe.reset(0);
    int n = 37;
    pe.setWorkItemSource(new CountingWorkItemSource(n, 5));
    RunResult r = pe.run(100_000);
    assertEquals(RunResult.StopReason.ALL_STOPPED, r.reason());
    Set<ThreadStatus> states = new TreeSet<>();
    for (RunResult.ThreadResult t : r.threads()) {
      states.add(t.status());
    }
    assertEquals(Set.of(ThreadStatus.EXITED), states);
    for (int g = 0; g < n; g++) {
      assertEquals((g / 5) << 16 | (g % 5), pe.readWord(out + 4 * g), "item " + g);
    }
    assertEquals(0, pe.readWord(out + 4 * n), "nothing past the end");
  }
}
