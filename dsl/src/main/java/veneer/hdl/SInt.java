package veneer.hdl;

import veneer.hdl.ir.Op;
import veneer.hdl.ir.SourceLoc;

/**
 * A two's-complement signed number of a fixed width: comparisons are signed, {@code shr} is
 * arithmetic, and extension copies the sign bit.
 *
 * <pre>{@code
 * SInt delta = input("delta", SInt(16));
 * Bool negative = delta.lt(0);
 * }</pre>
 */
public final class SInt extends Num<SInt> {
  SInt(Module owner, int net) {
    super(owner, net);
  }

  @Override
  HdlType.Kind kind() {
    return HdlType.Kind.SINT;
  }

  /** {@code -this}, wrapping at the width (the most negative value stays itself, as in Java). */
  public SInt neg() {
    SourceLoc loc = SourceLocator.here();
    Module ctx = Module.contextOf(loc, this);
    int zero = ctx.builder().constant(width(), java.math.BigInteger.ZERO, loc);
    return new SInt(ctx, ctx.builder().op(Op.SUB, width(), loc, 0, zero, netIn(ctx, loc)));
  }
}
