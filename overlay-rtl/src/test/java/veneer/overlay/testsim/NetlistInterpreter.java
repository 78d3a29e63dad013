package veneer.overlay.testsim;

import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import veneer.hdl.ir.Assertion;
import veneer.hdl.ir.Design;
import veneer.hdl.ir.Driver;
import veneer.hdl.ir.Instance;
import veneer.hdl.ir.Memory;
import veneer.hdl.ir.ModuleIr;
import veneer.hdl.ir.Net;
import veneer.hdl.ir.Op;
import veneer.hdl.ir.Port;
import veneer.sim.AssertionFailedException;
import veneer.sim.Backend;
import veneer.sim.Simulator;

/**
 * A plain, slow netlist interpreter used by this module's tests while the in-JVM simulator
 * (branch jvmsim) has not landed: it evaluates the IR directly, following the semantics
 * documented on {@link Simulator}, {@link Op} and {@link Memory}. Tests switch to
 * {@link Backend#JVM} once it exists; nothing in main code uses this class.
 */
public final class NetlistInterpreter implements Simulator {
  private final Design design;
  private final Node top;
  private long cycle;
  private int epoch = 1;

  public NetlistInterpreter(Design design) {
    this.design = design;
    this.top = new Node(design.top(), null, null);
  }

  private final class Node {
    final ModuleIr ir;
    final Node parent;
    final Instance inst;
    final Node[] children;
    final BigInteger[] value;
    final int[] stamp;
    final BigInteger[] regState;
    final BigInteger[][] mems;
    final BigInteger[][] syncRead;
    final Map<String, BigInteger> poked = new HashMap<>();

    Node(ModuleIr ir, Node parent, Instance inst) {
      this.ir = ir;
      this.parent = parent;
      this.inst = inst;
      int n = ir.nets().size();
      value = new BigInteger[n];
      stamp = new int[n];
      regState = new BigInteger[n];
      for (Net net : ir.nets()) {
        if (net.driver() instanceof Driver.Register) {
          regState[net.id()] = BigInteger.ZERO;
        }
      }
      mems = new BigInteger[ir.memories().size()][];
      syncRead = new BigInteger[ir.memories().size()][];
      for (int i = 0; i < mems.length; i++) {
        Memory m = ir.memories().get(i);
        mems[i] = new BigInteger[m.depth()];
        for (int w = 0; w < m.depth(); w++) {
          mems[i][w] = m.init() == null ? BigInteger.ZERO : m.init()[w];
        }
        syncRead[i] = new BigInteger[m.readPorts().size()];
        java.util.Arrays.fill(syncRead[i], BigInteger.ZERO);
      }
      children = new Node[ir.instances().size()];
      for (int i = 0; i < children.length; i++) {
        children[i] = new Node(ir.instances().get(i).module(), this, ir.instances().get(i));
      }
    }

    int width(int net) {
      return ir.net(net).width();
    }

    BigInteger eval(int net) {
      if (stamp[net] == epoch) {
        return value[net];
      }
      BigInteger v = compute(ir.net(net));
      value[net] = v;
      stamp[net] = epoch;
      return v;
    }

    BigInteger input(String port) {
      if (parent == null) {
        return poked.getOrDefault(port, BigInteger.ZERO);
      }
      Integer src = inst.inputs().get(port);
      if (src == null) {
        throw new IllegalStateException("input " + port + " of " + inst.name() + " is not connected");
      }
      return parent.eval(src);
    }

    BigInteger compute(Net net) {
      Driver d = net.driver();
      if (d instanceof Driver.Input in) {
        return input(in.port());
      } else if (d instanceof Driver.Const c) {
        return c.value();
      } else if (d instanceof Driver.Alias al) {
        return eval(al.source());
      } else if (d instanceof Driver.Register) {
        return regState[net.id()];
      } else if (d instanceof Driver.MemRead mr) {
        Memory m = ir.memories().get(mr.memory());
        Memory.ReadPort p = m.readPorts().get(mr.port());
        if (p.sync()) {
          return syncRead[mr.memory()][mr.port()];
        }
        return word(mr.memory(), eval(p.addr()));
      } else if (d instanceof Driver.InstanceOutput io) {
        Node child = children[io.instance()];
        Port p = child.ir.port(io.port()).orElseThrow();
        return child.eval(p.net());
      } else if (d instanceof Driver.Operation op) {
        return operate(op, net.width());
      }
      throw new IllegalStateException("unknown driver " + d);
    }

