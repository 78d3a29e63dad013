package veneer.shell.dram;

import java.util.ArrayList;
import java.util.List;
import veneer.hdl.Bundle;
import veneer.hdl.Module;
import veneer.hdl.bus.Axi4;

/**
 * The Shell's DRAM: an {@link AxiInterconnect} from {@code masters} manager ports
 * ({@code m0} ... ; the Shell uses DMA, the Role and the host's direct window) to the
 * {@link DramChannel}s of an {@link AddressMap} (instances {@code ch0} ..., memories
 * {@code ch<j>.ram} for back-door loading).
 *
 * <pre>{@code
 * InterconnectConfig x = new InterconnectConfig(3, 4, 34, 512, 32, AddressMap.contiguous(0, 2, 16L << 20));
 * DramSubsystem dram = instance("dram", new DramSubsystem(x, DramConfig.defaults()));
 * }</pre>
 */
public final class DramSubsystem extends Module {
  /** Manager ports {@code m<i>}. */
  public final List<Axi4> masters = new ArrayList<>();
  public final InterconnectConfig config;
  /** The channel configuration actually built (size, width and ID width from the interconnect). */
  public final DramConfig channelConfig;

  /**
   * @param x the interconnect and address map
   * @param timing latency, outstanding reads and penalties of every channel (its size, data and
   *     ID widths are taken from {@code x})
   */
  public DramSubsystem(InterconnectConfig x, DramConfig timing) {
    this.config = x;
    this.channelConfig = x.channelConfig(timing);
    AxiInterconnect xbar = instance("xbar", new AxiInterconnect(x));
    for (int i = 0; i < x.masters(); i++) {
      Axi4 port = slave("m" + i, () -> new Axi4(x.masterParams()));
      masters.add(port);
      Bundle.connect(port, xbar.masters.get(i));
    }
    for (int j = 0; j < x.map().channels(); j++) {
      DramChannel ch = instance("ch" + j, new DramChannel(channelConfig));
      Bundle.connect(xbar.slaves.get(j), ch.s);
    }
  }

  /** The back-door path of channel {@code j}'s memory, for {@code Simulator.writeMemory}. */
  public static String memoryPath(int j) {
    return "ch" + j + ".ram";
  }
}
