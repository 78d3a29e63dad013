package veneer.hdl;

/**
 * Raw bits with no arithmetic meaning: buses, masks, opaque data. Bitwise operators need equal
 * widths; read it as a number with {@link #asUInt()} or {@link #asSInt()}.
 *
 * <pre>{@code
 * Bits data = input("data", Bits(32));
 * UInt opcode = data.bits(6, 0);
 * }</pre>
 */
public final class Bits extends Data<Bits> {
  Bits(Module owner, int net) {
    super(owner, net);
  }

  @Override
  HdlType.Kind kind() {
    return HdlType.Kind.BITS;
  }
}
