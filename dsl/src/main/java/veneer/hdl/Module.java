package veneer.hdl;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import veneer.hdl.ModuleBuilder.NetKind;
import veneer.hdl.ir.Driver;
import veneer.hdl.ir.ModuleIr;
import veneer.hdl.ir.Port;
import veneer.hdl.ir.SourceLoc;

/**
 * A hardware module. Subclasses build the circuit in their constructor: declare ports, wires,
 * registers and memories, instantiate children, and assign.
 *
 * <pre>{@code
 * final class Counter extends Module {
 *   final Bool enable = input("enable", Bool());
 *   final UInt count;
 *
 *   Counter(int width) {
 *     count = output("count", UInt(width));
 *     UInt value = reg("value", UInt(width), 0);
 *     when(enable, () -> value.assign(value.add(1)));
 *     count.assign(value);
 *   }
 * }
 * Design design = Elaborator.elaborate(new Counter(8));
 * }</pre>
 *
 * <p>Every module has one implicit clock domain: the ports {@code clk} and {@code reset}
 * (synchronous, active high) appear when something inside uses them, and a parent wires its own
 * to its children.
 */
public abstract class Module extends HdlBase {
  /** Names of the implicit clock and reset ports. */
  public static final String CLOCK = "clk";
  public static final String RESET = "reset";

  private final ModuleBuilder builder = new ModuleBuilder();
  private final String baseName;
  private final SourceLoc loc = SourceLocator.here();
  private Module parent;
  private ModuleBuilder.InstB instanceInParent;
  private ModuleIr ir;

  /** A module named after its class. */
  protected Module() {
    this.baseName = getClass().getSimpleName();
  }

  /** A module with a chosen Verilog name (for example one that says its parameters). */
  protected Module(String name) {
    Names.check(name, SourceLocator.here());
    this.baseName = name;
  }

  ModuleBuilder builder() {
    return builder;
  }

  /** The module name before {@link veneer.hdl.ir.Design} makes it unique. */
  public final String baseName() {
    return baseName;
  }

  final boolean sealed() {
    return ir != null;
  }

  /** The netlist; the module must have been elaborated or instantiated. */
  public final ModuleIr ir() {
    if (ir == null) {
      throw new IllegalStateException(baseName + " is still being built; elaborate it first");
    }
    return ir;
  }

  // --- declarations ------------------------------------------------------------------------------

  /** An input port. */
  public final <T extends Data<T>> T input(String name, HdlType<T> type) {
    SourceLoc at = SourceLocator.here();
    return type.wrap(this, port(name, type.width(), Port.Direction.INPUT, Port.Kind.DATA, at));
  }

  /** An output port; assign it exactly as a wire. */
  public final <T extends Data<T>> T output(String name, HdlType<T> type) {
    SourceLoc at = SourceLocator.here();
    return type.wrap(this, port(name, type.width(), Port.Direction.OUTPUT, Port.Kind.DATA, at));
  }

  int port(String name, int width, Port.Direction dir, Port.Kind kind, SourceLoc at) {
    checkOpen(at);
    if (!(this instanceof BlackBox) && (name.equals(CLOCK) || name.equals(RESET))) {
      throw new HdlException(at, "'" + name + "' is the implicit " + (name.equals(CLOCK) ? "clock" : "reset")
          + " port of every module; name your port differently");
    }
    boolean in = dir == Port.Direction.INPUT;
    // A black box's body is opaque: its outputs are driven from outside the netlist, like inputs.
    int id = builder.add(width, name, at, in ? NetKind.INPUT : NetKind.OUTPUT,
        in || this instanceof BlackBox ? new Driver.Input(name) : null);
    builder.ports.add(new ModuleBuilder.PortB(name, dir, kind, id, at));
    return id;
  }

  /** A wire: a named combinational signal that must be driven in every case. */
  public final <T extends Data<T>> T wire(String name, HdlType<T> type) {
    SourceLoc at = SourceLocator.here();
    checkOpen(at);
    checkHasBody(at);
    return type.wrap(this, builder.add(type.width(), name, at, NetKind.WIRE, null));
  }

  /** A register without reset: it keeps its value unless assigned, and starts at zero in simulation. */
  public final <T extends Data<T>> T reg(String name, HdlType<T> type) {
    SourceLoc at = SourceLocator.here();
    checkOpen(at);
    checkHasBody(at);
    return type.wrap(this, builder.add(type.width(), name, at, NetKind.REG, null));
  }

  /** A register that takes {@code resetValue} while reset is high. */
  public final <T extends Data<T>> T reg(String name, HdlType<T> type, long resetValue) {
    SourceLoc at = SourceLocator.here();
    BigInteger reset = Data.checkedLiteral(type.kind(), resetValue, type.width(), at);
    T r = reg(name, type);
    builder.net(r.net).reset = reset;
    return r;
  }

  /** A register that loads {@code value} in cycles where {@code enable} is high. */
  public final <T extends Data<T>> T regEnable(String name, T value, Bool enable, long resetValue) {
    T r = reg(name, value.type(), resetValue);
    when(enable, () -> r.assign(value));
    return r;
  }

