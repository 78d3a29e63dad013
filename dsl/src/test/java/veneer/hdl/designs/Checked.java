package veneer.hdl.designs;

import veneer.hdl.Bool;
import veneer.hdl.Module;
import veneer.hdl.UInt;

/** A saturating counter with assertions: it never reaches 200, and it holds after a cycle without enable. */
public final class Checked extends Module {
  public Checked() {
    Bool enable = input("enable", Bool());
    UInt count = reg("count", UInt(8), 0);
    UInt previous = regNext("previous", count);
    Bool wasEnabled = regNext("was_enabled", enable);
    when(enable.and(count.ne(199)), () -> count.assign(count.add(1)));
    assertThat(count.ne(200), "the count stays below 200 \"100%\"");
    when(wasEnabled.not(), () -> assertThat(count.eq(previous), "the count holds while disabled"));
    output("count_out", UInt(8)).assign(count);
  }
}