    BigInteger word(int memory, BigInteger addr) {
      BigInteger[] m = mems[memory];
      return addr.compareTo(BigInteger.valueOf(m.length)) >= 0 ? BigInteger.ZERO : m[addr.intValue()];
    }

    BigInteger operate(Driver.Operation op, int w) {
      int[] args = op.args();
      BigInteger a = eval(args[0]);
      int wa = width(args[0]);
      BigInteger b = args.length > 1 ? eval(args[1]) : null;
      BigInteger m = mask(w);
      switch (op.op()) {
        case ADD: return a.add(b).and(m);
        case SUB: return a.subtract(b).and(m);
        case MUL: return a.multiply(b).and(m);
        case AND: return a.and(b);
        case OR: return a.or(b);
        case XOR: return a.xor(b);
        case NOT: return a.xor(m);
        case SHL: return a.shiftLeft(op.param()).and(m);
        case SHRU: return a.shiftRight(op.param());
        case SHRS: return signed(a, wa).shiftRight(op.param()).and(m);
        case DSHL: return b.compareTo(BigInteger.valueOf(w)) >= 0 ? BigInteger.ZERO : a.shiftLeft(b.intValue()).and(m);
        case DSHRU: return b.compareTo(BigInteger.valueOf(wa)) >= 0 ? BigInteger.ZERO : a.shiftRight(b.intValue());
        case DSHRS: return signed(a, wa).shiftRight(b.min(BigInteger.valueOf(wa)).intValue()).and(m);
        case EQ: return bool(a.equals(b));
        case NE: return bool(!a.equals(b));
        case LTU: return bool(a.compareTo(b) < 0);
        case LEU: return bool(a.compareTo(b) <= 0);
        case LTS: return bool(signed(a, wa).compareTo(signed(b, wa)) < 0);
        case LES: return bool(signed(a, wa).compareTo(signed(b, wa)) <= 0);
        case MUX: return a.signum() != 0 ? b : eval(args[2]);
        case CAT: {
          BigInteger acc = BigInteger.ZERO;
          for (int x : args) {
            acc = acc.shiftLeft(width(x)).or(eval(x));
          }
          return acc;
        }
        case SLICE: return a.shiftRight(op.param()).and(m);
        case ZEXT: return a;
        case SEXT: return signed(a, wa).and(m);
        case ANDR: return bool(a.equals(mask(wa)));
        case ORR: return bool(a.signum() != 0);
        case XORR: return bool(a.bitCount() % 2 == 1);
        default: throw new IllegalStateException("unknown op " + op.op());
      }
    }

    boolean inReset(int domain) {
      String port = ir.domains().get(domain).resetPort();
      return ir.port(port).map(p -> eval(p.net()).signum() != 0).orElse(false);
    }

    /** Computes everything the edge will store, without changing state. */
    void prepare(List<Runnable> commits) {
      for (Net net : ir.nets()) {
        if (net.driver() instanceof Driver.Register r) {
          BigInteger next = r.reset() != null && inReset(r.domain()) ? r.reset() : eval(r.next());
          int id = net.id();
          commits.add(() -> regState[id] = next);
        }
      }
      for (int i = 0; i < mems.length; i++) {
        Memory m = ir.memories().get(i);
        int mi = i;
        for (int p = 0; p < m.readPorts().size(); p++) {
          Memory.ReadPort rp = m.readPorts().get(p);
          if (rp.sync() && (rp.enable() < 0 || eval(rp.enable()).signum() != 0)) {
            BigInteger q = word(i, eval(rp.addr()));
            int pi = p;
            commits.add(() -> syncRead[mi][pi] = q);
          }
        }
        for (Memory.WritePort wp : m.writePorts()) {
          if (eval(wp.enable()).signum() == 0) {
            continue;
          }
          BigInteger addr = eval(wp.addr());
          if (addr.compareTo(BigInteger.valueOf(m.depth())) >= 0) {
            continue;
          }
          BigInteger data = eval(wp.data());
          BigInteger bitMask = mask(m.width());
          if (wp.mask() >= 0) {
            BigInteger gm = eval(wp.mask());
            bitMask = BigInteger.ZERO;
            for (int g = 0; g < m.width() / wp.maskGranule(); g++) {
              if (gm.testBit(g)) {
                bitMask = bitMask.or(mask(wp.maskGranule()).shiftLeft(g * wp.maskGranule()));
              }
            }
          }
          int a = addr.intValue();
          BigInteger keep = bitMask.xor(mask(m.width()));
          BigInteger bm = bitMask;
          commits.add(() -> mems[mi][a] = mems[mi][a].and(keep).or(data.and(bm)));
        }
      }
      for (Node c : children) {
        c.prepare(commits);
      }
    }

