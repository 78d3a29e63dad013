package veneer.hdl.designs;

import veneer.hdl.Bool;
import veneer.hdl.Module;
import veneer.hdl.UInt;

/**
 * A small serial transmitter controller written with when/elsewhen/otherwise: idle, start bit,
 * eight data bits, stop bit, with an abort input that wins from any state.
 */
public final class Fsm extends Module {
  static final int IDLE = 0;
  static final int START = 1;
  static final int DATA = 2;
  static final int STOP = 3;

  public Fsm() {
    Bool send = input("send", Bool());
    Bool abort = input("abort", Bool());
    UInt payload = input("payload", UInt(8));
    UInt state = reg("state", UInt(2), IDLE);
    UInt bitIndex = reg("bit_index", UInt(3), 0);
    UInt shifter = reg("shifter", UInt(8), 0);
    Bool line = wire("line", Bool());
    Bool busy = output("busy", Bool());

    line.assign(1);
    when(abort, () -> state.assign(IDLE))
        .elsewhen(state.eq(IDLE), () -> {
          when(send, () -> {
            state.assign(START);
            shifter.assign(payload);
          });
        })
        .elsewhen(state.eq(START), () -> {
          line.assign(0);
          state.assign(DATA);
          bitIndex.assign(0);
        })
        .elsewhen(state.eq(DATA), () -> {
          line.assign(shifter.bit(0));
          shifter.assign(shifter.shr(1));
          bitIndex.assign(bitIndex.add(1));
          when(bitIndex.eq(7), () -> state.assign(STOP));
        })
        .otherwise(() -> state.assign(IDLE));
    output("tx", Bool()).assign(line);
    busy.assign(state.ne(IDLE));
  }
}
