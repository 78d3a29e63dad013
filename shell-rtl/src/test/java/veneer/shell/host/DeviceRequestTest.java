package veneer.shell.host;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import veneer.shell.pcie.TlpType;
import veneer.sim.Simulator;

/** The root complex serving device-initiated writes, reads (split at the RCB) and interrupt messages. */
class DeviceRequestTest {
  static final long SEED = 7;

  /** Sends one TLP on dev_rq, a beat per cycle. */
  static void send(Simulator sim, int fmtType, long address, long[] data, int lengthDw, int tag) {
    int beats = data == null ? 1 : (data.length + 7) / 8;
    for (int b = 0; b < beats; b++) {
      sim.poke("dev_rq_fmt_type", fmtType);
      sim.poke("dev_rq_length_dw", lengthDw);
      sim.poke("dev_rq_requester_id", 0x0100);
      sim.poke("dev_rq_tag", tag);
      sim.poke("dev_rq_address", address);
      sim.poke("dev_rq_first_be", 0xF);
      sim.poke("dev_rq_last_be", lengthDw > 1 ? 0xF : 0);
      BigInteger beat = BigInteger.ZERO;
      for (int l = 0; data != null && l < 8 && 8 * b + l < data.length; l++) {
        beat = beat.or(BigInteger.valueOf(data[8 * b + l]).shiftLeft(32 * l));
      }
      sim.poke("dev_rq_data", beat);
      sim.poke("dev_rq_last", b == beats - 1 ? 1 : 0);
      sim.poke("dev_rq_valid", 1);
      sim.runUntil(() -> sim.peek("dev_rq_ready") != 0, 10_000);
      sim.step();
    }
    sim.poke("dev_rq_valid", 0);
  }

  @Test
  void writesLandInHostMemoryReadsAreSplitAtTheRcbAndInterruptsAreLogged() {
    try (HostDriver host = CompleterTest.open()) {
      host.enumerate();
      Simulator sim = host.simulator();
      Random rnd = new Random(SEED);
      long[] words = new long[40];
      for (int i = 0; i < words.length; i++) {
        words[i] = rnd.nextInt() & 0xFFFF_FFFFL;
      }
      send(sim, TlpType.MWR64, 0x1000, words, words.length, 0);
      send(sim, TlpType.MWR64, 0xFEE0_0010L, new long[] {0x2A}, 1, 0);
      sim.step(300);
      byte[] mem = host.readHostMemory(0x1000, 160);
      for (int i = 0; i < words.length; i++) {
        long got = (mem[4 * i] & 0xFFL) | (mem[4 * i + 1] & 0xFFL) << 8 | (mem[4 * i + 2] & 0xFFL) << 16
            | (mem[4 * i + 3] & 0xFFL) << 24;
        assertEquals(words[i], got, "host memory DW " + i + " (seed " + SEED + ")");
      }
      assertEquals(List.of(new HostDriver.Interrupt(0xFEE0_0010L, 0x2A)), host.interrupts());

      // Read 40 DW from 0x1020: 0x1020-0x103F, then 64-byte pieces.
      send(sim, TlpType.MRD64, 0x1020, null, 32, 5);
      List<Integer> lengths = new ArrayList<>();
      List<Long> data = new ArrayList<>();
      long start = sim.cycle();
      int owed = 128;
      int beatInPacket = 0;
      while (owed > 0) {
        if (sim.cycle() - start > 2000) {
          throw new AssertionError("completions stopped with " + owed + " bytes owed; got " + lengths);
        }
        if (sim.peek("dev_rc_valid") != 0) {
          int len = (int) sim.peek("dev_rc_length_dw");
          assertEquals(owed, sim.peek("dev_rc_byte_count"));
          assertEquals(5, sim.peek("dev_rc_tag"));
          BigInteger beat = sim.peekWide("dev_rc_data");
          for (int l = 0; l < Math.min(8, len - 8 * beatInPacket); l++) {
            data.add(beat.shiftRight(32 * l).longValue() & 0xFFFF_FFFFL);
          }
          beatInPacket++;
          if (sim.peek("dev_rc_last") != 0) {
            lengths.add(len);
            owed -= 4 * len;
            beatInPacket = 0;
          }
        }
        sim.step();
      }
      assertEquals(List.of(8, 16, 8), lengths);
      for (int i = 0; i < 32; i++) {
        assertEquals(words[8 + i], data.get(i), "read DW " + i);
      }
      byte[] copy = host.readHostMemory(0x1000, 160);
      assertArrayEquals(mem, copy);
    }
  }
}
