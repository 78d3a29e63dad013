package veneer.shell.dram;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;
import veneer.shell.dram.bench.Axi4MasterDriver;
import veneer.shell.dram.bench.AxiTransaction;
import veneer.sim.Simulator;
import veneer.sim.bus.Axi4Burst;
import veneer.sim.bus.CycleHook;

/**
 * Seeded random legal AXI4 bursts from one {@link Axi4MasterDriver} inside the address range
 * {@code [lo, hi)} (plus, if asked, bursts beyond the DRAM that must answer DECERR), checked
 * against a reference byte array as they complete. A burst never overlaps an in-flight burst of
 * the same manager if either writes, so the reference is exact whatever the timing.
 */
final class RandomTraffic implements CycleHook {
  private final Axi4MasterDriver driver;
  private final Reference ref;
  private final long lo;
  private final long hi;
  private final long decErrBase;
  private final int busBytes;
  private final int idWidth;
  private final SplittableRandom rng;
  private final String name;
  private int toIssue;
  private final int maxInFlight;
  private int checked;
  private final List<long[]> inFlight = new ArrayList<>();
  private final List<AxiTransaction> inFlightTx = new ArrayList<>();
  int reads;
  int writes;
  int decodeErrors;
  int narrow;

  /** The expected DRAM contents, by global byte address. */
  static final class Reference {
    final long base;
    final byte[] bytes;

    Reference(long base, int size) {
      this.base = base;
      this.bytes = new byte[size];
    }

    int get(long addr) {
      return bytes[(int) (addr - base)] & 0xFF;
    }

    void set(long addr, int v) {
      bytes[(int) (addr - base)] = (byte) v;
    }
  }

  /**
   * @param decErrBase first address of a range that must answer DECERR, or -1 for none
   */
  RandomTraffic(String name, Axi4MasterDriver driver, Reference ref, long lo, long hi, long decErrBase,
      int busBytes, int idWidth, int count, int maxInFlight, long seed) {
    this.name = name;
    this.driver = driver;
    this.ref = ref;
    this.lo = lo;
    this.hi = hi;
    this.decErrBase = decErrBase;
    this.busBytes = busBytes;
    this.idWidth = idWidth;
    this.toIssue = count;
    this.maxInFlight = maxInFlight;
    this.rng = new SplittableRandom(seed);
  }

  boolean finished() {
    return toIssue == 0 && driver.idle() && checked == driver.completed().size();
  }

  @Override
  public void afterEdge(Simulator sim) {
    List<AxiTransaction> done = driver.completed();
    while (checked < done.size()) {
      AxiTransaction tx = done.get(checked++);
      int k = inFlightTx.indexOf(tx);
      inFlightTx.remove(k);
      inFlight.remove(k);
      check(tx);
    }
    if (toIssue > 0 && inFlightTx.size() < maxInFlight) {
      AxiTransaction tx = next();
      long[] range = range(tx.burst);
      for (int i = 0; i < inFlight.size(); i++) {
        long[] r = inFlight.get(i);
        if ((tx.write || inFlightTx.get(i).write) && r[0] < range[1] && range[0] < r[1]) {
          return; // wait until the overlapping burst is done; try a new one next cycle
        }
      }
      toIssue--;
      inFlight.add(range);
      inFlightTx.add(driver.submit(tx));
    }
  }

  private void check(AxiTransaction tx) {
    Axi4Burst b = tx.burst;
    boolean outside = b.addr() >= hi;
    int expectResp = outside ? 3 : 0;
    for (int i = 0; i < tx.resp.length; i++) {
      if (tx.resp[i] != expectResp) {
        throw new AssertionError(name + ": " + tx + " beat " + i + " answered " + tx.resp[i] + ", expected "
            + expectResp);
      }
    }
    if (outside) {
      return;
    }
    for (int n = 0; n < b.beats(); n++) {
      long a = b.beatAddress(n);
      long end = a / b.bytesPerBeat() * b.bytesPerBeat() + b.bytesPerBeat();
      for (long x = a; x < end; x++) {
        int lane = (int) (x % busBytes);
        if (tx.write) {
          if (tx.wstrb[n].testBit(lane)) {
            ref.set(x, tx.wdata[n].shiftRight(8 * lane).intValue() & 0xFF);
          }
        } else {
          int got = tx.rdata[n].shiftRight(8 * lane).intValue() & 0xFF;
          if (got != ref.get(x)) {
            throw new AssertionError(name + ": " + tx + " beat " + n + " byte 0x" + Long.toHexString(x)
                + " read 0x" + Integer.toHexString(got) + ", expected 0x" + Integer.toHexString(ref.get(x)));
          }
        }
      }
    }
  }

