package veneer.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import veneer.compiler.backend.ArgumentLayout;
import veneer.compiler.backend.TrapSites;
import veneer.kernel.KernelFailure;
import veneer.kernel.WorkRange;

/**
 * The runtime's side of a launch against a device double: what goes into device memory and the
 * argument window, what comes back, and how the array's status, error summary and failure table
 * become exceptions. Real kernel results are checked on sim:jvm in the examples module.
 */
class KernelLaunchTest {
  private final FakeOverlayLink link = new FakeOverlayLink(64 * 1024);
  private final Management management = new Management(link);
  private final User user = new User(link, management);
  private final KernelHandle add = user.kernel(TestKernels.class, "add");

  private static int param(int i) {
    return ArgumentLayout.FIRST_PARAM + 2 * i;
  }

  @Test
  void javaArraysGoInWithTheirLengthAndComeBackAndTheProfileIsTheCounters() {
    int[] a = {1, 2, 3};
    int[] b = {10, 20, 30};
    int[] c = new int[3];
    link.onStart = l -> {
      assertEquals(2, l.args[ArgumentLayout.PES]);
      long pa = Integer.toUnsignedLong(l.args[param(0)]);
      assertEquals(3, l.args[param(0) + 1]);
      assertEquals(3, l.word(pa - 4), "length word before element 0");
      assertEquals(2, l.word(pa + 4));
      long pc = Integer.toUnsignedLong(l.args[param(2)]);
      for (int i = 0; i < 3; i++) {
        l.putWord(pc + 4L * i, 100 + i);
      }
      long table = Integer.toUnsignedLong(l.args[ArgumentLayout.FAILURE_TABLE]);
      for (int r = 0; r < 16; r++) {
        l.putWord(table + 4L * r, 0);
      }
      l.set("cycles_lo", 500);
      l.set("sum_retired_lo", 640);
      l.set("sum_stall_memory_lo", 77);
      l.set("sum_stall_memory_hi", 1);
    };
    LaunchResult r = add.launch(WorkRange.of(3), a, b, c);
    assertArrayEquals(new int[] {100, 101, 102}, c);
    assertEquals(500, r.profile().cycles());
    assertEquals(640, r.profile().retired());
    assertEquals((1L << 32) + 77, r.profile().stallMemory());
    assertEquals(1234, r.profile().waitCycles());
    assertEquals(add.compiled().imemImage().length, link.imem.size());
    assertEquals(add.compiled().entryPc(), link.registers.get(veneer.overlay.array.ArrayRegisters.offsetOf("entry_pc")));
    assertEquals(0, user.memory().allocated(), "temporary buffers are freed");
  }

  @Test
  void codeIsWrittenOncePerKernelAndAgainAfterAnImageLoad() throws Exception {
    int[] a = new int[4];
    add.launch(WorkRange.of(4), a, a, a);
    int once = link.imemWrites;
    add.launch(WorkRange.of(4), a, a, a);
    assertEquals(once, link.imemWrites);
    management.load(ImageRequestTest.image(3), ImageRequestTest.TRUST, veneer.runtime.image.RollbackPolicy.inMemory());
    add.launch(WorkRange.of(4), a, a, a);
    assertEquals(2 * once, link.imemWrites);
  }

  @Test
  void deviceArraysArePassedInPlace() {
    try (DeviceArray a = user.array(new int[] {5, 6}); DeviceArray c = user.array(int.class, 2)) {
      link.onStart = l -> {
        assertEquals(DeviceLaunchAddress.of(a) + 4, Integer.toUnsignedLong(l.args[param(0)]));
        assertEquals(2, l.args[param(0) + 1]);
        l.putWord(Integer.toUnsignedLong(l.args[param(2)]) + 4, 99);
      };
      add.launch(WorkRange.of(2), a, a, c);
      assertArrayEquals(new int[] {0, 99}, (int[]) c.read());
    }
  }

