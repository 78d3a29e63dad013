package veneer.hdl.designs;

import veneer.hdl.Bool;
import veneer.hdl.Module;
import veneer.hdl.UInt;

/** Counts enabled cycles; wraps at 2^width. */
public final class Counter extends Module {
  public final Bool enable = input("enable", Bool());
  public final UInt count;

  public Counter(int width) {
    count = output("count", UInt(width));
    UInt value = reg("value", UInt(width), 0);
    when(enable, () -> value.assign(value.add(1)));
    count.assign(value);
  }
}
