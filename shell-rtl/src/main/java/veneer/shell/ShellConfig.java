package veneer.shell;

import java.math.BigInteger;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import veneer.shell.dram.AddressMap;
import veneer.shell.dram.DramConfig;
import veneer.shell.dram.InterconnectConfig;
import veneer.shell.dma.DmaConfig;
import veneer.shell.msix.MsixRegisters;
import veneer.shell.role.RoleParams;

/**
 * Everything a {@link Shell} is built from: the shell interface id images are checked against,
 * the Role boundary and the variants the partition can be loaded with, the DRAM, and the sizes
 * of the PCIe data path and the partition's reset pulse.
 *
 * <pre>{@code
 * ShellConfig c = ShellConfig.defaults(List.of(new VariantSpec(1, VectorAddKernel::new)))
 *     .withDram(AddressMap.interleaved(0, 2, 64 << 10, 4096), DramConfig.defaults().withReadLatency(20));
 * }</pre>
 *
 * @param interfaceId the 128-bit shell interface id (PF0 shows it; the PR controller checks it)
 * @param role the Role boundary every variant has; its control address width sets PF1 BAR0's size
 * @param variants the partition's variants, in slot order
 * @param dram where the DRAM channels are (the Role's and the DMA engine's addresses)
 * @param dramTiming latency and penalties of every channel (size and widths come from the map and the Role)
 * @param tlpWidth bits of TLP payload per beat
 * @param resetCycles length of a variant's reset pulse
 * @param maxBursts outstanding bursts per Role DRAM port through the decoupler
 * @param probes add {@code probe_*} outputs copying the Role's Shell-side buses, for protocol checkers in
 *     simulation (a hardware build leaves them off)
 * @param dma the requester path's tags, read request size and completion timeout
 */