  /** The bytes a burst can touch: {@code [from, to)}. */
  private static long[] range(Axi4Burst b) {
    long bytes = b.bytesPerBeat();
    if (b.burst() == Axi4Burst.WRAP) {
      long total = bytes * b.beats();
      long block = b.addr() / total * total;
      return new long[] {block, block + total};
    }
    long aligned = b.addr() / bytes * bytes;
    return new long[] {b.addr(), aligned + (b.burst() == Axi4Burst.FIXED ? bytes : bytes * b.beats())};
  }

  private AxiTransaction next() {
    int id = rng.nextInt(1 << idWidth);
    int maxSize = Integer.numberOfTrailingZeros(busBytes);
    int size = rng.nextInt(3) == 0 ? rng.nextInt(maxSize + 1) : maxSize;
    long bytes = 1L << size;
    int kind = rng.nextInt(10);
    Axi4Burst b;
    if (decErrBase >= 0 && rng.nextInt(20) == 0) {
      long addr = decErrBase + rng.nextLong(16) * 4096 + rng.nextLong(4096 / bytes) * bytes;
      int len = (int) Math.min(rng.nextInt(16), (4096 - addr % 4096) / bytes - 1);
      b = new Axi4Burst(id, addr, len, size, Axi4Burst.INCR);
      decodeErrors++;
    } else if (kind == 0) {
      long addr = lo + rng.nextLong((hi - lo) / bytes) * bytes + rng.nextLong(bytes);
      b = new Axi4Burst(id, addr, rng.nextInt(16), size, Axi4Burst.FIXED);
    } else if (kind == 1) {
      int beats = 2 << rng.nextInt(4);
      long total = bytes * beats;
      long block = lo + rng.nextLong((hi - lo) / total) * total;
      b = new Axi4Burst(id, block + rng.nextInt(beats) * bytes, beats - 1, size, Axi4Burst.WRAP);
    } else {
      long addr = lo + rng.nextLong(hi - lo);
      long aligned = addr / bytes * bytes;
      long room = Math.min(4096 - aligned % 4096, hi - aligned) / bytes;
      int cap = rng.nextInt(8) == 0 ? 256 : 32;
      int beats = 1 + rng.nextInt((int) Math.min(cap, room));
      b = new Axi4Burst(id, addr, beats - 1, size, Axi4Burst.INCR);
    }
    if (size < maxSize) {
      narrow++;
    }
    if (rng.nextBoolean()) {
      writes++;
      BigInteger[] data = new BigInteger[b.beats()];
      BigInteger[] strb = new BigInteger[b.beats()];
      for (int n = 0; n < b.beats(); n++) {
        data[n] = new BigInteger(busBytes * 8, new Random(rng.nextLong()));
        long a = b.beatAddress(n);
        long end = a / bytes * bytes + bytes;
        BigInteger s = BigInteger.ZERO;
        for (long x = a; x < end; x++) {
          if (rng.nextInt(8) != 0) {
            s = s.setBit((int) (x % busBytes));
          }
        }
        strb[n] = s;
      }
      return AxiTransaction.write(b, data, strb);
    }
    reads++;
    return AxiTransaction.read(b);
  }

  @Override
  public String toString() {
    return name + ": " + reads + " reads, " + writes + " writes (" + narrow + " narrow, " + decodeErrors
        + " to no DRAM)";
  }
}
