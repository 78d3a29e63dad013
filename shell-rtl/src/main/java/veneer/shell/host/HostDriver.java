package veneer.shell.host;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import veneer.sim.Backend;
import veneer.sim.SimulationTimeoutException;
import veneer.sim.Simulator;
import veneer.sim.Simulators;
import veneer.sim.bus.CheckedSimulator;
import veneer.shell.pcie.ConfigSpace;
import veneer.shell.pcie.TlpType;

/**
 * The Java side of the simulated host: queues MMIO and configuration requests into the root
 * complex model, reads their completions, copies bulk data in and out of host memory, and reads
 * the interrupt log. Everything else (tags, the link, serving the device's reads and writes)
 * happens in the simulated RTL.
 *
 * <pre>{@code
 * try (HostDriver host = HostDriver.open(new HostPlatform(HostPlatform.Params.defaults()), Backend.JVM)) {
 *   host.enumerate();
 *   host.mmioWrite(0, 0, 0x20, 0x1234);
 *   long v = host.mmioRead(0, 0, 0x20);
 * }
 * }</pre>
 */
public final class HostDriver implements AutoCloseable {
  /** Queue of the management function's driver. */
  public static final int PF0_QUEUE = 0;
  /** Queue of the user function's driver. */
  public static final int PF1_QUEUE = 1;
  /** Queue of the configuration (enumeration) agent. */
  public static final int CONFIG_QUEUE = 2;
  /** The bus number enumeration gives the device. */
  public static final int DEVICE_BUS = 1;
  /** Where enumeration starts placing BARs. */
  public static final long BAR_WINDOW = 0x40_0000_0000L;
  /** An interrupt message that landed in the log. */
  public record Interrupt(long address, long data) {}

  private final CheckedSimulator sim;
  private final int lanes;
  private final long[][] barBase = new long[8][6];
  private final long[][] barSize = new long[8][6];
  private long timeout = 20_000;

  private HostDriver(CheckedSimulator sim, int dataWidth) {
    this.sim = sim;
    this.lanes = dataWidth / 32;
    for (int q = 0; q < RootComplex.QUEUES; q++) {
      sim.poke("q" + q + "_valid", 0);
      sim.poke("c" + q + "_ready", 0);
    }
    sim.poke("irq_ready", 0);
    pokeIfPresent("dev_rq_valid", 0);
    pokeIfPresent("dev_rc_ready", 1);
    pokeIfPresent("role_irq", 0);
    pokeIfPresent("cfgport_data_ready", 1);
    sim.poke("mon_rx_ready", 0);
    sim.poke("mon_tx_ready", 0);
    sim.reset(2);
  }

  /** Simulates {@code platform} on {@code backend} and resets it. */
  public static HostDriver open(HostPlatform platform, Backend backend) {
    int w = platform.params.dataWidth();
    return new HostDriver(CheckedSimulator.wrap(Simulators.open(platform, backend)), w);
  }

  /**
   * Simulates another platform with the same host-side ports as {@link HostPlatform} ({@code q*},
   * {@code c*}, {@code irq}, {@code mon_*}, host memory at {@code rc.mem}); the {@code dev_rq},
   * {@code dev_rc}, {@code role_irq} and {@code cfgport_data} inputs are optional.
   */
  public static HostDriver open(veneer.hdl.Module platform, int dataWidth, Backend backend) {
    return new HostDriver(CheckedSimulator.wrap(Simulators.open(platform, backend)), dataWidth);
  }

  /** Pokes {@code port} if the platform has it as an input (a platform may have an output of that name). */
  private void pokeIfPresent(String port, long value) {
    if (sim.design().top().port(port).filter(p -> p.isInput()).isPresent()) {
      sim.poke(port, value);
    }
  }

  /** The simulator, for attaching checkers and peeking ports. */
  public CheckedSimulator simulator() {
    return sim;
  }

  /** Cycles a request may wait for its completion before {@link SimulationTimeoutException}. */
  public HostDriver timeout(long cycles) {
    this.timeout = cycles;
    return this;
  }

  // --- configuration ----------------------------------------------------------------------------

