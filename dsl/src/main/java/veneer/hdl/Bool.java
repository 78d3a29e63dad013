package veneer.hdl;

import veneer.hdl.ir.Op;
import veneer.hdl.ir.SourceLoc;

/**
 * A single bit used as a condition.
 *
 * <pre>{@code
 * Bool fire = valid.and(ready);
 * UInt next = fire.mux(count.add(1), count);
 * }</pre>
 */
public final class Bool extends Data<Bool> {
  Bool(Module owner, int net) {
    super(owner, net);
  }

  @Override
  HdlType.Kind kind() {
    return HdlType.Kind.BOOL;
  }

  /**
   * {@code this ? whenTrue : whenFalse}. Both arms must be of one kind; the narrower is extended.
   */
  public <T extends Data<T>> T mux(T whenTrue, T whenFalse) {
    SourceLoc loc = SourceLocator.here();
    Module ctx = Module.contextOf(loc, this, whenTrue, whenFalse);
    int[] arms = whenTrue.aligned(ctx, whenFalse, loc);
    return whenTrue.wrapSame(ctx,
        ctx.builder().op(Op.MUX, arms[2], loc, 0, netIn(ctx, loc), arms[0], arms[1]));
  }

  /** {@code this ? whenTrue : whenFalse} with constant arms of {@code like}'s kind and width. */
  public <T extends Data<T>> T mux(T whenTrue, long whenFalse) {
    SourceLoc loc = SourceLocator.here();
    Module ctx = Module.contextOf(loc, this, whenTrue);
    int f = whenTrue.literalNet(ctx, whenFalse, loc);
    return whenTrue.wrapSame(ctx,
        ctx.builder().op(Op.MUX, whenTrue.width(), loc, 0, netIn(ctx, loc), whenTrue.netIn(ctx, loc), f));
  }

  /** Logical implication helper: {@code !this || other}. */
  public Bool implies(Bool other) {
    return not().or(other);
  }
}