    void checkAssertions() {
      for (Assertion as : ir.assertions()) {
        if (!inReset(as.domain()) && eval(as.cond()).signum() == 0) {
          throw new AssertionFailedException(cycle, as.message() + " (" + as.loc() + ")");
        }
      }
      for (Node c : children) {
        c.checkAssertions();
      }
    }

    Node find(String[] path, int at) {
      if (at == path.length - 1) {
        return this;
      }
      for (int i = 0; i < children.length; i++) {
        if (ir.instances().get(i).name().equals(path[at])) {
          return children[i].find(path, at + 1);
        }
      }
      throw new IllegalArgumentException("no instance '" + path[at] + "' in " + ir.name());
    }

    int memIndex(String name) {
      for (int i = 0; i < ir.memories().size(); i++) {
        if (ir.memories().get(i).name().equals(name)) {
          return i;
        }
      }
      throw new IllegalArgumentException("no memory '" + name + "' in " + ir.name());
    }
  }

  static BigInteger mask(int w) {
    return BigInteger.ONE.shiftLeft(w).subtract(BigInteger.ONE);
  }

  static BigInteger signed(BigInteger v, int w) {
    return v.testBit(w - 1) ? v.subtract(BigInteger.ONE.shiftLeft(w)) : v;
  }

  static BigInteger bool(boolean b) {
    return b ? BigInteger.ONE : BigInteger.ZERO;
  }

  private Port port(String name) {
    return design.top().port(name).orElseThrow(() ->
        new IllegalArgumentException("the design has no port '" + name + "'"));
  }

  @Override
  public Design design() {
    return design;
  }

  @Override
  public Backend backend() {
    return Backend.JVM;
  }

  @Override
  public void poke(String name, long value) {
    poke(name, BigInteger.valueOf(value).and(mask(port(name).width())));
  }

  @Override
  public void poke(String name, BigInteger value) {
    Port p = port(name);
    if (!p.isInput()) {
      throw new IllegalArgumentException("'" + name + "' is an output");
    }
    top.poked.put(name, value.and(mask(p.width())));
    epoch++;
  }

  @Override
  public long peek(String name) {
    return peekWide(name).longValue();
  }

  @Override
  public BigInteger peekWide(String name) {
    return top.eval(port(name).net());
  }

  @Override
  public void step(long cycles) {
    for (long i = 0; i < cycles; i++) {
      top.checkAssertions();
      List<Runnable> commits = new ArrayList<>();
      top.prepare(commits);
      commits.forEach(Runnable::run);
      cycle++;
      epoch++;
    }
  }

  @Override
  public long cycle() {
    return cycle;
  }

  @Override
  public void writeMemory(String path, int addr, BigInteger[] words) {
    String[] parts = path.split("\\.");
    Node n = top.find(parts, 0);
    BigInteger[] m = n.mems[n.memIndex(parts[parts.length - 1])];
    System.arraycopy(words, 0, m, addr, words.length);
    epoch++;
  }

  @Override
  public BigInteger[] readMemory(String path, int addr, int count) {
    String[] parts = path.split("\\.");
    Node n = top.find(parts, 0);
    BigInteger[] m = n.mems[n.memIndex(parts[parts.length - 1])];
    BigInteger[] out = new BigInteger[count];
    System.arraycopy(m, addr, out, 0, count);
    return out;
  }

  @Override
  public void dumpWaves(Path file) {
    throw new UnsupportedOperationException("the test interpreter writes no waves; use Backend.JVM or VERILATOR");
  }

  @Override
  public void close() {}
}
