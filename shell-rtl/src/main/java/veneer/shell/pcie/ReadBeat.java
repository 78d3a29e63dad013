package veneer.shell.pcie;

import veneer.hdl.Bits;
import veneer.hdl.Bool;
import veneer.hdl.Bundle;
import veneer.hdl.UInt;

/**
 * Read data delivered by the {@link PcieRequester}, in the order the commands were given,
 * whatever order the completions came in: one beat of {@code data}, the command's {@code ctx},
 * {@code last} on the command's final beat, and {@code err} on every beat of a request that
 * failed (completion status other than SC, or completion timeout; its data is then undefined).
 *
 * <pre>{@code
 * ReadBeat rd = slave("rd", () -> new ReadBeat(512));
 * rd.ready.assign(1);
 * }</pre>
 */
public final class ReadBeat extends Bundle {
  public final Bool valid = out("valid", Bool());
  public final Bool ready = in("ready", Bool());
  public final Bits data;
  public final UInt ctx = out("ctx", UInt(TransferCommand.CTX_BITS));
  public final Bool last = out("last", Bool());
  public final Bool err = out("err", Bool());

  public ReadBeat(int dataWidth) {
    data = out("data", Bits(dataWidth));
  }

  public Bool fire() {
    return valid.and(ready);
  }
}