  @Test
  void theLowestFailingWorkItemBecomesAKernelExceptionAfterTheCopyBack() {
    int[] c = new int[8];
    TrapSites.Site site = add.compiled().trapSites().get(0);
    link.onStart = l -> {
      long table = Integer.toUnsignedLong(l.args[ArgumentLayout.FAILURE_TABLE]);
      for (int r = 0; r < 8; r++) {
        l.putWord(table + 8L * r, 0);
      }
      l.putWord(table + 8 * 5, 1);
      l.putWord(table + 8 * 5 + 4, 42);
      l.putWord(table + 8 * 2, 1);
      l.putWord(table + 8 * 2 + 4, 7);
      l.putWord(Integer.toUnsignedLong(l.args[param(2)]), 11);
    };
    KernelException e = assertThrows(KernelException.class, () -> add.launch(WorkRange.of(8), new int[8], new int[8], c));
    assertEquals(new KernelFailure(site.kind(), site.file(), site.line(), 7), e.failure());
    assertEquals("kernel TestKernels.add failed: " + (site.kind() == KernelFailure.Kind.BOUNDS ? "array index out of bounds"
        : site.kind() == KernelFailure.Kind.NULL ? "null array" : "division by zero") + " at TestKernels.java:"
        + site.line() + " in work-item 7", e.getMessage());
    assertEquals(11, c[0], "arrays are copied back before the exception, as on the JVM");
  }

  @Test
  void aThreadFaultNamesPeThreadPcAndCause() {
    link.onStart = l -> {
      l.set("status", 0b110);
      l.set("error_where", 1L << 31 | 1 << 8 | 3);
      l.set("error_cause", 4 << 8 | 5);
      l.set("error_pc", 0x1a4);
      l.set("error_value", 0x7000_0000L);
      l.set("error_count", 2);
    };
    ThreadFaultException e = assertThrows(ThreadFaultException.class,
        () -> add.launch(WorkRange.of(2), new int[2], new int[2], new int[2]));
    assertEquals("kernel TestKernels.add: PE 1 thread 3 stopped by a load access fault at pc 0x000001a4 (mcause 5,"
        + " mtval 0x70000000); 2 threads stopped so", e.getMessage());
    assertEquals(1, e.pe());
    assertEquals(3, e.thread());
  }

  @Test
  void aRefusedLineWriteFailsTheLaunchWithoutCopyingBack() {
    link.onStart = l -> l.set("status", 0b10010);
    int[] c = {7, 7};
    MemoryWriteException e = assertThrows(MemoryWriteException.class,
        () -> add.launch(WorkRange.of(2), new int[] {1, 2}, new int[] {3, 4}, c));
    assertEquals("kernel TestKernels.add: device memory refused a line write after its stores were answered (overlay"
        + " status bit 4); the results in device memory are incomplete and were not copied back", e.getMessage());
    assertArrayEquals(new int[] {7, 7}, c);
  }

  @Test
  void noInterruptInTimeIsATimeout() {
    link.interruptAfter = 1_000;
    LaunchTimeoutException e = assertThrows(LaunchTimeoutException.class,
        () -> add.withTimeout(999).launch(WorkRange.of(2), new int[2], new int[2], new int[2]));
    assertEquals("kernel TestKernels.add: no completion interrupt within 999 device cycles (the launch may still be"
        + " running); raise the budget with withTimeout(cycles)", e.getMessage());
    assertEquals(0, user.memory().allocated());
  }

  @Test
  void wrongArgumentsAndAnotherRoleAreClearErrors() {
    IllegalArgumentException n = assertThrows(IllegalArgumentException.class,
        () -> add.launch(WorkRange.of(2), new int[2], new int[2]));
    assertEquals("kernel TestKernels.add takes 3 arguments (a, b, c), found 2", n.getMessage());
    IllegalArgumentException t = assertThrows(IllegalArgumentException.class,
        () -> add.launch(WorkRange.of(2), new int[2], new long[2], new int[2]));
    assertEquals(true, t.getMessage().contains("argument b of kernel TestKernels.add must be [I"), t.getMessage());
    link.set("id", 0x5641_4444L);
    IllegalStateException s = assertThrows(IllegalStateException.class,
        () -> add.launch(WorkRange.of(2), new int[2], new int[2], new int[2]));
    assertEquals("the active Role is not the overlay: PF1 BAR0 offset 0 reads 0x56414444, expected 0x56504541 (\"VPEA\");"
        + " load an overlay image (variant 3) through the management function first", s.getMessage());
  }

  /** The PE address of a device array's length word. */
  private static final class DeviceLaunchAddress {
    static long of(DeviceArray a) {
      return 0x8000_0000L + a.buffer().address();
    }
  }
}
