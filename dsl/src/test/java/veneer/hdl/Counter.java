package veneer.hdl;

/** Counts enabled cycles; wraps at 2^width. Used by the HDL's own tests. */
final class Counter extends Module {
  final Bool enable = input("enable", Bool());
  final UInt count;

  Counter(int width) {
    super("Counter" + width);
    count = output("count", UInt(width));
    UInt value = reg("value", UInt(width), 0);
    when(enable, () -> value.assign(value.add(1)));
    count.assign(value);
  }
}
