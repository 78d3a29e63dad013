package veneer.hdl;

import java.math.BigInteger;
import java.util.List;
import veneer.hdl.ModuleBuilder.NetKind;
import veneer.hdl.ir.Op;
import veneer.hdl.ir.SourceLoc;

/**
 * A hardware value: a handle to one net of a module, with the operators every kind shares.
 * Operators create new nets; {@link #assign} drives a port, wire or register.
 *
 * <pre>{@code
 * UInt sum = a.add(b);              // width max(a, b), wraps
 * Bool zero = sum.eq(0);
 * out.assign(zero.mux(a, sum));
 * }</pre>
 *
 * @param <T> the concrete kind, so that operators return the operand's own kind
 */
public abstract class Data<T extends Data<T>> {
  final Module owner;
  final int net;

  Data(Module owner, int net) {
    this.owner = owner;
    this.net = net;
  }

  abstract HdlType.Kind kind();

  /** The width in bits. */
  public final int width() {
    return owner.builder().width(net);
  }

  /** The type: kind and width. */
  @SuppressWarnings("unchecked")
  public final HdlType<T> type() {
    return (HdlType<T>) HdlType.of(kind(), width());
  }

  /** The name given in the Java code, or null for an unnamed expression. */
  public final String name() {
    return owner.builder().net(net).name;
  }

  /** Gives this expression a name that the emitted Verilog keeps (a named wire). */
  @SuppressWarnings("unchecked")
  public final T named(String name) {
    SourceLoc loc = SourceLocator.here();
    Module ctx = Module.contextOf(loc, this);
    int n = ctx.builder().add(width(), name, loc, NetKind.NODE,
        new veneer.hdl.ir.Driver.Alias(netIn(ctx, loc)));
    return (T) type().wrap(ctx, n);
  }

  @Override
  public String toString() {
    return type() + (name() == null ? "" : " '" + name() + "'");
  }

  // --- driving --------------------------------------------------------------------------------

  /**
   * Drives this port, wire or register (its next value) with {@code value}, under the enclosing
   * {@code when} conditions; the last assignment that applies wins. A narrower value is extended
   * (zero for UInt and Bits, sign for SInt); a wider one is an error.
   */
  public final void assign(T value) {
    assignAny(value, SourceLocator.here());
  }

  /** Drives this signal with a constant that must fit its width. */
  public final void assign(long value) {
    SourceLoc loc = SourceLocator.here();
    Module ctx = Module.contextOf(loc, this);
    assignAny(wrapSame(ctx, literal(ctx, value, width(), loc)), loc);
  }

  final void assignAny(Data<?> value, SourceLoc loc) {
    Module ctx = Module.contextOf(loc, this, value);
    ModuleBuilder b = ctx.builder();
    int target = netIn(ctx, loc);
    ModuleBuilder.NetB t = b.net(target);
    if (!t.assignable()) {
      throw new HdlException(loc, "multiple drivers: " + t.describe() + " is already driven"
          + drivenBy(t.kind) + " and cannot be assigned here; only outputs, wires, registers and"
          + " child inputs can be assigned");
    }
    if (value.kind() != kind()) {
      throw new HdlException(loc, "type mismatch: cannot assign " + value.type() + " to "
          + t.describe() + " of type " + type() + "; convert explicitly (asUInt, asSInt, asBits)");
    }
    if (value.width() > width()) {
      throw new HdlException(loc, "width mismatch: cannot assign " + value.type() + " to "
          + t.describe() + " of type " + type() + " without losing bits; use .truncate("
          + width() + ") if that is what you mean");
    }
    int v = value.extendedNet(ctx, width(), loc);
    b.currentBody().add(new ModuleBuilder.Assign(target, v, loc));
  }

  private static String drivenBy(NetKind kind) {
    return switch (kind) {
      case INPUT -> " from outside the module";
      case CHILD_OUT -> " by the child instance";
      case MEM_READ -> " by its memory";
      case CONST -> " by its value";
      case NODE -> " by the operation that computes it (declare a wire to name a signal you assign)";
      default -> "";
    };
  }

  // --- context --------------------------------------------------------------------------------

  /** The net of this value as seen from {@code ctx}: its own, or the parent's side of a port. */
  final int netIn(Module ctx, SourceLoc loc) {
    if (owner == ctx) {
      return net;
    }
    return ctx.childPortNet(this, loc);
  }

