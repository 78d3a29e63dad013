package veneer.hdl;

/**
 * An unsigned number of a fixed width.
 *
 * <pre>{@code
 * UInt count = reg("count", UInt(8), 0);
 * count.assign(count.add(1));
 * }</pre>
 */
public final class UInt extends Num<UInt> {
  UInt(Module owner, int net) {
    super(owner, net);
  }

  @Override
  HdlType.Kind kind() {
    return HdlType.Kind.UINT;
  }
}
