package veneer.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import veneer.runtime.link.DeviceException;

class BufferTest {
  private final FakeOverlayLink link = new FakeOverlayLink(4096);
  private final User user = new User(link, new Management(link));

  @Test
  void typedWritesLandLittleEndianAndReadBack() {
    try (Buffer b = user.allocate(64)) {
      b.writeInts(0, new int[] {0x04030201, -1});
      b.writeLongs(8, new long[] {0x1122334455667788L});
      assertEquals(1, link.dram[(int) b.address()]);
      assertEquals(0x88, link.dram[(int) b.address() + 8] & 0xFF);
      assertArrayEquals(new int[] {0x04030201, -1}, b.readInts(0, 2));
      assertArrayEquals(new long[] {0x1122334455667788L}, b.readLongs(8, 1));
    }
  }

  @Test
  void aSliceIsAViewAndClosingTheBufferFreesIt() {
    Buffer b = user.allocate(256);
    Buffer s = b.slice(128, 64);
    assertEquals(b.address() + 128, s.address());
    s.write(0, new byte[] {7});
    assertEquals(7, b.read(128, 1)[0]);
    s.close();
    assertEquals(256, user.memory().allocated(), "closing a slice frees nothing");
    b.close();
    assertEquals(0, user.memory().allocated());
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> s.read(0, 1));
    assertTrue(e.getMessage().contains("was closed"), e.getMessage());
  }

  @Test
  void rangesOutsideTheBufferAreRefused() {
    try (Buffer b = user.allocate(16)) {
      IndexOutOfBoundsException e = assertThrows(IndexOutOfBoundsException.class, () -> b.read(8, 9));
      assertEquals("buffer at 0x0 has 16 bytes; expected a range inside it, found 8+9", e.getMessage());
      assertThrows(IndexOutOfBoundsException.class, () -> b.slice(-1, 2));
    }
  }

  @Test
  void aDmaErrorReachesTheCallerAsADeviceException() {
    try (Buffer b = user.allocate(16)) {
      link.failDma = true;
      DeviceException e = assertThrows(DeviceException.class, () -> b.writeInts(0, new int[] {1}));
      assertEquals(3, e.code());
    }
  }

  @Test
  void deviceArraysCarryTheirLengthWord() {
    short[] v = {1, -2, 3};
    try (DeviceArray a = user.array(v)) {
      assertEquals(3, LittleEndian.get(link.dram, (int) a.buffer().address(), 4));
      assertEquals(0, (a.buffer().address() + 4) % DeviceMemory.ALIGN, "element 0 starts a DRAM line");
      assertArrayEquals(v, (short[]) a.read());
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> a.write(new int[3]));
      assertEquals("device array: expected short[3], found int[3]", e.getMessage());
    }
    try (DeviceArray z = user.array(boolean.class, 5)) {
      assertArrayEquals(new boolean[5], (boolean[]) z.read());
    }
  }
}
