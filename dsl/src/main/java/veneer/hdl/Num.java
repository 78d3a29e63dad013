package veneer.hdl;

import veneer.hdl.ir.Op;
import veneer.hdl.ir.SourceLoc;

/**
 * Arithmetic shared by {@link UInt} and {@link SInt}. Plain operators keep the wider operand's
 * width and wrap, like Java's int; the {@code Wide} variants grow so that nothing is lost.
 *
 * <pre>{@code
 * UInt sum = a.add(b);          // max(wa, wb) bits, wraps
 * UInt carry = a.addWide(b);    // max(wa, wb) + 1 bits
 * UInt prod = a.mulWide(b);     // wa + wb bits
 * }</pre>
 */
public abstract class Num<T extends Num<T>> extends Data<T> {
  Num(Module owner, int net) {
    super(owner, net);
  }

  public final T add(T other) {
    return binary(Op.ADD, other, SourceLocator.here());
  }

  public final T add(long other) {
    return binary(Op.ADD, other, SourceLocator.here());
  }

  public final T sub(T other) {
    return binary(Op.SUB, other, SourceLocator.here());
  }

  public final T sub(long other) {
    return binary(Op.SUB, other, SourceLocator.here());
  }

  public final T mul(T other) {
    return binary(Op.MUL, other, SourceLocator.here());
  }

  public final T mul(long other) {
    return binary(Op.MUL, other, SourceLocator.here());
  }

  /** Sum one bit wider than the wider operand. */
  public final T addWide(T other) {
    return widened(Op.ADD, other, Math.max(width(), other.width()) + 1, SourceLocator.here());
  }

  /** Difference one bit wider than the wider operand. */
  public final T subWide(T other) {
    return widened(Op.SUB, other, Math.max(width(), other.width()) + 1, SourceLocator.here());
  }

  /** Full product, {@code width() + other.width()} bits. */
  public final T mulWide(T other) {
    return widened(Op.MUL, other, width() + other.width(), SourceLocator.here());
  }

  private T widened(Op op, T other, int w, SourceLoc loc) {
    Module ctx = Module.contextOf(loc, this, other);
    if (other.kind() != kind()) {
      aligned(ctx, other, loc);
    }
    int a = extendedNet(ctx, w, loc);
    int b = other.extendedNet(ctx, w, loc);
    return wrapSame(ctx, ctx.builder().op(op, w, loc, 0, a, b));
  }

  private Op lessThan() {
    return kind() == HdlType.Kind.SINT ? Op.LTS : Op.LTU;
  }

  private Op lessOrEqual() {
    return kind() == HdlType.Kind.SINT ? Op.LES : Op.LEU;
  }

  public final Bool lt(T other) {
    return compare(lessThan(), other, false, SourceLocator.here());
  }

  public final Bool lt(long other) {
    return compare(lessThan(), other, false, SourceLocator.here());
  }

  public final Bool le(T other) {
    return compare(lessOrEqual(), other, false, SourceLocator.here());
  }

  public final Bool le(long other) {
    return compare(lessOrEqual(), other, false, SourceLocator.here());
  }

  public final Bool gt(T other) {
    return compare(lessThan(), other, true, SourceLocator.here());
  }

  public final Bool gt(long other) {
    return compare(lessThan(), other, true, SourceLocator.here());
  }

  public final Bool ge(T other) {
    return compare(lessOrEqual(), other, true, SourceLocator.here());
  }

  public final Bool ge(long other) {
    return compare(lessOrEqual(), other, true, SourceLocator.here());
  }
}
