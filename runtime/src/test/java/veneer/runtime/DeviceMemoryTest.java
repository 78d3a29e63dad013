package veneer.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DeviceMemoryTest {
  @Test
  void blocksAreLineAlignedAndFreedBlocksMerge() {
    DeviceMemory m = new DeviceMemory(1024);
    long a = m.allocate(1);
    long b = m.allocate(100);
    long c = m.allocate(64);
    assertEquals(0, a);
    assertEquals(64, b);
    assertEquals(192, c);
    m.free(b);
    assertEquals(64, m.allocate(128), "first fit reuses the hole");
    m.free(64);
    m.free(a);
    assertEquals(0, m.allocate(192), "the two holes merged into one block");
  }

  @Test
  void outOfMemorySaysWhatIsFreeAndTheLargestBlock() {
    DeviceMemory m = new DeviceMemory(256);
    m.allocate(64);
    long b = m.allocate(64);
    m.allocate(64);
    m.free(b);
    OutOfDeviceMemoryException e = assertThrows(OutOfDeviceMemoryException.class, () -> m.allocate(128));
    assertEquals("device memory: cannot allocate 128 bytes: 128 of 256 bytes are free, the largest free block has 64 bytes",
        e.getMessage());
  }

  @Test
  void badFreesAreRefused() {
    DeviceMemory m = new DeviceMemory(256);
    long a = m.allocate(10);
    m.free(a);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> m.free(a));
    assertEquals("free: 0x0 is not the start of an allocated block", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> m.allocate(-1));
  }

  @Test
  void randomAllocationsNeverOverlapAndAllMemoryComesBack() {
    long seed = 20261129;
    Random r = new Random(seed);
    DeviceMemory m = new DeviceMemory(64 * 1024);
    List<long[]> live = new ArrayList<>();
    for (int step = 0; step < 2000; step++) {
      if (live.isEmpty() || r.nextBoolean()) {
        long size = 1 + r.nextInt(2000);
        try {
          long at = m.allocate(size);
          for (long[] o : live) {
            boolean apart = at + size <= o[0] || o[0] + o[1] <= at;
            assertEquals(true, apart, "seed " + seed + ": overlap at step " + step);
          }
          assertEquals(0, at % DeviceMemory.ALIGN, "seed " + seed);
          live.add(new long[] {at, size});
        } catch (OutOfDeviceMemoryException full) {
          // fine: the random walk filled the memory
        }
      } else {
        m.free(live.remove(r.nextInt(live.size()))[0]);
      }
    }
    for (long[] o : live) {
      m.free(o[0]);
    }
    assertEquals(0, m.allocated(), "seed " + seed);
    assertEquals(0, m.allocate(64 * 1024), "seed " + seed + ": one block again");
  }
}
