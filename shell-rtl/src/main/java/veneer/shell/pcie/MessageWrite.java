package veneer.shell.pcie;

import veneer.hdl.Bool;
import veneer.hdl.Bundle;
import veneer.hdl.UInt;

/**
 * A one-DW posted write for the {@link PcieRequester}: descriptor status write-backs and MSI-X
 * messages. {@code address} is DW aligned.
 *
 * <pre>{@code
 * MessageWrite msg = master("msg", MessageWrite::new);
 * msg.address.assign(0xFEE0_0000L); msg.data.assign(vector); msg.valid.assign(send);
 * }</pre>
 */
public final class MessageWrite extends Bundle {
  public final Bool valid = out("valid", Bool());
  public final Bool ready = in("ready", Bool());
  public final UInt address = out("address", UInt(64));
  public final UInt data = out("data", UInt(32));

  public Bool fire() {
    return valid.and(ready);
  }
}
