package veneer.overlay.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import veneer.isa.pe.WorkItem;

class GrantedWorkItemsTest {
  @Test
  void eachPeClaimsItsOwnGrantsInOrderWithLocalAndGroupIds() {
    GrantedWorkItems w = new GrantedWorkItems(2, 10, 4);
    w.granted(1, 5);
    w.granted(0, 0);
    w.granted(1, 6);
    w.granted(1, -1);
    assertEquals(new WorkItem(0, 0, 0), w.claim(0, 3));
    assertEquals(new WorkItem(5, 1, 1), w.claim(1, 0));
    assertEquals(new WorkItem(6, 2, 1), w.claim(1, 2));
    assertEquals(WorkItem.NONE, w.claim(1, 1));
    assertEquals(0, w.unclaimed(1));
    assertEquals(3, w.handedOut());
    assertEquals(10, w.globalSize());
    assertEquals(4, w.localSize());
  }

  @Test
  void aClaimWithoutAGrantADoubleGrantAndAnIdOutsideTheLaunchAreDivergences() {
    GrantedWorkItems w = new GrantedWorkItems(2, 10, 4);
    w.granted(0, 3);
    String none = assertThrows(LockstepDivergence.class, () -> w.claim(1, 2)).getMessage();
    assertTrue(none.contains("thread 2 of the model of PE 1"), none);
    String twice = assertThrows(LockstepDivergence.class, () -> w.granted(1, 3)).getMessage();
    assertTrue(twice.contains("work-item 3 a second time (to PE 1)"), twice);
    String outside = assertThrows(LockstepDivergence.class, () -> w.granted(0, 10)).getMessage();
    assertTrue(outside.contains("work-item 10 to PE 0, outside the launch of 10 items"), outside);
  }
}
