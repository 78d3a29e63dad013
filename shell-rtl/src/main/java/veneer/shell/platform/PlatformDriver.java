package veneer.shell.platform;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import veneer.shell.PartitionRegisters;
import veneer.shell.ShellConfig;
import veneer.shell.dram.AddressMap;
import veneer.shell.host.HostDriver;
import veneer.shell.host.TlpProtocolChecker;
import veneer.shell.mgmt.ManagementRegisters;
import veneer.shell.mgmt.RegisterMap;
import veneer.shell.mgmt.UserRegisters;
import veneer.shell.pr.PrStatus;
import veneer.sim.Backend;
import veneer.sim.SimulationTimeoutException;
import veneer.sim.bus.Axi4ProtocolChecker;
import veneer.sim.bus.AxiLiteProtocolChecker;
import veneer.sim.bus.CheckedSimulator;

/**
 * The host's way into a simulated {@link SimulatedPlatform}: what a management driver (PF0) and
 * a user driver (PF1) do, as Java calls, on top of {@link HostDriver}. Every register access is
 * a real TLP through the link and the Shell's endpoint. Protocol checkers are attached when it
 * opens: TLP on the link, AXI4-Lite on the Role's control port, AXI4 on the Role's DRAM ports
 * and on the DMA slot; a broken rule fails the call that stepped the simulation.
 *
 * <pre>{@code
 * try (PlatformDriver dev = PlatformDriver.open(new SimulatedPlatform(), Backend.JVM)) {
 *   dev.enumerate();
 *   PrStatus s = dev.loadImage(partialBitstreamBytes);   // through PF0's configuration port
 *   dev.roleWrite(KernelControl.CONTROL, 1);              // through PF1 BAR0
 * }
 * }</pre>
 */
public final class PlatformDriver implements AutoCloseable {
  /** PF0 (management) and PF1 (user). */
  public static final int PF0 = 0;
  public static final int PF1 = 1;

  private final HostDriver host;
  private final CheckedSimulator sim;
  private final SimulatedPlatform.Params params;
  private final int dramWordBytes;
  private int mpsBytes = 256;
  private long loadTimeoutCycles = 200_000;

  private PlatformDriver(HostDriver host, SimulatedPlatform.Params params) {
    this.host = host;
    this.sim = host.simulator();
    this.params = params;
    ShellConfig c = params.shell();
    this.dramWordBytes = c.role().dram().dataBytes();
    sim.attach(new TlpProtocolChecker(sim, c.tlpWidth(), params.rcbBytes()));
    sim.attach(new AxiLiteProtocolChecker(sim, "mon_role_ctrl"));
    for (int i = 0; i < c.role().dramPorts(); i++) {
      sim.attach(new Axi4ProtocolChecker(sim, "mon_role_dram" + i));
    }
    sim.attach(new Axi4ProtocolChecker(sim, "dma_dram"));
    for (String ch : List.of("aw", "w", "ar")) {
      sim.poke("dma_dram_" + ch + "_valid", 0);
    }
    sim.poke("dma_dram_b_ready", 0);
    sim.poke("dma_dram_r_ready", 0);
  }

  /** Simulates {@code platform} on {@code backend}, resets it and attaches the protocol checkers. */
  public static PlatformDriver open(SimulatedPlatform platform, Backend backend) {
    return new PlatformDriver(HostDriver.open(platform, platform.params.shell().tlpWidth(), backend), platform.params);
  }

  /** The host model underneath (raw TLPs, configuration requests, host memory). */
  public HostDriver host() {
    return host;
  }

  /** The simulator, for attaching more checkers and peeking ports. */
  public CheckedSimulator simulator() {
    return sim;
  }

  /** Cycles {@link #loadImage} may take after the last word before it gives up. */
  public PlatformDriver loadTimeout(long cycles) {
    this.loadTimeoutCycles = cycles;
    return this;
  }

  /** Enumerates both functions with a Max_Payload_Size of {@code mpsBytes} (see {@link HostDriver#enumerate(int)}). */
  public void enumerate(int mpsBytes) {
    host.enumerate(mpsBytes);
    this.mpsBytes = mpsBytes;
  }

  /** {@link #enumerate(int)} with 256 bytes. */
  public void enumerate() {
    enumerate(256);
  }

  // --- PF0: identity and registers ------------------------------------------------------------------

  /** PF0's {@code ident}: {@link ManagementRegisters#IDENT} on a Veneer Shell. */
  public long ident() {
    return pf0Read("ident");
  }

  public long shellVersion() {
    return pf0Read("shell_version");
  }

  /** The 128-bit shell interface id, read through PF0 ({@code interface_id_3} holds bits 127:96). */
  public BigInteger interfaceId() {
    BigInteger id = BigInteger.ZERO;
    for (int i = 3; i >= 0; i--) {
      id = id.shiftLeft(32).or(BigInteger.valueOf(pf0Read("interface_id_" + i)));
    }
    return id;
  }

