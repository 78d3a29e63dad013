package veneer.hdl;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import veneer.hdl.ModuleBuilder.NetB;
import veneer.hdl.ModuleBuilder.NetKind;
import veneer.hdl.check.Checks;
import veneer.hdl.ir.Assertion;
import veneer.hdl.ir.ClockDomain;
import veneer.hdl.ir.Driver;
import veneer.hdl.ir.Instance;
import veneer.hdl.ir.Memory;
import veneer.hdl.ir.ModuleIr;
import veneer.hdl.ir.Net;
import veneer.hdl.ir.Op;
import veneer.hdl.ir.Port;
import veneer.hdl.ir.SourceLoc;

/**
 * Finishes a module: lowers its conditional assignments, adds the implicit clock and reset ports
 * it needs, freezes the netlist and runs the checks on it.
 */
final class ModuleSealer {
  private final Module module;
  private final ModuleBuilder b;
  private final String name;
  private final SourceLoc loc;

  ModuleSealer(Module module, ModuleBuilder b, String name, SourceLoc loc) {
    this.module = module;
    this.b = b;
    this.name = name;
    this.loc = loc;
  }

  ModuleIr seal() {
    if (!b.frames.isEmpty()) {
      throw new HdlException(loc, "module " + name + " is sealed inside a when block");
    }
    Map<Integer, Integer> finalValues = module instanceof BlackBox
        ? Map.of() : new WhenLowering(b).lower();
    for (Map.Entry<Integer, Integer> e : finalValues.entrySet()) {
      NetB n = b.net(e.getKey());
      n.driver = n.kind == NetKind.REG
          ? new Driver.Register(e.getValue(), n.reset, 0)
          : new Driver.Alias(e.getValue());
    }

    for (ModuleBuilder.MemB m : b.mems) {
      if (m.exclusiveWrites) {
        assertExclusiveWrites(b, m);
      }
    }

    boolean needsClock = false;
    boolean needsReset = false;
    for (NetB n : b.nets) {
      if (n.kind == NetKind.REG) {
        needsClock = true;
        needsReset |= n.reset != null;
      }
    }
    needsClock |= !b.assertions.isEmpty();
    for (ModuleBuilder.MemB m : b.mems) {
      needsClock |= !m.writes.isEmpty() || m.reads.stream().anyMatch(Memory.ReadPort::sync);
    }
    for (ModuleBuilder.InstB inst : b.instances) {
      for (Port p : inst.child.ir().ports()) {
        needsClock |= p.kind() == Port.Kind.CLOCK;
        needsReset |= p.kind() == Port.Kind.RESET;
      }
    }

    List<Port> ports = new ArrayList<>();
    int clockNet = -1;
    int resetNet = -1;
    List<ClockDomain> domains = new ArrayList<>();
    if (module instanceof BlackBox) {
      needsClock = false;
      needsReset = false;
    }
    if (needsClock) {
      clockNet = b.add(1, Module.CLOCK, loc, NetKind.INPUT, new Driver.Input(Module.CLOCK));
      ports.add(new Port(Module.CLOCK, Port.Direction.INPUT, Port.Kind.CLOCK, 1, clockNet, loc));
      if (needsReset) {
        resetNet = b.add(1, Module.RESET, loc, NetKind.INPUT, new Driver.Input(Module.RESET));
        ports.add(new Port(Module.RESET, Port.Direction.INPUT, Port.Kind.RESET, 1, resetNet, loc));
      }
      domains.add(new ClockDomain("clk", Module.CLOCK, needsReset ? Module.RESET : null));
    }
    for (ModuleBuilder.PortB p : b.ports) {
      NetB n = b.net(p.net());
      int net = p.net();
      ports.add(new Port(p.name(), p.direction(), p.kind(), n.width, net, p.loc()));
    }

    List<Instance> instances = new ArrayList<>();
    for (ModuleBuilder.InstB inst : b.instances) {
      Map<String, Integer> inputs = new LinkedHashMap<>();
      for (Port p : inst.child.ir().ports()) {
        if (!p.isInput()) {
          continue;
        }
        switch (p.kind()) {
          case CLOCK -> inputs.put(p.name(), clockNet);
          case RESET -> inputs.put(p.name(), inst.extraReset < 0 ? resetNet
              : b.add(1, null, inst.loc, NetKind.NODE,
                  new Driver.Operation(Op.OR, new int[] {resetNet, inst.extraReset}, 0)));
          case DATA -> inputs.put(p.name(), inst.portNets.get(p.name()));
          default -> throw new IllegalStateException();
        }
      }
      instances.add(new Instance(inst.name, inst.child.ir(), inputs, inst.loc));
    }

    List<Memory> memories = new ArrayList<>();
    for (ModuleBuilder.MemB m : b.mems) {
      memories.add(new Memory(m.name, m.width, m.depth, m.init, List.copyOf(m.reads),
          List.copyOf(m.writes), m.exclusiveWrites, m.loc));
    }

    List<Net> nets = new ArrayList<>(b.nets.size());
    for (NetB n : b.nets) {
      if (n.driver == null) {
        throw new IllegalStateException("net without driver: " + n.describe());
      }
      nets.add(new Net(n.id, n.width, n.name, n.loc, n.driver));
    }
    Optional<ModuleIr.BlackBoxBody> body = module instanceof BlackBox bb
        ? Optional.of(bb.body(loc)) : Optional.empty();
    ModuleIr ir = new ModuleIr(name, List.copyOf(ports), List.copyOf(nets), List.copyOf(memories),
        List.copyOf(instances), List.copyOf(domains), List.copyOf(b.assertions), body, loc, b.keepHierarchy);
    Checks.run(ir);
    return ir;
  }

  /**
   * The check behind {@link Mem#exclusiveWrites}: for every two write ports of one clock
   * domain, one is off or the addresses differ. (Ports of different clocks meet in no cycle.)
   */
  private static void assertExclusiveWrites(ModuleBuilder b, ModuleBuilder.MemB m) {
    for (int i = 0; i < m.writes.size(); i++) {
      for (int j = i + 1; j < m.writes.size(); j++) {
        Memory.WritePort p = m.writes.get(i);
        Memory.WritePort q = m.writes.get(j);
        if (p.domain() != q.domain()) {
          continue;
        }
        SourceLoc at = q.loc();
        int differ = b.op(Op.NE, 1, at, 0, p.addr(), q.addr());
        int both = b.op(Op.AND, 1, at, 0, p.enable(), q.enable());
        int ok = b.op(Op.OR, 1, at, 0, b.op(Op.NOT, 1, at, 0, both), differ);
        b.assertions.add(new Assertion(ok, "memory '" + m.name
            + "' declares exclusive writes, but its write ports at " + p.loc() + " and " + at
            + " write one address in the same cycle", q.domain(), at));
      }
    }
  }
}
