package veneer.shell.pr;

import java.math.BigInteger;
import java.util.List;
import veneer.runtime.image.PartialBitstream;
import veneer.runtime.image.ShellInterfaceId;
import veneer.shell.role.RoleParams;
import veneer.shell.role.VectorAddKernel;
import veneer.sim.Backend;
import veneer.sim.Simulators;
import veneer.sim.bus.Axi4ProtocolChecker;
import veneer.sim.bus.Axi4SlaveMemory;
import veneer.sim.bus.AxiLiteMaster;
import veneer.sim.bus.AxiLiteProtocolChecker;
import veneer.sim.bus.CheckedSimulator;
import veneer.sim.bus.StreamDriver;
import veneer.sim.bus.StreamPorts;
import veneer.sim.bus.StreamProtocolChecker;

/**
 * A {@link PrRegion} with three variants (the vector-add kernel, {@link CounterRole}, and a
 * {@link NoiseRole} that is never loaded), a Java DRAM on its DRAM port, a control-port manager,
 * a configuration-port word driver and protocol checkers on every Shell-side port.
 */
final class PrBench implements AutoCloseable {
  static final String SHELL_ID = "0123456789abcdef0011223344556677";
  static final long VADD = 0x11;
  static final long COUNTER = 0x22;
  static final long NOISE = 0x33;
  static final int RESET_CYCLES = 8;

  final CheckedSimulator sim;
  final Axi4SlaveMemory dram;
  final AxiLiteMaster bar;
  final StreamDriver cfg;
  final Axi4ProtocolChecker axi;

  PrBench(long seed) {
    RoleParams p = RoleParams.defaults();
    PrRegion top = new PrRegion(p, new BigInteger(SHELL_ID, 16), List.of(
        new VariantSlot(VADD, new VectorAddKernel(p)),
        new VariantSlot(COUNTER, new CounterRole(p)),
        new VariantSlot(NOISE, new NoiseRole(p))), RESET_CYCLES, 8);
    sim = CheckedSimulator.wrap(Simulators.open(top, Backend.JVM));
    axi = sim.attach(new Axi4ProtocolChecker(sim, "role_dram0"));
    sim.attach(new AxiLiteProtocolChecker(sim, "role_ctrl"));
    sim.attach(new StreamProtocolChecker(sim, StreamPorts.stream("cfg")));
    dram = sim.attach(new Axi4SlaveMemory(sim, "role_dram0",
        Axi4SlaveMemory.Config.defaults().withLatency(6).withSeed(seed)));
    cfg = sim.attach(new StreamDriver(sim, StreamPorts.stream("cfg"), seed, 1.0));
    bar = new AxiLiteMaster(sim, "role_ctrl");
    for (String in : List.of("cfg_end", "ctl_timeout", "ctl_decouple", "ctl_role_reset")) {
      sim.poke(in, 0);
    }
    sim.reset(2);
  }

  static byte[] image(long variant, String shellId, byte[] data) {
    return PartialBitstream.builder().variantId(variant).shellInterfaceId(ShellInterfaceId.parse(shellId))
        .data(data).build().toBytes();
  }

  static byte[] image(long variant) {
    return image(variant, SHELL_ID, data(100, variant));
  }

  /** Deterministic configuration data. */
  static byte[] data(int n, long salt) {
    byte[] d = new byte[n];
    for (int i = 0; i < n; i++) {
      d[i] = (byte) (i * 31 + salt);
    }
    return d;
  }

  static long[] words(byte[] stream) {
    long[] w = new long[(stream.length + 3) / 4];
    for (int i = 0; i < stream.length; i++) {
      w[i / 4] |= (stream[i] & 0xFFL) << (8 * (i % 4));
    }
    return w;
  }

  /** Queues the words; returns when the controller has taken them all. */
  void send(long[] words) {
    for (long w : words) {
      cfg.send(w);
    }
    sim.runUntil(cfg::idle, 100L * words.length + 100);
  }

  void strobeEnd() {
    sim.poke("cfg_end", 1);
    sim.step();
    sim.poke("cfg_end", 0);
  }

  /** Sends a stream (and the end strobe), waits until the controller is no longer busy; returns the status. */
  PrStatus load(byte[] stream) {
    send(words(stream));
    strobeEnd();
    sim.runUntil(() -> sim.peek("st_busy") == 0, 1000);
    return status();
  }

  PrStatus status() {
    return PrStatus.of(sim.peek("st_status"));
  }

  @Override
  public void close() {
    sim.close();
  }
}
