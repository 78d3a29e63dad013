package veneer.shell.pcie;

import veneer.hdl.Bool;
import veneer.hdl.Bundle;
import veneer.hdl.UInt;

/**
 * A bulk read or write command for the {@link PcieRequester}: {@code beats} whole data beats at host
 * address {@code address} (a multiple of the beat size), with a context number the requester
 * hands back with the data. The requester splits it into requests by itself.
 *
 * <pre>{@code
 * TransferCommand cmd = master("rd_cmd", TransferCommand::new);
 * cmd.address.assign(src); cmd.beats.assign(16); cmd.ctx.assign(3); cmd.valid.assign(go);
 * }</pre>
 */
public final class TransferCommand extends Bundle {
  /** Bits of the beat count: transfers up to 2^24 - 1 beats. */
  public static final int BEAT_BITS = 24;
  /** Bits of the context number. */
  public static final int CTX_BITS = 4;

  public final Bool valid = out("valid", Bool());
  public final Bool ready = in("ready", Bool());
  public final UInt address = out("address", UInt(64));
  public final UInt beats = out("beats", UInt(BEAT_BITS));
  public final UInt ctx = out("ctx", UInt(CTX_BITS));

  public Bool fire() {
    return valid.and(ready);
  }
}
