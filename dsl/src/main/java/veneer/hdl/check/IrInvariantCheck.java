package veneer.hdl.check;

import veneer.hdl.HdlException;
import veneer.hdl.ir.Driver;
import veneer.hdl.ir.Instance;
import veneer.hdl.ir.Memory;
import veneer.hdl.ir.ModuleIr;
import veneer.hdl.ir.Net;
import veneer.hdl.ir.Op;
import veneer.hdl.ir.Port;

/**
 * The netlist is well formed: every reference points at a net, every operator's operand widths
 * agree with its result width, constants fit, ports and instances agree with the child. The
 * front end guarantees all of this; the check catches a front-end or pass bug at its source.
 */
public final class IrInvariantCheck implements Check {
  @Override
  public String name() {
    return "ir-invariants";
  }

  @Override
  public void check(ModuleIr m) {
    for (int i = 0; i < m.nets().size(); i++) {
      Net n = m.nets().get(i);
      require(n.id() == i, n, "net id " + n.id() + " at index " + i);
      require(n.width() >= 1, n, "width " + n.width());
      checkDriver(m, n);
    }
    for (Port p : m.ports()) {
      Net n = ref(m, p.net(), null);
      require(n.width() == p.width(), n, "port " + p.name() + " is " + p.width() + " bits, its net " + n.width());
    }
    for (Memory mem : m.memories()) {
      for (Memory.ReadPort r : mem.readPorts()) {
        require(ref(m, r.addr(), null).width() == mem.addrWidth(), m.net(r.data()), "read address width");
        require(ref(m, r.data(), null).width() == mem.width(), m.net(r.data()), "read data width");
        if (r.enable() >= 0) {
          require(ref(m, r.enable(), null).width() == 1, m.net(r.data()), "read enable width");
        }
      }
      for (Memory.WritePort w : mem.writePorts()) {
        Net d = ref(m, w.data(), null);
        require(d.width() == mem.width(), d, "write data width");
        require(ref(m, w.addr(), null).width() == mem.addrWidth(), d, "write address width");
        require(ref(m, w.enable(), null).width() == 1, d, "write enable width");
        if (w.mask() >= 0) {
          require(ref(m, w.mask(), null).width() * w.maskGranule() == mem.width(), d, "write mask width");
        }
      }
    }
    for (veneer.hdl.ir.Assertion a : m.assertions()) {
      Net c = ref(m, a.cond(), null);
      require(c.width() == 1 && a.domain() >= 0 && a.domain() < m.domains().size(), c, "assertion");
    }
    for (Instance inst : m.instances()) {
      for (Port p : inst.module().ports()) {
        if (p.isInput()) {
          Integer net = inst.inputs().get(p.name());
          if (net == null || net < 0) {
            throw new HdlException(inst.loc(), "instance '" + inst.name() + "' has no driver for input " + p.name());
          }
          require(ref(m, net, null).width() == p.width(), m.net(net), "instance input " + p.name() + " width");
        }
      }
    }
  }

  private static void checkDriver(ModuleIr m, Net n) {
    Driver d = n.driver();
    if (d instanceof Driver.Const c) {
      require(c.value().signum() >= 0 && c.value().bitLength() <= n.width(), n, "constant " + c.value());
    } else if (d instanceof Driver.Alias a) {
      require(ref(m, a.source(), n).width() == n.width(), n, "alias of a " + m.net(a.source()).width() + "-bit net");
    } else if (d instanceof Driver.Register r) {
      require(ref(m, r.next(), n).width() == n.width(), n, "register next width");
      require(r.reset() == null || r.reset().signum() >= 0 && r.reset().bitLength() <= n.width(), n, "reset value");
      require(r.domain() >= 0 && r.domain() < m.domains().size(), n, "clock domain " + r.domain());
      require(r.reset() == null || m.domains().get(r.domain()).resetPort() != null, n, "reset without reset port");
    } else if (d instanceof Driver.MemRead mr) {
      require(mr.memory() < m.memories().size(), n, "memory " + mr.memory());
    } else if (d instanceof Driver.InstanceOutput io) {
      require(io.instance() < m.instances().size(), n, "instance " + io.instance());
      Port p = m.instances().get(io.instance()).module().port(io.port()).orElse(null);
      require(p != null && !p.isInput() && p.width() == n.width(), n, "instance output " + io.port());
    } else if (d instanceof Driver.Operation op) {
      checkOperation(m, n, op);
    }
  }

  private static void checkOperation(ModuleIr m, Net n, Driver.Operation op) {
    int[] a = op.args();
    int w = n.width();
    for (int x : a) {
      ref(m, x, n);
    }
    switch (op.op()) {
      case ADD, SUB, MUL, AND, OR, XOR, EQ, NE, LTU, LTS, LEU, LES -> {
        require(a.length == 2 && m.net(a[0]).width() == m.net(a[1]).width(), n, op.op() + " operand widths");
        boolean compare = op.op().ordinal() >= Op.EQ.ordinal();
        require(compare ? w == 1 : w == m.net(a[0]).width(), n, op.op() + " result width");
      }
      case NOT -> require(a.length == 1 && m.net(a[0]).width() == w, n, "not width");
      case SHL, SHRU, SHRS -> require(a.length == 1 && m.net(a[0]).width() == w && op.param() >= 0, n, "shift");
      case DSHL, DSHRU, DSHRS -> require(a.length == 2 && m.net(a[0]).width() == w, n, "dynamic shift");
      case MUX -> require(a.length == 3 && m.net(a[0]).width() == 1 && m.net(a[1]).width() == w
          && m.net(a[2]).width() == w, n, "mux widths");
      case CAT -> {
        int sum = 0;
        for (int x : a) {
          sum += m.net(x).width();
        }
        require(a.length >= 1 && sum == w, n, "concatenation width");
      }
      case SLICE -> require(a.length == 1 && op.param() >= 0 && op.param() + w <= m.net(a[0]).width(), n, "slice range");
      case ZEXT, SEXT -> require(a.length == 1 && m.net(a[0]).width() <= w, n, "extension width");
      case ANDR, ORR, XORR -> require(a.length == 1 && w == 1, n, "reduction width");
      default -> throw new IllegalStateException("unchecked operator " + op.op());
    }
  }

  private static Net ref(ModuleIr m, int id, Net user) {
    if (id < 0 || id >= m.nets().size()) {
      throw new HdlException(user == null ? m.loc() : user.loc(),
          "internal error: reference to net %" + id + " outside the module's " + m.nets().size() + " nets");
    }
    return m.nets().get(id);
  }

  private static void require(boolean ok, Net n, String what) {
    if (!ok) {
      throw new HdlException(n.loc(), "internal error: malformed netlist at %" + n.id()
          + (n.named() ? " '" + n.name() + "'" : "") + ": " + what);
    }
  }
}
