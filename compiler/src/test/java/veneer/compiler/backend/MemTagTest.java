package veneer.compiler.backend;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** When the interleaver may move a load of a coarsened block above a store. */
class MemTagTest {
  @Test
  void accessesConflictOnlyWithinOneArrayTypeAndOverlappingBytes() {
    MemTag int0 = new MemTag("[I", 0, 4);
    assertTrue(int0.conflicts(new MemTag("[I", 0, 4)), "the same element of possibly the same array");
    assertFalse(int0.conflicts(new MemTag("[I", 4, 4)), "the next element");
    assertFalse(int0.conflicts(new MemTag("[F", 0, 4)), "another array type is another array");
    assertTrue(new MemTag("[J", 8, 4).conflicts(new MemTag("[J", 8, 8)), "the low word of a long");
    assertFalse(new MemTag("[J", 12, 4).conflicts(new MemTag("[J", 16, 8)));
    assertTrue(new MemTag("[B", 3, 1).conflicts(new MemTag("[B", 3, 1)));
    assertFalse(new MemTag("[B", 3, 1).conflicts(new MemTag("[B", 4, 1)));
  }
}
