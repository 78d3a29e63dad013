package veneer.shell.role;

import veneer.hdl.Bundle;
import veneer.hdl.Module;
import veneer.hdl.bus.Axi4;
import veneer.shell.dram.DramConfig;
import veneer.shell.dram.DramSubsystem;
import veneer.shell.dram.InterconnectConfig;

/**
 * The overlay's memory path from the array's port on: port {@code s} (the array's shape) into a
 * {@link GlobalMemoryBridge}, onto manager 0 of a {@link DramSubsystem}.
 */
final class BridgedDram extends Module {
  BridgedDram(Axi4.Params array, InterconnectConfig x, DramConfig timing, int depth) {
    Axi4 s = slave("s", () -> new Axi4(array));
    GlobalMemoryBridge bridge = instance("bridge", new GlobalMemoryBridge(array, x.masterParams(), depth));
    DramSubsystem dram = instance("dram", new DramSubsystem(x, timing));
    Bundle.connect(s, bridge.s);
    Bundle.connect(bridge.m, dram.masters.get(0));
  }
}
