package veneer.examples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import veneer.kernel.JvmKernelRunner;
import veneer.kernel.KernelFailure;
import veneer.kernel.WorkRange;
import veneer.runtime.Device;
import veneer.runtime.ImageDecision;
import veneer.runtime.KernelException;
import veneer.runtime.LaunchTimeoutException;
import veneer.runtime.LoadFailedException;
import veneer.runtime.ManagementStatus;
import veneer.runtime.image.KeyPairs;
import veneer.shell.platform.link.SimLinkProvider;
import veneer.shell.role.OverlayRole;
import veneer.sim.Backend;

/** Device errors as Java exceptions on sim:jvm (the tests' overlay), each equal to what the JVM reports. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DeviceErrorsTest {
  private Device dev;

  @BeforeAll
  void open() throws LoadFailedException {
    dev = ExampleDevice.openWithOverlay(SimLinkProvider.uri(Backend.JVM, OverlayRole.TEST_ARRAY));
  }

  @AfterAll
  void close() {
    dev.close();
  }

  @Test
  void anIndexOutOfBoundsNamesTheSameLineAndWorkItemAsTheJvm() {
    int[] a = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
    int[] expected = new int[10];
    Optional<KernelFailure> jvm = JvmKernelRunner.run(FailingKernels.class, "shiftLeft", WorkRange.of(10), a, expected);
    int[] out = new int[10];
    KernelException e = assertThrows(KernelException.class,
        () -> dev.user().kernel(FailingKernels.class, "shiftLeft").launch(WorkRange.of(10), a, out));
    assertEquals(jvm.orElseThrow(), e.failure());
    assertEquals("kernel FailingKernels.shiftLeft failed: array index out of bounds at FailingKernels.java:"
        + jvm.get().line() + " in work-item 9", e.getMessage());
    assertArrayEquals(expected, out, "the other work-items' results came back");
  }

  @Test
  void aDivisionByZeroIsReportedForTheLowestFailingWorkItem() {
    int[] a = {10, 20, 30, 40, 50, 60};
    int[] b = {1, 2, 3, 0, 5, 0};
    Optional<KernelFailure> jvm = JvmKernelRunner.run(FailingKernels.class, "divide", WorkRange.of(6), a, b, new int[6]);
    KernelException e = assertThrows(KernelException.class,
        () -> dev.user().kernel(FailingKernels.class, "divide").launch(WorkRange.of(6), a, b, new int[6]));
    assertEquals(jvm.orElseThrow(), e.failure());
    assertEquals(3, e.failure().workItem());
  }

  @Test
  void aLaunchOverItsBudgetTimesOutAndTheNextLaunchWorks() {
    LaunchTimeoutException e = assertThrows(LaunchTimeoutException.class,
        () -> dev.user().kernel(FailingKernels.class, "spin").withTimeout(200).launch(WorkRange.of(32), new int[32], 300));
    assertEquals(200, e.cycles());
    IllegalStateException busy = assertThrows(IllegalStateException.class,
        () -> dev.user().kernel(FailingKernels.class, "spin").launch(WorkRange.of(8), new int[8], 3));
    assertEquals("cannot launch FailingKernels.spin: the overlay is still running an earlier launch; wait for its"
        + " interrupt (User.awaitInterrupt) or reset the Role (Management.resetRole())", busy.getMessage());
    dev.user().awaitInterrupt(0, 5_000_000); // let the slow launch finish before the next one
    int[] out = new int[8];
    int[] expected = new int[8];
    JvmKernelRunner.run(FailingKernels.class, "spin", WorkRange.of(8), expected, 3);
    dev.user().kernel(FailingKernels.class, "spin").launch(WorkRange.of(8), out, 3);
    assertArrayEquals(expected, out);
  }

  /**
   * A launch that timed out still raises its done interrupt when it ends; a user who retries
   * instead of waiting for it leaves that message queued. The next launch must not take it for
   * its own (it would copy back before the kernel ran).
   */
  @Test
  void theDoneMessageOfATimedOutLaunchDoesNotEndTheNextOne() {
    assertThrows(LaunchTimeoutException.class,
        () -> dev.user().kernel(FailingKernels.class, "spin").withTimeout(200).launch(WorkRange.of(32), new int[32], 300));
    int[] out = new int[32];
    int[] expected = new int[32];
    JvmKernelRunner.run(FailingKernels.class, "spin", WorkRange.of(32), expected, 300);
    int refused = 0;
    while (true) {
      try {
        dev.user().kernel(FailingKernels.class, "spin").launch(WorkRange.of(32), out, 300);
        break;
      } catch (IllegalStateException stillRunning) {
        refused++; // each refusal read the status register: device time went on
        assertTrue(refused < 10_000, "the timed-out launch never ended");
      }
    }
    assertTrue(refused > 0, "the retry must come while the timed-out launch still runs");
    assertArrayEquals(expected, out);
  }

  @Test
  void aRoleResetStopsARunawayKernelAndTheNextLaunchWorks() {
    assertThrows(LaunchTimeoutException.class,
        () -> dev.user().kernel(FailingKernels.class, "spin").withTimeout(500).launch(WorkRange.of(32), new int[32], 100_000));
    ManagementStatus before = dev.management().status();
    assertEquals(3, before.activeVariant(), before.toString());
    dev.management().resetRole();
    ManagementStatus after = dev.management().status();
    assertEquals(3, after.activeVariant(), "the image stays loaded: " + after);
    assertFalse(after.busy() || after.decoupled(), after.toString());
    assertEquals(before.loadsOk(), after.loadsOk(), "a reset is not a load");
    assertEquals(-1, dev.user().awaitInterrupt(0, 20_000), "the reset kernel never finishes");
    int[] out = new int[8];
    int[] expected = new int[8];
    JvmKernelRunner.run(FailingKernels.class, "spin", WorkRange.of(8), expected, 3);
    dev.user().kernel(FailingKernels.class, "spin").launch(WorkRange.of(8), out, 3);
    assertArrayEquals(expected, out);
  }

  /** A reset that comes while loads are in flight leaves nothing behind that holds the next launch. */
  @Test
  void aRoleResetDuringLoadsLeavesTheOverlayClean() {
    int[] next = new int[64];
    for (int k = 0; k < next.length; k++) {
      next[k] = (k * 17 + 5) % next.length;
    }
    assertThrows(LaunchTimeoutException.class, () -> dev.user().kernel(FailingKernels.class, "chase").withTimeout(3_000)
        .launch(WorkRange.of(32), next, new int[32], 1_000_000));
    dev.management().resetRole();
    int[] out = new int[32];
    int[] expected = new int[32];
    JvmKernelRunner.run(FailingKernels.class, "chase", WorkRange.of(32), next, expected, 5);
    dev.user().kernel(FailingKernels.class, "chase").withTimeout(200_000).launch(WorkRange.of(32), next, out, 5);
    assertArrayEquals(expected, out);
  }

  @Test
  void theUserSideCannotLoadAnImageWithoutTheManagementSidesConsent() {
    long loadsBefore = dev.management().register("loads_ok");
    byte[] image = ExampleImages.overlay(dev.management().shellInterfaceId(), KeyPairs.generate(), 2);
    ImageDecision d = dev.user().requestImage(image);
    assertFalse(d.accepted());
    assertEquals("the management function serves no image requests from the user function (no policy is set)", d.reason());
    assertEquals(loadsBefore, dev.management().register("loads_ok"), "nothing reached the configuration port");
  }
}