  /** This value's net in {@code ctx}, extended to {@code w} bits according to its kind. */
  final int extendedNet(Module ctx, int w, SourceLoc loc) {
    int n = netIn(ctx, loc);
    int have = width();
    if (have == w) {
      return n;
    }
    return ctx.builder().op(kind() == HdlType.Kind.SINT ? Op.SEXT : Op.ZEXT, w, loc, 0, n);
  }

  /** A constant of this value's kind; fails when the value does not fit {@code w} bits. */
  final int literal(Module ctx, long value, int w, SourceLoc loc) {
    return ctx.builder().constant(w, checkedLiteral(kind(), value, w, loc), loc);
  }

  /** {@code value} as the unsigned bit pattern of a {@code w}-bit constant of {@code kind}. */
  static BigInteger checkedLiteral(HdlType.Kind kind, long value, int w, SourceLoc loc) {
    BigInteger v = BigInteger.valueOf(value);
    boolean signed = kind == HdlType.Kind.SINT;
    BigInteger min = signed ? BigInteger.ONE.shiftLeft(w - 1).negate() : BigInteger.ZERO;
    BigInteger max = signed ? BigInteger.ONE.shiftLeft(w - 1) : BigInteger.ONE.shiftLeft(w);
    if (v.compareTo(min) < 0 || v.compareTo(max) >= 0) {
      throw new HdlException(loc, "the constant " + value + " does not fit " + HdlType.of(kind, w)
          + " (expected " + min + " to " + max.subtract(BigInteger.ONE) + ")");
    }
    return v.mod(BigInteger.ONE.shiftLeft(w));
  }

  final int literalNet(Module ctx, long value, SourceLoc loc) {
    return literal(ctx, value, width(), loc);
  }

  @SuppressWarnings("unchecked")
  final T wrapSame(Module ctx, int n) {
    return (T) HdlType.of(kind(), ctx.builder().width(n)).wrap(ctx, n);
  }

  /** Both operands' nets, extended to the wider width; for kinds where extension is defined. */
  final int[] aligned(Module ctx, Data<?> other, SourceLoc loc) {
    if (other.kind() != kind()) {
      throw new HdlException(loc, "type mismatch: " + type() + " and " + other.type()
          + " cannot be combined; convert one explicitly (asUInt, asSInt, asBits)");
    }
    if (kind() == HdlType.Kind.BITS && other.width() != width()) {
      throw new HdlException(loc, "width mismatch: " + type() + " and " + other.type()
          + " have no implied extension; use .resize(n) on one of them");
    }
    int w = Math.max(width(), other.width());
    return new int[] {extendedNet(ctx, w, loc), other.extendedNet(ctx, w, loc), w};
  }

  final T binary(Op op, Data<?> other, SourceLoc loc) {
    Module ctx = Module.contextOf(loc, this, other);
    int[] a = aligned(ctx, other, loc);
    return wrapSame(ctx, ctx.builder().op(op, a[2], loc, 0, a[0], a[1]));
  }

  final T binary(Op op, long other, SourceLoc loc) {
    Module ctx = Module.contextOf(loc, this);
    return wrapSame(ctx, ctx.builder().op(op, width(), loc, 0, netIn(ctx, loc), literalNet(ctx, other, loc)));
  }

  final Bool compare(Op op, Data<?> other, boolean swap, SourceLoc loc) {
    Module ctx = Module.contextOf(loc, this, other);
    int[] a = aligned(ctx, other, loc);
    return new Bool(ctx, swap ? ctx.builder().op(op, 1, loc, 0, a[1], a[0])
        : ctx.builder().op(op, 1, loc, 0, a[0], a[1]));
  }

  final Bool compare(Op op, long other, boolean swap, SourceLoc loc) {
    Module ctx = Module.contextOf(loc, this);
    int a = netIn(ctx, loc);
    int b = literalNet(ctx, other, loc);
    return new Bool(ctx, swap ? ctx.builder().op(op, 1, loc, 0, b, a) : ctx.builder().op(op, 1, loc, 0, a, b));
  }

  final T unary(Op op, int width, int param, SourceLoc loc) {
    Module ctx = Module.contextOf(loc, this);
    return wrapSame(ctx, ctx.builder().op(op, width, loc, param, netIn(ctx, loc)));
  }

  // --- operators common to every kind -----------------------------------------------------------

  /** {@code this == other} (the {@code ===}-style equality; there is no X in Veneer). */
  public final Bool eq(T other) {
    return compare(Op.EQ, other, false, SourceLocator.here());
  }