public record ShellConfig(BigInteger interfaceId, RoleParams role, List<VariantSpec> variants, AddressMap dram,
    DramConfig dramTiming, int tlpWidth, int resetCycles, int maxBursts, boolean probes, DmaConfig dma) {
  /** The interface id of the simulated Shell: "VENEERSHELL0" and build 1. */
  public static final BigInteger DEFAULT_INTERFACE_ID = new BigInteger("56454E4545525348454C4C3000000001", 16);
  /** Outstanding transactions of one ID of one manager the DRAM interconnect tracks. */
  public static final int MAX_OUTSTANDING_PER_ID = 32;
  /**
   * The TLP beat of the Shell: the DMA engine moves 64-byte beats, and at 256 bits the datapath
   * would carry at most 32 B/cycle, half of what a Gen3 x16 link moves at 250 MHz.
   */
  public static final int TLP_WIDTH = 512;
  /**
   * Bursts per direction the decoupler lets a Role DRAM port keep outstanding. One line per cycle
   * needs a DRAM round trip's worth of reads in flight (about 21 at the default 20-cycle latency);
   * 8 capped the overlay's reads at 0.375 lines per cycle (docs/array-throughput.md, third pass).
   */
  public static final int DEFAULT_MAX_BURSTS = 32;
  /** Role interrupt lines that have MSI-X vectors of their own ({@link MsixRegisters#ROLE_VECTORS}). */
  public static final int MAX_ROLE_INTERRUPTS = MsixRegisters.ROLE_VECTORS;

  /** The configuration with the default requester sizes ({@link DmaConfig#defaults()}). */
  public ShellConfig(BigInteger interfaceId, RoleParams role, List<VariantSpec> variants, AddressMap dram,
      DramConfig dramTiming, int tlpWidth, int resetCycles, int maxBursts, boolean probes) {
    this(interfaceId, role, variants, dram, dramTiming, tlpWidth, resetCycles, maxBursts, probes, DmaConfig.defaults());
  }

  public ShellConfig {
    if (interfaceId == null || interfaceId.signum() < 0 || interfaceId.bitLength() > 128) {
      throw new IllegalArgumentException("the shell interface id must be a 128-bit unsigned number, found "
          + interfaceId);
    }
    if (role.ctrlAddrWidth() < 12 || role.ctrlAddrWidth() > 31) {
      throw new IllegalArgumentException("PF1 BAR0 is the Role's control space and a BAR is 4 KiB to 2 GiB: the"
          + " Role's control address width must be 12 to 31 bits, found " + role.ctrlAddrWidth());
    }
    if (role.dram().userWidth() != 0) {
      throw new IllegalArgumentException("the DRAM interconnect has no AXI user signals; the Role's DRAM ports"
          + " must have user width 0, found " + role.dram().userWidth());
    }
    variants = List.copyOf(variants);
    if (variants.isEmpty()) {
      throw new IllegalArgumentException("a Shell needs at least one Role variant");
    }
    Set<Long> ids = new HashSet<>();
    for (VariantSpec v : variants) {
      if (v.variantId() == 0) {
        throw new IllegalArgumentException("variant id 0 means 'no active variant' in PF0's registers; use another");
      }
      if (!ids.add(v.variantId())) {
        throw new IllegalArgumentException("variant id 0x" + Long.toHexString(v.variantId()) + " is used twice");
      }
    }
    if (variants.size() > PartitionRegisters.MAX_VARIANTS) {
      throw new IllegalArgumentException("PF0 lists at most " + PartitionRegisters.MAX_VARIANTS
          + " variants, found " + variants.size());
    }
    if (tlpWidth != TLP_WIDTH) {
      throw new IllegalArgumentException("the Shell's TLP beat is " + TLP_WIDTH + " bits (the DMA engine moves"
          + " 64-byte beats; 256 bits would cap the DMA at half the link), found " + tlpWidth);
    }
    if (role.dram().dataWidth() != 512 || role.dram().idWidth() < 2) {
      throw new IllegalArgumentException("the DRAM ports (the Role's and the DMA engine's) are 512 bits wide with at"
          + " least 2 ID bits, found " + role.dram().dataWidth() + " bits and " + role.dram().idWidth() + " ID bits");
    }
    if (role.interrupts() > MAX_ROLE_INTERRUPTS) {
      throw new IllegalArgumentException("MSI-X has vectors for " + MAX_ROLE_INTERRUPTS + " Role interrupt lines,"
          + " found a Role with " + role.interrupts());
    }
    if (dram.base() != 0) {
      throw new IllegalArgumentException("the Shell's DRAM starts at address 0, found base 0x"
          + Long.toHexString(dram.base()));
    }
    if (dma == null) {
      throw new IllegalArgumentException("the DMA configuration is missing");
    }
    if (maxBursts < 1) {
      throw new IllegalArgumentException("maxBursts must be at least 1, found " + maxBursts);
    }
    interconnect(role, dram);
  }

  /**
   * The default boundary ({@link RoleParams#defaults()}), 2 x 1 MiB DRAM channels interleaved at
   * 4 KiB from address 0 with the default channel timing, 512-bit TLP beats ({@link #TLP_WIDTH}),
   * an 8-cycle reset pulse, {@link #DEFAULT_MAX_BURSTS} bursts per port, no probes, the default DMA sizes.
   */
  public static ShellConfig defaults(List<VariantSpec> variants) {
    return new ShellConfig(DEFAULT_INTERFACE_ID, RoleParams.defaults(), variants,
        AddressMap.interleaved(0, 2, 1L << 20, 4096), DramConfig.defaults(), TLP_WIDTH, 8, DEFAULT_MAX_BURSTS, false);
  }

  public ShellConfig withInterfaceId(BigInteger id) {
    return new ShellConfig(id, role, variants, dram, dramTiming, tlpWidth, resetCycles, maxBursts, probes, dma);
  }

  public ShellConfig withDram(AddressMap map, DramConfig timing) {
    return new ShellConfig(interfaceId, role, variants, map, timing, tlpWidth, resetCycles, maxBursts, probes, dma);
  }

  /** The same Shell with another Role boundary (every variant is built with it; PF1 BAR0 follows its control window). */
  public ShellConfig withRole(RoleParams r) {
    return new ShellConfig(interfaceId, r, variants, dram, dramTiming, tlpWidth, resetCycles, maxBursts, probes);
  }

  public ShellConfig withProbes(boolean on) {
    return new ShellConfig(interfaceId, role, variants, dram, dramTiming, tlpWidth, resetCycles, maxBursts, on, dma);
  }

  public ShellConfig withDma(DmaConfig d) {
    return new ShellConfig(interfaceId, role, variants, dram, dramTiming, tlpWidth, resetCycles, maxBursts, probes, d);
  }

  /** PF1 BAR0's size: the Role's control space. */
  public long roleBarSize() {
    return 1L << role.ctrlAddrWidth();
  }

  /**
   * The DRAM interconnect: manager 0 is the DMA slot ({@link Shell#DMA_MANAGER}), managers 1 ...
   * the Role's DRAM ports, all with the Role's port shape.
   */
  public InterconnectConfig interconnect() {
    return interconnect(role, dram);
  }

  private static InterconnectConfig interconnect(RoleParams role, AddressMap dram) {
    return new InterconnectConfig(1 + role.dramPorts(), role.dram().idWidth(), role.dram().addrWidth(),
        role.dram().dataWidth(), MAX_OUTSTANDING_PER_ID, dram);
  }
}