  /** {@code value} delayed by one cycle (a register without reset). */
  public final <T extends Data<T>> T regNext(String name, T value) {
    T r = reg(name, value.type());
    r.assign(value);
    return r;
  }

  /** A constant of the given type. */
  public final <T extends Data<T>> T lit(long value, HdlType<T> type) {
    SourceLoc at = SourceLocator.here();
    checkOpen(at);
    return type.wrap(this, builder.constant(type.width(),
        Data.checkedLiteral(type.kind(), value, type.width(), at), at));
  }

  /** A wide constant of the given type, {@code 0 <= value < 2^width}. */
  public final <T extends Data<T>> T lit(BigInteger value, HdlType<T> type) {
    SourceLoc at = SourceLocator.here();
    checkOpen(at);
    if (value.signum() < 0 || value.bitLength() > type.width()) {
      throw new HdlException(at, "the constant " + value + " does not fit " + type);
    }
    return type.wrap(this, builder.constant(type.width(), value, at));
  }

  /** A memory of {@code depth} words. */
  public final <T extends Data<T>> Mem<T> mem(String name, HdlType<T> type, int depth) {
    SourceLoc at = SourceLocator.here();
    checkOpen(at);
    checkHasBody(at);
    if (depth < 1) {
      throw new HdlException(at, "a memory needs at least one word, found depth " + depth);
    }
    builder.claimName(name, at);
    ModuleBuilder.MemB m = new ModuleBuilder.MemB(name, type.width(), depth, at);
    builder.mems.add(m);
    return new Mem<>(this, builder.mems.size() - 1, type);
  }

  /**
   * Instantiates {@code child} (already constructed) under {@code name} and returns it, so that
   * its ports can be used: {@code Counter c = instance("c0", new Counter(8));}.
   */
  public final <M extends Module> M instance(String name, M childModule) {
    Module child = childModule;
    SourceLoc at = SourceLocator.here();
    checkOpen(at);
    checkHasBody(at);
    if (child == this) {
      throw new HdlException(at, "a module cannot instantiate itself");
    }
    if (child.parent != null || child.sealed()) {
      throw new HdlException(at, "module " + child.baseName + " is already instantiated"
          + (child.parent != null ? " as '" + child.instanceInParent.name + "' in " + child.parent.baseName : "")
          + "; build a new one for each instance");
    }
    builder.claimName(name, at);
    child.seal();
    ModuleBuilder.InstB inst = new ModuleBuilder.InstB(name, child, at);
    int index = builder.instances.size();
    for (Port p : child.ir.ports()) {
      if (p.kind() != Port.Kind.DATA) {
        continue;
      }
      String netName = name + "_" + p.name();
      int n = p.isInput()
          ? builder.add(p.width(), netName, at, NetKind.CHILD_IN, null)
          : builder.add(p.width(), netName, at, NetKind.CHILD_OUT, new Driver.InstanceOutput(index, p.name()));
      inst.portNets.put(p.name(), n);
    }
    builder.instances.add(inst);
    child.parent = this;
    child.instanceInParent = inst;
    return childModule;
  }

  /**
   * Instantiates {@code child} like {@link #instance(String, Module)}, and also resets it while
   * {@code alsoReset} (a signal of this module) is high: the child's implicit reset is this
   * module's reset OR {@code alsoReset}. This is how a parent holds one child in reset or pulses
   * its reset (a reconfigurable partition resetting a freshly loaded Role). A child without
   * registers that reset has no reset port, and is not affected.
   *
   * <pre>{@code
   * Bool roleReset = reg("role_reset", Bool(), 1);
   * Kernel k = instance("k", new Kernel(), roleReset);
   * }</pre>
   */
  public final <M extends Module> M instance(String name, M childModule, Bool alsoReset) {
    SourceLoc at = SourceLocator.here();
    Module ctx = contextOf(at, alsoReset);
    if (ctx != this) {
      throw new HdlException(at, "the reset of instance '" + name + "' must be a signal of "
          + baseName + ", found " + alsoReset + " of " + ctx.baseName);
    }
    int resetNet = alsoReset.netIn(this, at);
    M child = instance(name, childModule);
    builder.instances.get(builder.instances.size() - 1).extraReset = resetNet;
    return child;
  }

  // --- bundles -----------------------------------------------------------------------------------

  /** A bundle of ports in its producer orientation: {@code out} fields are outputs. */
  public final <B extends Bundle> B master(String name, Supplier<B> bundle) {
    return Bundle.bind(this, name, false, Bundle.Mode.PORT, bundle);
  }

  /** A bundle of ports in its consumer orientation: {@code out} fields are inputs. */
  public final <B extends Bundle> B slave(String name, Supplier<B> bundle) {
    return Bundle.bind(this, name, true, Bundle.Mode.PORT, bundle);
  }

  /** A bundle of wires. */
  public final <B extends Bundle> B wire(String name, Supplier<B> bundle) {
    return Bundle.bind(this, name, false, Bundle.Mode.WIRE, bundle);
  }

  // --- conditional assignment ----------------------------------------------------------------------