  public final Bool eq(long other) {
    return compare(Op.EQ, other, false, SourceLocator.here());
  }

  public final Bool ne(T other) {
    return compare(Op.NE, other, false, SourceLocator.here());
  }

  public final Bool ne(long other) {
    return compare(Op.NE, other, false, SourceLocator.here());
  }

  public final T and(T other) {
    return binary(Op.AND, other, SourceLocator.here());
  }

  public final T or(T other) {
    return binary(Op.OR, other, SourceLocator.here());
  }

  public final T xor(T other) {
    return binary(Op.XOR, other, SourceLocator.here());
  }

  public final T and(long other) {
    return binary(Op.AND, other, SourceLocator.here());
  }

  public final T or(long other) {
    return binary(Op.OR, other, SourceLocator.here());
  }

  public final T xor(long other) {
    return binary(Op.XOR, other, SourceLocator.here());
  }

  /** Bitwise inversion. */
  public final T not() {
    return unary(Op.NOT, width(), 0, SourceLocator.here());
  }

  /** AND of all bits. */
  public final Bool andR() {
    return reduce(Op.ANDR);
  }

  /** OR of all bits. */
  public final Bool orR() {
    return reduce(Op.ORR);
  }

  /** XOR of all bits (parity). */
  public final Bool xorR() {
    return reduce(Op.XORR);
  }

  private Bool reduce(Op op) {
    SourceLoc loc = SourceLocator.here();
    Module ctx = Module.contextOf(loc, this);
    return new Bool(ctx, ctx.builder().op(op, 1, loc, 0, netIn(ctx, loc)));
  }

  /** Bit {@code i}. */
  public final Bool bit(int i) {
    SourceLoc loc = SourceLocator.here();
    checkRange(i, i, loc);
    Module ctx = Module.contextOf(loc, this);
    return new Bool(ctx, ctx.builder().op(Op.SLICE, 1, loc, i, netIn(ctx, loc)));
  }

  /** Bits {@code hi} down to {@code lo}, as an unsigned number. */
  public final UInt bits(int hi, int lo) {
    SourceLoc loc = SourceLocator.here();
    checkRange(hi, lo, loc);
    Module ctx = Module.contextOf(loc, this);
    return new UInt(ctx, ctx.builder().op(Op.SLICE, hi - lo + 1, loc, lo, netIn(ctx, loc)));
  }

  private void checkRange(int hi, int lo, SourceLoc loc) {
    if (lo < 0 || hi < lo || hi >= width()) {
      throw new HdlException(loc, "bit range [" + hi + ":" + lo + "] is outside " + this
          + " (expected " + (width() - 1) + " >= hi >= lo >= 0)");
    }
  }

  /**
   * The parts side by side with element 0 in the least significant bits, the reverse of
   * {@link #cat}'s order: for values built bit by bit or lane by lane.
   *
   * <pre>{@code
   * UInt hits = Data.catLowFirst(List.of(hit0, hit1, hit2)); // {hit2, hit1, hit0}
   * }</pre>
   */
  public static UInt catLowFirst(List<? extends Data<?>> parts) {
    if (parts.isEmpty()) {
      throw new HdlException(SourceLocator.here(), "catLowFirst needs at least one part; found none");
    }
    if (parts.size() == 1) {
      return parts.get(0).asUInt();
    }
    Data<?>[] lower = new Data<?>[parts.size() - 1];
    for (int i = 0; i < lower.length; i++) {
      lower[i] = parts.get(parts.size() - 2 - i);
    }
    return parts.get(parts.size() - 1).cat(lower);
  }

  /** This value followed by {@code lower} in the less significant bits: {@code {this, lower...}}. */
  public final UInt cat(Data<?>... lower) {
    SourceLoc loc = SourceLocator.here();
    Data<?>[] all = new Data<?>[lower.length + 1];
    all[0] = this;
    System.arraycopy(lower, 0, all, 1, lower.length);
    Module ctx = Module.contextOf(loc, all);
    int[] nets = new int[all.length];
    int w = 0;
    for (int i = 0; i < all.length; i++) {
      nets[i] = all[i].netIn(ctx, loc);
      w += all[i].width();
    }
    return new UInt(ctx, ctx.builder().op(Op.CAT, w, loc, 0, nets));
  }

