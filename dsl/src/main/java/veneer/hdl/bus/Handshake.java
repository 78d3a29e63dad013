package veneer.hdl.bus;

import veneer.hdl.Bool;
import veneer.hdl.Bundle;

/**
 * A bundle that moves one beat per cycle in which {@code valid} (from the sender) and
 * {@code ready} (from the receiver) are both high: the base of every AXI channel and of
 * {@link Stream}. Subclasses add the payload fields after these two, so ports come out as
 * {@code <name>_valid}, {@code <name>_ready}, then the payload.
 *
 * <pre>{@code
 * final class Command extends Handshake {
 *   final UInt address = out("address", UInt(32));
 * }
 * when(cmd.fire(), () -> count.set(count.add(1)));
 * }</pre>
 */
public abstract class Handshake extends Bundle {
  public final Bool valid = out("valid", Bool());
  public final Bool ready = in("ready", Bool());

  /** {@code valid && ready}: a beat moves in this cycle. */
  public Bool fire() {
    return valid.and(ready);
  }
}
