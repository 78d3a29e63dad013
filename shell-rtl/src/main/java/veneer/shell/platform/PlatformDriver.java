package veneer.shell.platform;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import veneer.shell.PartitionRegisters;
import veneer.shell.ShellConfig;
import veneer.shell.dma.DmaDriver;
import veneer.shell.dma.DmaError;
import veneer.shell.dma.DmaRegisters;
import veneer.shell.dma.DmaTransferException;
import veneer.shell.dram.AddressMap;
import veneer.shell.host.HostDriver;
import veneer.shell.host.RootComplex;
import veneer.shell.host.TlpProtocolChecker;
import veneer.shell.mgmt.ManagementRegisters;
import veneer.shell.mgmt.RegisterMap;
import veneer.shell.mgmt.UserRegisters;
import veneer.shell.msix.MsixRegisters;
import veneer.shell.pr.PrStatus;
import veneer.sim.Backend;
import veneer.sim.SimulationTimeoutException;
import veneer.sim.bus.Axi4ProtocolChecker;
import veneer.sim.bus.AxiLiteProtocolChecker;
import veneer.sim.bus.CheckedSimulator;
import veneer.sim.progress.Progress;

/**
 * The host's way into a simulated {@link SimulatedPlatform}: what a management driver (PF0) and
 * a user driver (PF1) do, as Java calls, on top of {@link HostDriver}. Every register access is
 * a real TLP through the link and the Shell's endpoint. Protocol checkers are attached when it
 * opens: TLP on the link, AXI4-Lite on the Role's control port, AXI4 on the Role's DRAM ports
 * and on the DMA engine's DRAM port; a broken rule fails the call that stepped the simulation.
 * Host memory below {@link #DMA_STAGING_BASE} holds the DMA rings of {@link #copyToCard} and
 * {@link #copyFromCard}, and their data passes through host memory above it: tests that put
 * their own data in host memory for raw DMA ({@link #dma()}) use other channels (1 and 3) or
 * their own rings.
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
  /** Cycles between progress reports while waiting for an interrupt. */
  private static final long PROGRESS_CYCLES = 4096;
  /** Host memory from here up is the staging buffer of the DMA copies; below it are their rings. */
  public static final long DMA_STAGING_BASE = PlatformDma.STAGING_BASE;

  private final HostDriver host;
  private final CheckedSimulator sim;
  private final SimulatedPlatform.Params params;
  private final int dramWordBytes;
  private int mpsBytes = 256;
  private long loadTimeoutCycles = 200_000;
  private final PlatformDma dma;
  /** MSI-X messages taken from the host's log but not yet asked for. */
  private final List<HostDriver.Interrupt> interruptBacklog = new ArrayList<>();
  private boolean roleVectorsSet;

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
    sim.attach(new Axi4ProtocolChecker(sim, "mon_dma_dram"));
    this.dma = new PlatformDma(host, c.dram().totalBytes(), 4L * params.hostMemDw());
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
    for (RegisterMap m : List.of(ManagementRegisters.MAP, PartitionRegisters.MAP, DmaRegisters.WINDOWS)) {
      if (m.registers().stream().anyMatch(r -> r.name().equals(name))) {
        return m.offsetOf(name);
      }
    }
    throw new IllegalArgumentException("PF0 has no register '" + name + "'; see ManagementRegisters,"
        + " PartitionRegisters and DmaRegisters.WINDOWS");
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
      long[] part = Arrays.copyOfRange(words, i, Math.min(words.length, i + chunk));
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
   * The Role's interrupt lines as MSI-X sees them (the Shell's {@code role_irq}, 0 while
   * decoupled): a look at the wire; PF0's {@code role_irq} register shows the same lines through
   * the link, and {@link #awaitRoleInterrupt} waits for the message a host gets.
   */
  public long roleInterruptLines() {
    return sim.peek("role_irq");
  }

  /** The host-memory address of Role line {@code line}'s MSI-X message ({@link RootComplex#MSI_BASE} + 4 x vector). */
  public static long roleInterruptAddress(int line) {
    return RootComplex.MSI_BASE + 4L * (MsixRegisters.ROLE_VECTOR_BASE + line);
  }

  /**
   * Waits for Role interrupt line {@code line}'s MSI-X message in the host's interrupt log (a
   * message is sent on each rising edge of the line); returns the cycles waited. The first call
   * programs the Role's vectors (address {@link #roleInterruptAddress}, data the vector number)
   * and enables MSI-X in PF1's capability; an edge before that was kept pending and arrives now.
   * Other messages taken from the log meanwhile stay for {@link #hostInterrupts}.
   *
   * @throws SimulationTimeoutException if no message came within {@code maxCycles}
   */
  public long awaitRoleInterrupt(int line, long maxCycles) {
    long waited = pollRoleInterrupt(line, maxCycles);
    if (waited < 0) {
      throw new SimulationTimeoutException(sim.cycle(), "no MSI-X message of Role interrupt line " + line
          + " (vector " + (MsixRegisters.ROLE_VECTOR_BASE + line) + ") within " + maxCycles + " cycles; the line is "
          + (roleInterruptLines() >>> line & 1) + ", PBA 0x" + Long.toHexString(dma.driver().pba()));
    }
    return waited;
  }

  /** {@link #awaitRoleInterrupt}, returning -1 instead of throwing when {@code maxCycles} pass. */
  public long pollRoleInterrupt(int line, long maxCycles) {
    int lines = params.shell().role().interrupts();
    if (line < 0 || line >= lines) {
      throw new IllegalArgumentException("the Role has interrupt lines 0 to " + (lines - 1) + ", found " + line);
    }
    if (!roleVectorsSet) {
      for (int l = 0; l < lines; l++) {
        int v = MsixRegisters.ROLE_VECTOR_BASE + l;
        dma.driver().vector(v, roleInterruptAddress(l), v, false);
      }
      dma.driver().msix(true, false);
      roleVectorsSet = true;
    }
    long address = roleInterruptAddress(line);
    long start = sim.cycle();
    try (Progress.Task progress = Progress.begin("device: waiting for Role interrupt " + line)) {
      while (true) {
        interruptBacklog.addAll(host.interrupts());
        for (int i = 0; i < interruptBacklog.size(); i++) {
          if (interruptBacklog.get(i).address() == address) {
            interruptBacklog.remove(i);
            return sim.cycle() - start;
          }
        }
        long waited = sim.cycle() - start;
        if (waited >= maxCycles) {
          return -1;
        }
        if (waited % PROGRESS_CYCLES == 0) {
          progress.fraction(String.format(Locale.ROOT, "%,d cycles of at most %,d", waited, maxCycles),
              (double) waited / maxCycles);
        }
        sim.step(Math.min(16, maxCycles - waited));
      }
    }
  }

  /** Takes every MSI-X message that reached the host's interrupt log and was not yet taken. */
  public List<HostDriver.Interrupt> hostInterrupts() {
    List<HostDriver.Interrupt> out = new ArrayList<>(interruptBacklog);
    interruptBacklog.clear();
    out.addAll(host.interrupts());
    return out;
  }

  // --- DMA --------------------------------------------------------------------------------------------

  /** Bytes of device DRAM (addresses 0 to this, exclusive). */
  public long dramBytes() {
    return params.shell().dram().totalBytes();
  }

  /**
   * Copies {@code bytes} into device DRAM at {@code address} through the DMA engine (channel
   * h2c0, descriptors in host memory, doorbell through PF1, completion by the descriptor's status
   * write-back). Any byte range works: partial 64-byte lines at the ends are read first.
   *
   * @throws DmaTransferException if the channel refused a descriptor (outside DRAM...); the
   *     channel is cleared and takes the next copy
   */
  public void copyToCard(long address, byte[] bytes) {
    dma.toCard(address, bytes, 0, bytes.length);
  }

  /** {@link #copyToCard(long, byte[])} of {@code length} bytes of {@code data} from {@code offset}. */
  public void copyToCard(long address, byte[] data, int offset, int length) {
    dma.toCard(address, data, offset, length);
  }

  /** Copies {@code length} bytes of device DRAM at {@code address} to the host through the DMA engine (channel c2h0). */
  public byte[] copyFromCard(long address, int length) {
    byte[] out = new byte[length];
    dma.fromCard(address, out, 0, length);
    return out;
  }

  /** {@link #copyFromCard(long, int)} into {@code into} from {@code offset}. */
  public void copyFromCard(long address, byte[] into, int offset, int length) {
    dma.fromCard(address, into, offset, length);
  }

  /** The DMA channels' host software (rings, doorbells, windows, MSI-X table) for tests that go below the copies. */
  public DmaDriver dma() {
    return dma.driver();
  }

  /**
   * Channel {@code c}'s {@code status} register, read through PF1: bit 0 busy, bit 1 stopped by
   * an error, bits 15:8 the {@link DmaError} code, 31:16 head.
   */
  public long dmaStatus(int c) {
    return dma.driver().reg(c, "status");
  }

  /** Clears channel {@code c}'s error through PF1: retry the failed descriptor, or skip it. */
  public void clearDmaError(int c, boolean skip) {
    dma.driver().clearError(c, skip);
  }

  // --- DRAM -----------------------------------------------------------------------------------------------

  /**
   * Copies {@code bytes} into device DRAM at {@code address} through the simulator's memory back
   * door (no bus traffic, no cycles): for setting up and checking tests. {@link #copyToCard} is
   * the host's way.
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