  /**
   * Runs {@code body} so that its assignments apply only while {@code cond} is high. Continue with
   * {@link WhenChain#elsewhen} and {@link WhenChain#otherwise}.
   */
  public final WhenChain when(Bool cond, Runnable body) {
    SourceLoc at = SourceLocator.here();
    checkOpen(at);
    checkHasBody(at);
    ModuleBuilder.When w = new ModuleBuilder.When(at);
    builder.currentBody().add(w);
    WhenChain chain = new WhenChain(this, w, builder.currentBody());
    chain.addBranch(cond, body, at);
    return chain;
  }

  /**
   * Requires {@code cond} at every clock edge outside reset (and, inside a when, whenever that
   * when's conditions hold); a violation stops simulation with {@code message}.
   */
  public final void assertThat(Bool cond, String message) {
    SourceLoc at = SourceLocator.here();
    checkOpen(at);
    checkHasBody(at);
    int c = cond.netIn(contextOf(at, cond), at);
    int path = builder.pathCondition(at);
    if (path >= 0) {
      c = builder.op(veneer.hdl.ir.Op.OR, 1, at, 0, builder.op(veneer.hdl.ir.Op.NOT, 1, at, 0, path), c);
    }
    builder.assertions.add(new veneer.hdl.ir.Assertion(c, message, 0, at));
  }

  /**
   * Asks synthesis to keep this module as a unit instead of flattening it into its parent: the
   * emitted Verilog carries {@code (* keep_hierarchy = "yes" *)}, which Yosys and Vivado honour.
   * Use it for a unit that should be mapped, timed or floor-planned on its own; it also stops
   * optimisation across its ports (constants and unused outputs stay), so measure both ways
   * (docs/pe.md, "Sixth round", has a case where it did not pay). Call it in the constructor.
   *
   * <pre>{@code
   * public Crc32Unit() {
   *   super("Crc32Unit");
   *   keepHierarchy();
   *   ...
   * }
   * }</pre>
   */
  protected final void keepHierarchy() {
    checkOpen(SourceLocator.here());
    builder.keepHierarchy = true;
  }

  // --- context resolution ------------------------------------------------------------------------

  /** The module in which an operation on these values is built, after checking they agree. */
  static Module contextOf(SourceLoc loc, Data<?>... values) {
    Module ctx = null;
    for (Data<?> d : values) {
      Module home = d.owner.sealed() ? d.owner.parent : d.owner;
      if (home == null) {
        throw new HdlException(loc, d + " belongs to module " + d.owner.baseName
            + ", which is already elaborated; it cannot be used any more");
      }
      if (ctx == null) {
        ctx = home;
      } else if (ctx != home) {
        boolean neverInstantiated = !ctx.sealed() && ctx.parent == null && !home.sealed() && home.parent == null;
        throw new HdlException(loc, "values from two modules meet here: " + values[0] + " of "
            + ctx.baseName + " and " + d + " of " + home.baseName
            + (neverInstantiated
                ? "; neither is an instance inside the other: instantiate the child with"
                    + " instance(name, module) before using its ports"
                : "; connect them through ports"));
      }
    }
    ctx.checkOpen(loc);
    return ctx;
  }

  /** The parent-side net of a child's port; errors if {@code d} is not a port of a child. */
  final int childPortNet(Data<?> d, SourceLoc at) {
    Module child = d.owner;
    if (child.parent != this) {
      throw new HdlException(at, "module " + child.baseName + " is not a child of " + baseName
          + "; instantiate it with instance(...) before using its ports");
    }
    ModuleBuilder.NetB n = child.builder.net(d.net);
    if (n.kind != NetKind.INPUT && n.kind != NetKind.OUTPUT) {
      throw new HdlException(at, n.describe() + " is inside instance '" + child.instanceInParent.name
          + "' (" + child.baseName + "); only its ports are visible from " + baseName);
    }
    Integer parentNet = child.instanceInParent.portNets.get(n.name);
    if (parentNet == null) {
      throw new HdlException(at, "instance '" + child.instanceInParent.name + "' of " + child.baseName
          + " has no port '" + n.name + "'");
    }
    return parentNet;
  }

  private void checkHasBody(SourceLoc at) {
    if (this instanceof BlackBox) {
      throw new HdlException(at, "black box " + baseName + " has no body in Java: declare only its"
          + " ports, and give its Verilog");
    }
  }

  void checkOpen(SourceLoc at) {
    if (sealed()) {
      throw new HdlException(at, "module " + baseName + " is finished (instantiated or elaborated);"
          + " it cannot be changed any more");
    }
  }

  // --- sealing -------------------------------------------------------------------------------------

  /** Lowers the conditional assignments, checks the module, and freezes its netlist. */
  final ModuleIr seal() {
    if (ir == null) {
      ir = new ModuleSealer(this, builder, baseName, loc).seal();
    }
    return ir;
  }

  /** The module this one is instantiated in, or null for a top. */
  final Module parentModule() {
    return parent;
  }

  /** The children, in instantiation order. */
  final List<Module> children() {
    List<Module> out = new ArrayList<>();
    for (ModuleBuilder.InstB i : builder.instances) {
      out.add(i.child);
    }
    return out;
  }
}
