package veneer.sim.jvm;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import veneer.hdl.Bool;
import veneer.hdl.Mem;
import veneer.hdl.Module;
import veneer.hdl.UInt;

/**
 * A design far too large for one class file: {@code lanes} 64-bit registers in a chain, each
 * updated with its own pair of random 64-bit constants ({@code r[i] = (r[i] * k1 + k2) ^ (r[i-1]
 * >> s)}), so the generated code refers to tens of thousands of distinct literals and state
 * offsets. Every 64th lane also feeds a 130-bit accumulator (wide operations), and every 256
 * lanes share a 16-word memory written from one lane and read back into the next group, so
 * memories are used across the generated classes. {@code out} is the XOR of all lanes.
 */
final class ManyLanes extends Module {
  ManyLanes(int lanes, long seed) {
    super("ManyLanes");
    Random rnd = new Random(seed);
    UInt in = input("in", UInt(64));
    Bool we = input("we", Bool());
    List<UInt> regs = new ArrayList<>();
    for (int i = 0; i < lanes; i++) {
      regs.add(reg("r" + i, UInt(64), rnd.nextLong() >>> 1));
    }
    UInt previous = in;
    UInt fromMemory = in;
    UInt all = in;
    for (int i = 0; i < lanes; i++) {
      UInt r = regs.get(i);
      UInt mixed = r.mul(rnd.nextLong() >>> 1).add(rnd.nextLong() >>> 1).xor(previous.shr(1 + rnd.nextInt(62)));
      if (i % 256 == 128) {
        mixed = mixed.xor(fromMemory);
      }
      r.assign(mixed);
      if (i % 64 == 0) {
        UInt acc = reg("acc" + i, UInt(130), 1);
        acc.assign(acc.add(r.extend(130)).xor(acc.shr(67)));
        all = all.xor(acc.bits(129, 66));
      }
      if (i % 256 == 255) {
        Mem<UInt> ram = mem("ram" + i, UInt(64), 16);
        UInt data = previous;
        when(we, () -> ram.write(r.bits(3, 0), data));
        fromMemory = ram.read(r.bits(7, 4));
      }
      all = all.xor(r);
      previous = r;
    }
    output("out", UInt(64)).assign(all);
    output("last", UInt(64)).assign(previous);
  }
}
