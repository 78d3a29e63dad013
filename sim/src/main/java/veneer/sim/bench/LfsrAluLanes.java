package veneer.sim.bench;


import java.util.ArrayList;
import java.util.List;
import veneer.hdl.Mem;
import veneer.hdl.Module;
import veneer.hdl.Param;
import veneer.hdl.Top;
import veneer.hdl.UInt;

/**
 * The reference design for simulator speed: {@code lanes} instances of {@link LfsrAluLane}
 * sharing one 256-word memory (an asynchronous read port and a write port per lane), and the XOR
 * of every lane's accumulator as the output {@code checksum}. Realistic in shape: pipelines,
 * wide muxes, an ALU with multiply and dynamic shifts, hierarchy, and a memory.
 *
 * <pre>{@code
 * try (Simulator sim = Simulators.open(new LfsrAluLanes(16, 32), Backend.JVM)) {
 *   sim.reset(2);
 *   sim.step(1_000_000);
 *   long checksum = sim.peek("checksum");
 * }
 * }</pre>
 */
@Top(description = "pipelined LFSR/ALU lanes with a memory: the simulator benchmark design",
    testParams = {"lanes=4"})
public final class LfsrAluLanes extends Module {
  /** {@code width} is 32 or 64. */
  public LfsrAluLanes(@Param(name = "lanes", defaultValue = "16") int lanes,
      @Param(name = "width", defaultValue = "32") int width) {
    super("LfsrAluLanes" + lanes + "x" + width);
    if (lanes < 1) {
      throw new IllegalArgumentException("need at least one lane, found " + lanes);
    }
    UInt checksum = output("checksum", UInt(width));
    Mem<UInt> mem = mem("mem", UInt(width), 256);
    List<LfsrAluLane> all = new ArrayList<>();
    for (int i = 0; i < lanes; i++) {
      LfsrAluLane lane = instance("lane" + i, new LfsrAluLane(width, seed(i, width)));
      lane.rdata.assign(mem.read(lane.raddr));
      when(lane.we, () -> mem.write(lane.waddr, lane.wdata));
      all.add(lane);
    }
    UInt sum = all.get(0).acc;
    for (int i = 1; i < lanes; i++) {
      sum = sum.xor(all.get(i).acc);
    }
    checksum.assign(sum);
  }

  /** A distinct non-zero LFSR seed per lane. */
  static long seed(int lane, int width) {
    long s = 0x9E3779B97F4A7C15L * (lane + 1);
    s ^= s >>> 29;
    return width == 64 ? s >>> 1 | 1 : (s & 0xffffffffL) | 1;
  }
}
