package veneer.hdl.verilog;

import java.math.BigInteger;
import java.util.HashMap;
import java.util.Map;
import veneer.hdl.ir.Driver;
import veneer.hdl.ir.ModuleIr;
import veneer.hdl.ir.Net;
import veneer.hdl.ir.Op;
import veneer.hdl.ir.Port;

/**
 * The meaning of a combinational module straight from the documentation of {@link Op}, computed
 * with BigInteger: the model that simulations of the emitted Verilog are compared with.
 */
final class IrEvaluator {
  private final ModuleIr m;
  private final Map<String, BigInteger> inputs;
  private final BigInteger[] values;

  private IrEvaluator(ModuleIr m, Map<String, BigInteger> inputs) {
    this.m = m;
    this.inputs = inputs;
    this.values = new BigInteger[m.nets().size()];
  }

  /** The value of every output port for the given input values. */
  static Map<String, BigInteger> outputs(ModuleIr m, Map<String, BigInteger> inputs) {
    IrEvaluator e = new IrEvaluator(m, inputs);
    Map<String, BigInteger> out = new HashMap<>();
    for (Port p : m.ports()) {
      if (!p.isInput()) {
        out.put(p.name(), e.value(p.net()));
      }
    }
    return out;
  }

  private static BigInteger mask(int w) {
    return BigInteger.ONE.shiftLeft(w).subtract(BigInteger.ONE);
  }

  private static BigInteger signed(BigInteger v, int w) {
    return v.testBit(w - 1) ? v.subtract(BigInteger.ONE.shiftLeft(w)) : v;
  }

  private BigInteger value(int id) {
    if (values[id] == null) {
      Net n = m.net(id);
      values[id] = compute(n).and(mask(n.width()));
    }
    return values[id];
  }

  private BigInteger compute(Net n) {
    Driver d = n.driver();
    if (d instanceof Driver.Input in) {
      BigInteger v = inputs.get(in.port());
      if (v == null) {
        throw new IllegalArgumentException("no value for input " + in.port());
      }
      return v;
    } else if (d instanceof Driver.Const c) {
      return c.value();
    } else if (d instanceof Driver.Alias a) {
      return value(a.source());
    } else if (d instanceof Driver.Operation op) {
      return operation(n.width(), op);
    }
    throw new IllegalArgumentException("not combinational: " + d);
  }

  private BigInteger operation(int w, Driver.Operation op) {
    int[] a = op.args();
    BigInteger x = value(a[0]);
    int wx = m.net(a[0]).width();
    BigInteger y = a.length > 1 ? value(a[1]) : null;
    switch (op.op()) {
      case ADD: return x.add(y);
      case SUB: return x.subtract(y);
      case MUL: return x.multiply(y);
      case AND: return x.and(y);
      case OR: return x.or(y);
      case XOR: return x.xor(y);
      case NOT: return x.not();
      case SHL: return x.shiftLeft(op.param());
      case SHRU: return x.shiftRight(op.param());
      case SHRS: return signed(x, wx).shiftRight(op.param());
      case DSHL: return y.compareTo(BigInteger.valueOf(w)) >= 0 ? BigInteger.ZERO : x.shiftLeft(y.intValueExact());
      case DSHRU: return y.compareTo(BigInteger.valueOf(w)) >= 0 ? BigInteger.ZERO : x.shiftRight(y.intValueExact());
      case DSHRS: return signed(x, wx).shiftRight(y.min(BigInteger.valueOf(w)).intValueExact());
      case EQ: return bool(x.equals(y));
      case NE: return bool(!x.equals(y));
      case LTU: return bool(x.compareTo(y) < 0);
      case LEU: return bool(x.compareTo(y) <= 0);
      case LTS: return bool(signed(x, wx).compareTo(signed(y, wx)) < 0);
      case LES: return bool(signed(x, wx).compareTo(signed(y, wx)) <= 0);
      case MUX: return x.signum() != 0 ? y : value(a[2]);
      case CAT: {
        BigInteger r = BigInteger.ZERO;
        for (int arg : a) {
          r = r.shiftLeft(m.net(arg).width()).or(value(arg));
        }
        return r;
      }
      case SLICE: return x.shiftRight(op.param());
      case ZEXT: return x;
      case SEXT: return signed(x, wx);
      case ANDR: return bool(x.equals(mask(wx)));
      case ORR: return bool(x.signum() != 0);
      case XORR: return bool(x.bitCount() % 2 == 1);
      default: throw new IllegalArgumentException("unknown operator " + op.op());
    }
  }

  private static BigInteger bool(boolean b) {
    return b ? BigInteger.ONE : BigInteger.ZERO;
  }
}
