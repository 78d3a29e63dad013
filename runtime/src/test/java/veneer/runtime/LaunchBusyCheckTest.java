package veneer.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import veneer.kernel.WorkRange;
import veneer.overlay.array.ArrayRegisters;
import veneer.runtime.image.RollbackPolicy;

/**
 * The launch-time "is the array still running?" check reads {@code status} only when the
 * runtime cannot know the answer: after its own launch ended with the array read idle, the next
 * launch skips that MMIO round trip; after a timeout, a user register write or an image load it
 * reads again, and a busy array is still refused. A done message that comes while the array is
 * still busy (the late one of a launch that timed out) does not end a launch.
 */
class LaunchBusyCheckTest {
  private final FakeOverlayLink link = new FakeOverlayLink(64 * 1024);
  private final Management management = new Management(link);
  private final User user = new User(link, management);
  private final KernelHandle add = user.kernel(TestKernels.class, "add");

  private int statusReadsOfOneLaunch() {
    int before = link.readsOf("status");
    add.launch(WorkRange.of(2), new int[2], new int[2], new int[2]);
    return link.readsOf("status") - before;
  }

  @Test
  void aLaunchAfterACompletedLaunchReadsStatusOnlyAtItsEnd() {
    assertEquals(2, statusReadsOfOneLaunch(), "the first launch checks that the array is idle");
    assertEquals(1, statusReadsOfOneLaunch(), "the previous launch's last read showed it idle");
    assertEquals(1, statusReadsOfOneLaunch());
  }

  @Test
  void aUserRegisterWriteOrAnImageLoadMakesTheNextLaunchCheckAgain() throws Exception {
    statusReadsOfOneLaunch();
    user.write32(ArrayRegisters.offsetOf("control"), 0);
    assertEquals(2, statusReadsOfOneLaunch(), "a user write may have started the array");
    assertEquals(1, statusReadsOfOneLaunch());
    management.load(ImageRequestTest.image(3), ImageRequestTest.TRUST, RollbackPolicy.inMemory());
    assertEquals(2, statusReadsOfOneLaunch(), "a new Role: its state was never read");
  }

  /**
   * A done message with the array still busy is the late message of an earlier launch that timed
   * out: the launch waits on, within its budget, instead of copying back too early.
   */
  @Test
  void aDoneMessageWithTheArrayStillBusyIsNotTheLaunchsEnd() {
    int[] messages = {0};
    link.onStart = l -> l.set("status", 0b011);
    link.onInterrupt = l -> {
      if (++messages[0] == 2) {
        l.set("status", 0b010);
      }
    };
    link.interruptAfter = 10;
    assertEquals(3, statusReadsOfOneLaunch(), "before the start, after the stale message, after its own");
    assertEquals(2, messages[0]);
  }

  @Test
  void aLaunchThatOnlySeesStaleMessagesTimesOutWithinItsBudget() {
    link.onStart = l -> l.set("status", 0b011);
    link.interruptAfter = 10;
    LaunchTimeoutException e = assertThrows(LaunchTimeoutException.class,
        () -> add.withTimeout(35).launch(WorkRange.of(2), new int[2], new int[2], new int[2]));
    assertEquals(35, e.cycles());
    assertEquals(1 + 3, link.readsOf("status"), "the check before the start, then one after each message at 10, 20, 30");
    IllegalStateException busy = assertThrows(IllegalStateException.class, this::statusReadsOfOneLaunch);
    assertEquals("cannot launch TestKernels.add: the overlay is still running an earlier launch; wait for its interrupt"
        + " (User.awaitInterrupt) or reset the Role (Management.resetRole())", busy.getMessage());
  }

  @Test
  void aTimedOutLaunchIsStillRefusedWhileTheArrayRuns() {
    statusReadsOfOneLaunch();
    link.onStart = l -> l.set("status", 0b011);
    link.interruptAfter = 1_000;
    assertThrows(LaunchTimeoutException.class,
        () -> add.withTimeout(999).launch(WorkRange.of(2), new int[2], new int[2], new int[2]));
    link.interruptAfter = 10;
    int before = link.readsOf("status");
    IllegalStateException e = assertThrows(IllegalStateException.class, this::statusReadsOfOneLaunch);
    assertEquals(true, e.getMessage().contains("still running an earlier launch"), e.getMessage());
    assertEquals(before + 1, link.readsOf("status"));
    assertEquals(0, user.memory().allocated());
  }
}