  /** The variant ids the partition holds, in slot order, read through PF0. */
  public List<Long> variantIds() {
    int n = (int) pf0Read("variant_count");
    List<Long> ids = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      ids.add(pf0Read("variant_id_" + i));
    }
    return ids;
  }

  /** Reads PF0 register {@code name} of the management block or the partition region. */
  public long pf0Read(String name) {
    return host.mmioRead(PF0, 0, pf0Offset(name));
  }

  /** Writes PF0 register {@code name}. */
  public void pf0Write(String name, long value) {
    host.mmioWrite(PF0, 0, pf0Offset(name), value);
  }

  /** The BAR0 offset of PF0 register {@code name}. */
  public static long pf0Offset(String name) {
    for (RegisterMap m : List.of(ManagementRegisters.MAP, PartitionRegisters.MAP)) {
      if (m.registers().stream().anyMatch(r -> r.name().equals(name))) {
        return m.offsetOf(name);
      }
    }
    throw new IllegalArgumentException("PF0 has no register '" + name + "'; see ManagementRegisters and"
        + " PartitionRegisters");
  }

  // --- PF0: partial reconfiguration -------------------------------------------------------------------

  /**
   * Loads a partial bitstream (the payload of an image, docs/image-format.md section 2) through
   * PF0: start the configuration port, write the words to the data window in writes of at most
   * Max_Payload_Size, finish, and poll {@code cfgport_status} until the controller is no longer
   * busy. Returns the controller's status: {@link PrStatus#OK} when the variant is active, an
   * error code otherwise (the partition then stays decoupled with no active variant).
   */
  public PrStatus loadImage(byte[] partialBitstream) {
    if (partialBitstream.length == 0 || partialBitstream.length % 4 != 0) {
      throw new IllegalArgumentException("a partial bitstream is a whole number of 32-bit words; found "
          + partialBitstream.length + " bytes");
    }
    long[] words = new long[partialBitstream.length / 4];
    for (int i = 0; i < partialBitstream.length; i++) {
      words[i / 4] |= (partialBitstream[i] & 0xFFL) << (8 * (i % 4));
    }
    pf0Write("cfgport_control", PartitionRegisters.CONTROL_START);
    long window = host.barBase(PF0, 0) + ManagementRegisters.CONFIG_DATA_OFFSET;
    int chunk = mpsBytes / 4;
    for (int i = 0; i < words.length; i += chunk) {
      long[] part = java.util.Arrays.copyOfRange(words, i, Math.min(words.length, i + chunk));
      host.mmioWriteRaw(HostDriver.PF0_QUEUE, window, part);
    }
    pf0Write("cfgport_control", PartitionRegisters.CONTROL_FINISH);
    long start = sim.cycle();
    while (true) {
      long status = pf0Read("cfgport_status");
      if ((status & PartitionRegisters.STATUS_BUSY) == 0) {
        return PrStatus.of(status & PartitionRegisters.STATUS_CODE_MASK);
      }
      if (sim.cycle() - start > loadTimeoutCycles) {
        throw new SimulationTimeoutException(sim.cycle(), "the PR controller was still busy " + loadTimeoutCycles
            + " cycles after the last of " + words.length + " configuration words");
      }
    }
  }

  /** The partition's state, read through PF0. */
  public PartitionState partition() {
    return PartitionState.of(pf0Read("cfgport_status"), pf0Read("cfgport_error"), pf0Read("active_variant"),
        pf0Read("load_words"));
  }

  /** Sets or clears PF0's {@code role_reset}: while set the Role is decoupled; it is reset when set and when cleared. */
  public void holdRoleReset(boolean hold) {
    pf0Write("role_reset", hold ? 1 : 0);
  }

  /** Resets the active Role through PF0 and waits until it is coupled again. */
  public void resetRole() {
    holdRoleReset(true);
    holdRoleReset(false);
    awaitCoupled();
  }

  /** Sets or clears PF0's {@code decouple}; when cleared the Role is reset before it is coupled again. */
  public void decouple(boolean on) {
    pf0Write("decouple", on ? 1 : 0);
  }

  /** Polls PF0 until the controller is idle and the partition is coupled (an active variant is required). */
  public void awaitCoupled() {
    long start = sim.cycle();
    while (true) {
      long s = pf0Read("cfgport_status");
      if ((s & (PartitionRegisters.STATUS_BUSY | PartitionRegisters.STATUS_DECOUPLED)) == 0) {
        return;
      }
      if (sim.cycle() - start > loadTimeoutCycles) {
        throw new SimulationTimeoutException(sim.cycle(), "the partition was not coupled within "
            + loadTimeoutCycles + " cycles; cfgport_status 0x" + Long.toHexString(s));
      }
    }
  }

  // --- PF1: the Role and the user registers -------------------------------------------------------------

  /** Reads the Role's control register at {@code offset} through PF1 BAR0. */
  public long roleRead(long offset) {
    return host.mmioRead(PF1, 0, roleOffset(offset));
  }

  /** Writes the Role's control register at {@code offset} through PF1 BAR0 (posted). */
  public void roleWrite(long offset, long value) {
    host.mmioWrite(PF1, 0, roleOffset(offset), value);
  }

  private long roleOffset(long offset) {
    long size = params.shell().roleBarSize();
    if (offset < 0 || offset >= size || offset % 4 != 0) {
      throw new IllegalArgumentException(String.format("a Role register is a DW-aligned offset below 0x%x (PF1"
          + " BAR0's size); found 0x%x", size, offset));
    }
    return offset;
  }

  /** Reads PF1 BAR2 register {@code name} ({@link UserRegisters}). */
  public long userRead(String name) {
    return host.mmioRead(PF1, 2, UserRegisters.MAP.offsetOf(name));
  }

  /** Writes PF1 BAR2 register {@code name}. */
  public void userWrite(String name, long value) {
    host.mmioWrite(PF1, 2, UserRegisters.MAP.offsetOf(name), value);
  }

  // --- interrupts ---------------------------------------------------------------------------------------

  /**
   * The Role's interrupt lines where MSI-X will pick them up (the Shell's {@code role_irq}, 0
   * while decoupled). Until MSI-X is in the Shell this is a look at the wire, not something a
   * host sees; PF0's {@code role_irq} register shows the same lines through the link.
   */
  public long roleInterruptLines() {
    return sim.peek("role_irq");
  }

  /** Steps until Role interrupt line {@code line} is high; returns the cycles waited. */
  public long awaitRoleInterrupt(int line, long maxCycles) {
    return sim.runUntil(() -> (sim.peek("role_irq") >>> line & 1) != 0, maxCycles);
  }

  /** Interrupt messages that reached the host's interrupt log (MSI-X messages, once MSI-X is in). */
  public List<HostDriver.Interrupt> hostInterrupts() {
    return host.interrupts();
  }

  // --- DRAM -----------------------------------------------------------------------------------------------

  /**
   * Copies {@code bytes} into device DRAM at {@code address} through the simulator's memory back
   * door (no bus traffic, no cycles): for setting up tests. The Shell has no host path into DRAM
   * until the DMA engine fills its slot.
   */
  public void writeDram(long address, byte[] bytes) {
    forEachWord(address, bytes.length, (path, index, from, offset, n) -> {
      byte[] word = readWord(path, index);
      System.arraycopy(bytes, from, word, offset, n);
      sim.writeMemory(path, index, new BigInteger[] {toBig(word)});
    });
  }

  /** Copies {@code length} bytes out of device DRAM from {@code address} (back door). */
  public byte[] readDram(long address, int length) {
    byte[] out = new byte[length];
    forEachWord(address, length, (path, index, from, offset, n) ->
        System.arraycopy(readWord(path, index), offset, out, from, n));
    return out;
  }

  /** Writes 32-bit little-endian values to DRAM from {@code address} (back door). */
  public void writeDramInts(long address, int[] values) {
    byte[] b = new byte[4 * values.length];
    for (int i = 0; i < values.length; i++) {
      for (int k = 0; k < 4; k++) {
        b[4 * i + k] = (byte) (values[i] >>> (8 * k));
      }
    }
    writeDram(address, b);
  }

  /** Reads {@code count} 32-bit little-endian values from DRAM at {@code address} (back door). */
  public int[] readDramInts(long address, int count) {
    byte[] b = readDram(address, 4 * count);
    int[] v = new int[count];
    for (int i = 0; i < count; i++) {
      for (int k = 0; k < 4; k++) {
        v[i] |= (b[4 * i + k] & 0xFF) << (8 * k);
      }
    }
    return v;
  }

  private interface WordSpan {
    void apply(String path, int index, int from, int offset, int n);
  }

  /** Splits [address, address + length) into pieces that each lie in one DRAM word. */
  private void forEachWord(long address, int length, WordSpan span) {
    AddressMap map = params.shell().dram();
    if (address < map.base() || address + length > map.end()) {
      throw new IllegalArgumentException(String.format("DRAM is 0x%x-0x%x; found 0x%x-0x%x", map.base(),
          map.end() - 1, address, address + length - 1));
    }
    int done = 0;
    while (done < length) {
      long a = address + done;
      AddressMap.Target t = map.decode(a).orElseThrow();
      int offset = (int) (t.local() % dramWordBytes);
      int n = Math.min(length - done, dramWordBytes - offset);
      span.apply(SimulatedPlatform.dramPath(t.channel()), (int) (t.local() / dramWordBytes), done, offset, n);
      done += n;
    }
  }

  /** A DRAM word as bytes, lowest address first (the AXI byte lane order). */
  private byte[] readWord(String path, int index) {
    BigInteger v = sim.readMemory(path, index, 1)[0];
    byte[] out = new byte[dramWordBytes];
    for (int i = 0; i < dramWordBytes; i++) {
      out[i] = v.shiftRight(8 * i).byteValue();
    }
    return out;
  }

  private static BigInteger toBig(byte[] word) {
    byte[] be = new byte[word.length + 1];
    for (int i = 0; i < word.length; i++) {
      be[word.length - i] = word[i];
    }
    return new BigInteger(be);
  }

  // --- time -------------------------------------------------------------------------------------------------

  /** Lets {@code cycles} pass. */
  public void idle(long cycles) {
    sim.step(cycles);
  }

  @Override
  public void close() {
    host.close();
  }
}
