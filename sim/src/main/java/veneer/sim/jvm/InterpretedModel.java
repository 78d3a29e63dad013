package veneer.sim.jvm;

import java.math.BigInteger;
import java.util.List;
import veneer.sim.flat.CombOrder;
import veneer.sim.flat.FlatDriver;
import veneer.sim.flat.FlatMemory;
import veneer.sim.flat.FlatNet;
import veneer.sim.flat.FlatNetlist;

/**
 * The reference evaluator: every net a {@link BigInteger}, every combinational net recomputed
 * in topological order on each settle. Slow and simple on purpose; the compiled engine must
 * agree with it on every design.
 */
final class InterpretedModel implements Model {
  private final FlatNetlist flat;
  private final int[] order;
  private final BigInteger[] v;
  private final BigInteger[][] mem;
  private final int[] registers;

  InterpretedModel(FlatNetlist flat) {
    this.flat = flat;
    this.order = CombOrder.of(flat);
    int n = flat.nets().size();
    v = new BigInteger[n];
    int regs = 0;
    for (int i = 0; i < n; i++) {
      FlatDriver d = flat.net(i).driver();
      v[i] = d instanceof FlatDriver.Const c ? c.value() : BigInteger.ZERO;
      regs += d instanceof FlatDriver.Register ? 1 : 0;
    }
    registers = new int[regs];
    for (int i = 0, r = 0; i < n; i++) {
      if (flat.net(i).driver() instanceof FlatDriver.Register) {
        registers[r++] = i;
      }
    }
    List<FlatMemory> mems = flat.memories();
    mem = new BigInteger[mems.size()][];
    for (int i = 0; i < mem.length; i++) {
      FlatMemory m = mems.get(i);
      mem[i] = new BigInteger[m.depth()];
      for (int a = 0; a < m.depth(); a++) {
        mem[i][a] = m.init() == null ? BigInteger.ZERO : m.init()[a];
      }
    }
  }

  private BigInteger get(int net) {
    return v[flat.source(net)];
  }

  private int width(int net) {
    return flat.net(net).width();
  }

  @Override
  public void settle() {
    for (int net : order) {
      FlatNet n = flat.net(net);
      FlatDriver d = n.driver();
      if (d instanceof FlatDriver.Operation op) {
        BigInteger[] args = new BigInteger[op.args().length];
        int[] widths = new int[args.length];
        for (int i = 0; i < args.length; i++) {
          args[i] = get(op.args()[i]);
          widths[i] = width(op.args()[i]);
        }
        v[net] = BigOps.eval(op.op(), n.width(), args, widths, op.param());
      } else if (d instanceof FlatDriver.MemRead mr) {
        FlatMemory.ReadPort rp = flat.memories().get(mr.memory()).readPorts().get(mr.port());
        v[net] = read(mr.memory(), get(rp.addr()));
      }
    }
  }

  private BigInteger read(int memory, BigInteger addr) {
    BigInteger[] words = mem[memory];
    return addr.compareTo(BigInteger.valueOf(words.length)) < 0 ? words[addr.intValue()] : BigInteger.ZERO;
  }

  @Override
  public void tick() {
    BigInteger[] regNext = new BigInteger[registers.length];
    for (int i = 0; i < registers.length; i++) {
      FlatDriver.Register r = (FlatDriver.Register) flat.net(registers[i]).driver();
      boolean inReset = r.resetNet() >= 0 && get(r.resetNet()).signum() != 0;
      regNext[i] = inReset ? r.reset() : get(r.next());
    }
    List<FlatMemory> mems = flat.memories();
    BigInteger[][] captured = new BigInteger[mems.size()][];
    for (int m = 0; m < mems.size(); m++) {
      List<FlatMemory.ReadPort> ports = mems.get(m).readPorts();
      captured[m] = new BigInteger[ports.size()];
      for (int p = 0; p < ports.size(); p++) {
        FlatMemory.ReadPort rp = ports.get(p);
        if (rp.sync()) {
          boolean en = rp.enable() < 0 || get(rp.enable()).signum() != 0;
          captured[m][p] = en ? read(m, get(rp.addr())) : get(rp.data());
        }
      }
    }
    for (int m = 0; m < mems.size(); m++) {
      FlatMemory fm = mems.get(m);
      for (FlatMemory.WritePort wp : fm.writePorts()) {
        BigInteger addr = get(wp.addr());
        if (get(wp.enable()).signum() == 0 || addr.compareTo(BigInteger.valueOf(fm.depth())) >= 0) {
          continue;
        }
        int a = addr.intValue();
        BigInteger data = get(wp.data());
        if (wp.mask() >= 0) {
          BigInteger mask = get(wp.mask());
          BigInteger granule = BigInteger.ONE.shiftLeft(wp.maskGranule()).subtract(BigInteger.ONE);
          BigInteger bits = BigInteger.ZERO;
          for (int g = 0; g < fm.width() / wp.maskGranule(); g++) {
            if (mask.testBit(g)) {
              bits = bits.or(granule.shiftLeft(g * wp.maskGranule()));
            }
          }
          data = mem[m][a].andNot(bits).or(data.and(bits));
        }
        mem[m][a] = data;
      }
    }
    for (int i = 0; i < registers.length; i++) {
      v[registers[i]] = regNext[i];
    }
    for (int m = 0; m < mems.size(); m++) {
      List<FlatMemory.ReadPort> ports = mems.get(m).readPorts();
      for (int p = 0; p < ports.size(); p++) {
        if (ports.get(p).sync()) {
          v[flat.source(ports.get(p).data())] = captured[m][p];
        }
      }
    }
  }

  @Override
  public long narrow(int net) {
    return v[net].longValue();
  }

  @Override
  public BigInteger value(int net) {
    return v[net];
  }

  @Override
  public void setInput(int net, BigInteger value) {
    v[net] = value;
  }

  @Override
  public void setInput(int net, long value) {
    v[net] = BigOps.unsigned(value);
  }

  @Override
  public BigInteger readWord(int memory, int addr) {
    return mem[memory][addr];
  }

  @Override
  public void writeWord(int memory, int addr, BigInteger value) {
    mem[memory][addr] = value;
  }
}