  /** Reads configuration register {@code offset} (a DW offset in bytes) of {@code function}. */
  public long configRead(int function, int offset) {
    Completion c = single(request(CONFIG_QUEUE, TlpType.CFGRD0, offset, 1, 0xF, 0, target(function), null),
        "configuration read of function " + function + " at 0x" + Integer.toHexString(offset));
    return c.data().get(0);
  }

  /** Writes configuration register {@code offset} of {@code function} and waits for its completion. */
  public void configWrite(int function, int offset, long value) {
    single(request(CONFIG_QUEUE, TlpType.CFGWR0, offset, 1, 0xF, 0, target(function), new long[] {value}),
        "configuration write of function " + function + " at 0x" + Integer.toHexString(offset));
  }

  /** Like {@link #configWrite} but returns the completion whatever its status. */
  public Completion configWriteRaw(int function, int offset, long value) {
    return collect(CONFIG_QUEUE, request(CONFIG_QUEUE, TlpType.CFGWR0, offset, 1, 0xF, 0, target(function),
        new long[] {value})).get(0);
  }

  private static int target(int function) {
    return (DEVICE_BUS << 8) | (function & 7);
  }

  /**
   * Enumerates functions 0 and 1 as a host would: sizes each 64-bit BAR by writing all ones,
   * places the BARs one after another from {@link #BAR_WINDOW}, sets Max_Payload_Size to
   * {@code mps} bytes and enables memory decoding and bus mastering.
   */
  public void enumerate(int mpsBytes) {
    int mpsCode = Integer.numberOfTrailingZeros(mpsBytes / 128);
    if (mpsBytes < 128 || mpsBytes > 4096 || Integer.bitCount(mpsBytes) != 1) {
      throw new IllegalArgumentException("Max_Payload_Size must be 128 to 4096 bytes, a power of two; found " + mpsBytes);
    }
    long next = BAR_WINDOW;
    for (int f = 0; f < 2; f++) {
      long id = configRead(f, 0x00);
      if (id == 0xFFFF_FFFFL || id == 0) {
        throw new IllegalStateException("function " + f + " answers vendor/device 0x" + Long.toHexString(id));
      }
      for (int bar = 0; bar < 6; bar += 2) {
        int reg = 0x10 + 4 * bar;
        configWrite(f, reg, 0xFFFF_FFFFL);
        configWrite(f, reg + 4, 0xFFFF_FFFFL);
        long lo = configRead(f, reg);
        long hi = configRead(f, reg + 4);
        long mask = (hi << 32) | (lo & ~0xFL);
        if ((lo & ~0xFL) == 0) {
          continue;
        }
        long size = -mask;
        next = (next + size - 1) & -size;
        barBase[f][bar] = next;
        barSize[f][bar] = size;
        configWrite(f, reg, next & 0xFFFF_FFFFL);
        configWrite(f, reg + 4, next >>> 32);
        next += size;
      }
      long devCtl = configRead(f, ConfigSpace.PCIE_CAP + 8);
      configWrite(f, ConfigSpace.PCIE_CAP + 8, (devCtl & ~0xE0L) | ((long) mpsCode << 5));
      configWrite(f, 0x04, 0x6);
    }
  }

  /** {@link #enumerate(int)} with a 256-byte Max_Payload_Size. */
  public void enumerate() {
    enumerate(256);
  }

  /** Where enumeration put BAR {@code bar} of {@code function}. */
  public long barBase(int function, int bar) {
    if (barSize[function][bar] == 0) {
      throw new IllegalArgumentException("function " + function + " has no BAR" + bar + " (enumerate first)");
    }
    return barBase[function][bar];
  }

  // --- MMIO -----------------------------------------------------------------------------------------

  /** Reads one DW at {@code offset} of BAR {@code bar} of {@code pf}, through that PF's queue. */
  public long mmioRead(int pf, int bar, long offset) {
    List<Completion> cs = mmioReadRaw(queueOf(pf), barBase(pf, bar) + offset, 1);
    return single(cs, "MMIO read of PF" + pf + " BAR" + bar + " + 0x" + Long.toHexString(offset)).data().get(0);
  }

  /** Writes one DW at {@code offset} of BAR {@code bar} of {@code pf} (posted: returns once queued). */
  public void mmioWrite(int pf, int bar, long offset, long value) {
    mmioWriteRaw(queueOf(pf), barBase(pf, bar) + offset, new long[] {value});
  }