  /** Shifts left within the width (the top bits fall off, as in Verilog's {@code <<}). */
  public final T shl(int n) {
    SourceLoc loc = SourceLocator.here();
    checkShift(n, loc);
    return unary(Op.SHL, width(), n, loc);
  }

  /** Shifts left into a result {@code n} bits wider, so nothing is lost. */
  public final T shlWide(int n) {
    SourceLoc loc = SourceLocator.here();
    checkShift(n, loc);
    Module ctx = Module.contextOf(loc, this);
    int ext = extendedNet(ctx, width() + n, loc);
    return wrapSame(ctx, ctx.builder().op(Op.SHL, width() + n, loc, n, ext));
  }

  /** Shifts right: arithmetic for SInt, logical otherwise. */
  public final T shr(int n) {
    SourceLoc loc = SourceLocator.here();
    checkShift(n, loc);
    return unary(kind() == HdlType.Kind.SINT ? Op.SHRS : Op.SHRU, width(), n, loc);
  }

  /** Shifts left by a dynamic amount, within the width. */
  public final T shl(UInt amount) {
    return dynamicShift(Op.DSHL, amount, SourceLocator.here());
  }

  /** Shifts right by a dynamic amount: arithmetic for SInt, logical otherwise. */
  public final T shr(UInt amount) {
    return dynamicShift(kind() == HdlType.Kind.SINT ? Op.DSHRS : Op.DSHRU, amount, SourceLocator.here());
  }

  private T dynamicShift(Op op, UInt amount, SourceLoc loc) {
    Module ctx = Module.contextOf(loc, this, amount);
    ModuleBuilder b = ctx.builder();
    int x = netIn(ctx, loc);
    int a = amount.netIn(ctx, loc);
    int w = width();
    // k amount bits already reach past the width; wider amounts are split so that no shift
    // amount is wider than k bits (Verilator rejects shifts by amounts of more than 32 bits).
    int k = 32 - Integer.numberOfLeadingZeros(w);
    int aw = amount.width();
    if (aw <= k) {
      return wrapSame(ctx, b.op(op, w, loc, 0, x, a));
    }
    int low = b.op(Op.SLICE, k, loc, 0, a);
    int high = b.op(Op.ORR, 1, loc, 0, b.op(Op.SLICE, aw - k, loc, k, a));
    int allOnes = b.constant(k, BigInteger.ONE.shiftLeft(k).subtract(BigInteger.ONE), loc);
    int saturated = b.op(op, w, loc, 0, x, allOnes);
    int shifted = b.op(op, w, loc, 0, x, low);
    return wrapSame(ctx, b.op(Op.MUX, w, loc, 0, high, saturated, shifted));
  }

  private void checkShift(int n, SourceLoc loc) {
    if (n < 0) {
      throw new HdlException(loc, "a shift amount must be >= 0, found " + n);
    }
  }

  /** Extends to {@code w} bits (zero for UInt and Bits, sign for SInt); fails if narrower. */
  public final T extend(int w) {
    SourceLoc loc = SourceLocator.here();
    if (w < width()) {
      throw new HdlException(loc, "cannot extend " + this + " to " + w + " bits, which is narrower;"
          + " use truncate(" + w + ")");
    }
    Module ctx = Module.contextOf(loc, this);
    return wrapSame(ctx, extendedNet(ctx, w, loc));
  }

  /** Keeps the low {@code w} bits; fails if {@code w} is wider than the value. */
  public final T truncate(int w) {
    SourceLoc loc = SourceLocator.here();
    if (w > width() || w < 1) {
      throw new HdlException(loc, "cannot truncate " + this + " to " + w + " bits (expected 1 to "
          + width() + "); use extend(" + w + ") to widen");
    }
    if (w == width()) {
      Module ctx = Module.contextOf(loc, this);
      return wrapSame(ctx, netIn(ctx, loc));
    }
    return unary(Op.SLICE, w, 0, loc);
  }

  /** Extends or truncates to exactly {@code w} bits: the explicit way to say "either". */
  public final T resize(int w) {
    return w >= width() ? extend(w) : truncate(w);
  }

  /** The same bits as raw Bits. */
  public final Bits asBits() {
    return new Bits(owner, net);
  }

  /** The same bits read as an unsigned number. */
  public final UInt asUInt() {
    return new UInt(owner, net);
  }

  /** The same bits read as a two's-complement number. */
  public final SInt asSInt() {
    return new SInt(owner, net);
  }
}