  /** Sends a read of {@code lengthDw} DW at bus address {@code address} through {@code queue}; returns every completion. */
  public List<Completion> mmioReadRaw(int queue, long address, int lengthDw) {
    int last = lengthDw > 1 ? 0xF : 0;
    return collect(queue, request(queue, TlpType.MRD64, address, lengthDw, 0xF, last, 0, null));
  }

  /** Sends a memory write of {@code data} (one DW each) to bus address {@code address} through {@code queue}. */
  public void mmioWriteRaw(int queue, long address, long[] data) {
    request(queue, TlpType.MWR64, address, data.length, 0xF, data.length > 1 ? 0xF : 0, 0, data);
  }

  private static int queueOf(int pf) {
    if (pf != 0 && pf != 1) {
      throw new IllegalArgumentException("the Shell has PF0 and PF1, found PF" + pf);
    }
    return pf;
  }

  // --- host memory and interrupts ------------------------------------------------------------------

  /** Copies {@code bytes} into host memory at byte address {@code address} (DW aligned). */
  public void writeHostMemory(long address, byte[] bytes) {
    checkAligned(address, bytes.length);
    BigInteger[] words = new BigInteger[bytes.length / 4];
    for (int i = 0; i < words.length; i++) {
      long w = 0;
      for (int b = 0; b < 4; b++) {
        w |= (bytes[4 * i + b] & 0xFFL) << (8 * b);
      }
      words[i] = BigInteger.valueOf(w);
    }
    writeBanks(address / 4, words);
  }

  /** Copies {@code length} bytes out of host memory from byte address {@code address} (DW aligned). */
  public byte[] readHostMemory(long address, int length) {
    checkAligned(address, length);
    BigInteger[] words = readBanks(address / 4, length / 4);
    byte[] out = new byte[length];
    for (int i = 0; i < words.length; i++) {
      long w = words[i].longValue();
      for (int b = 0; b < 4; b++) {
        out[4 * i + b] = (byte) (w >>> (8 * b));
      }
    }
    return out;
  }

  /** Host memory is {@code lanes} banks of DW: DW {@code a} is word {@code a / lanes} of bank {@code a % lanes}. */
  private void writeBanks(long firstDw, BigInteger[] words) {
    for (int b = 0; b < lanes; b++) {
      long first = firstDw + Math.floorMod(b - firstDw, lanes);
      int n = first - firstDw >= words.length ? 0 : (int) ((words.length - (first - firstDw) + lanes - 1) / lanes);
      if (n == 0) {
        continue;
      }
      BigInteger[] part = new BigInteger[n];
      for (int i = 0; i < n; i++) {
        part[i] = words[(int) (first - firstDw) + i * lanes];
      }
      sim.writeMemory(bank(b), (int) (first / lanes), part);
    }
  }

  private BigInteger[] readBanks(long firstDw, int count) {
    BigInteger[] out = new BigInteger[count];
    for (int b = 0; b < lanes; b++) {
      long first = firstDw + Math.floorMod(b - firstDw, lanes);
      int n = first - firstDw >= count ? 0 : (int) ((count - (first - firstDw) + lanes - 1) / lanes);
      if (n == 0) {
        continue;
      }
      BigInteger[] part = sim.readMemory(bank(b), (int) (first / lanes), n);
      for (int i = 0; i < n; i++) {
        out[(int) (first - firstDw) + i * lanes] = part[i];
      }
    }
    return out;
  }

  private static String bank(int b) {
    return "rc.mem.bank" + b;
  }

  private static void checkAligned(long address, int length) {
    if (address % 4 != 0 || length % 4 != 0 || address < 0) {
      throw new IllegalArgumentException("host memory is copied in whole DW: expected a DW-aligned address and"
          + " length, found address 0x" + Long.toHexString(address) + " length " + length);
    }
  }

  /** Takes every interrupt message logged so far (steps one cycle per message). */
  public List<Interrupt> interrupts() {
    List<Interrupt> out = new ArrayList<>();
    sim.poke("irq_ready", 1);
    while (sim.peek("irq_valid") != 0) {
      long v = sim.peek("irq_data");
      out.add(new Interrupt(RootComplex.MSI_BASE & ~0xFFFF_FFFFL | (v >>> 32), v & 0xFFFF_FFFFL));
      sim.step();
    }
    sim.poke("irq_ready", 0);
    return out;
  }

  // --- queues ---------------------------------------------------------------------------------------

  /** Queues one request TLP; returns the queue it went to. */
  private int request(int q, int fmtType, long address, int lengthDw, int firstBe, int lastBe, int completerId,
      long[] data) {
    String p = "q" + q + "_";
    int beats = data == null ? 1 : (data.length + lanes - 1) / lanes;
    for (int b = 0; b < beats; b++) {
      sim.poke(p + "fmt_type", fmtType);
      sim.poke(p + "length_dw", lengthDw);
      sim.poke(p + "requester_id", 0);
      sim.poke(p + "tag", 0);
      sim.poke(p + "address", BigInteger.valueOf(address).and(BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE)));
      sim.poke(p + "first_be", firstBe);
      sim.poke(p + "last_be", lastBe);
      sim.poke(p + "completer_id", completerId);
      sim.poke(p + "status", 0);
      sim.poke(p + "byte_count", 0);
      sim.poke(p + "lower_address", 0);
      sim.poke(p + "poisoned", 0);
      BigInteger beat = BigInteger.ZERO;
      for (int l = 0; data != null && l < lanes && b * lanes + l < data.length; l++) {
        beat = beat.or(BigInteger.valueOf(data[b * lanes + l] & 0xFFFF_FFFFL).shiftLeft(32 * l));
      }
      sim.poke(p + "data", beat);
      sim.poke(p + "last", b == beats - 1 ? 1 : 0);
      sim.poke(p + "valid", 1);
      long start = sim.cycle();
      while (sim.peek(p + "ready") == 0) {
        if (sim.cycle() - start > timeout) {
          throw new SimulationTimeoutException(sim.cycle(), "request queue " + q + " stayed full for " + timeout + " cycles");
        }
        sim.step();
      }
      sim.step();
      sim.poke(p + "valid", 0);
    }
    return q;
  }

  /** Reads completions from queue {@code q} until the request's byte count is satisfied or a non-SC status. */
  private List<Completion> collect(int q, int unused) {
    String p = "c" + q + "_";
    List<Completion> out = new ArrayList<>();
    List<Long> data = new ArrayList<>();
    sim.poke(p + "ready", 1);
    long start = sim.cycle();
    try {
      while (true) {
        if (sim.cycle() - start > timeout) {
          throw new SimulationTimeoutException(sim.cycle(), "no completion on queue " + q + " within " + timeout
              + " cycles; got " + out);
        }
        if (sim.peek(p + "valid") == 0) {
          sim.step();
          continue;
        }
        int len = (int) sim.peek(p + "length_dw");
        BigInteger beat = sim.peekWide(p + "data");
        for (int l = 0; l < lanes && data.size() < len; l++) {
          data.add(beat.shiftRight(32 * l).longValue() & 0xFFFF_FFFFL);
        }
        boolean last = sim.peek(p + "last") != 0;
        Completion c = last ? new Completion((int) sim.peek(p + "fmt_type"), (int) sim.peek(p + "status"),
            (int) sim.peek(p + "tag"), (int) sim.peek(p + "completer_id"), (int) sim.peek(p + "byte_count"),
            (int) sim.peek(p + "lower_address"), len, data) : null;
        sim.step();
        if (c != null) {
          out.add(c);
          data = new ArrayList<>();
          if (c.status() != TlpType.CPL_SC || c.lengthDw() == 0 || c.payloadBytes() >= c.byteCount()) {
            return out;
          }
        }
      }
    } finally {
      sim.poke(p + "ready", 0);
    }
  }

  private static Completion single(List<Completion> cs, String what) {
    Completion c = cs.get(cs.size() - 1);
    if (c.status() != TlpType.CPL_SC) {
      throw new MmioException(what, c.status());
    }
    return cs.get(0);
  }

  private Completion single(int q, String what) {
    return single(collect(q, 0), what);
  }

  @Override
  public void close() {
    sim.close();
  }
}
