package veneer.sim.bus;

import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import veneer.sim.Simulator;

/**
 * A small AXI4 manager for the loopback tests: issues queued bursts with random gaps, keeps
 * several outstanding, and collects read data per ID. Written to the protocol, so that the
 * checker stays silent unless the subordinate misbehaves.
 */
final class ScriptedAxi4Master implements CycleHook {
  record Write(Axi4Burst burst, BigInteger[] data, BigInteger[] strb) {}

  private final String p;
  private final SplittableRandom rng;
  private final Deque<Write> aw = new ArrayDeque<>();
  private final Deque<Write> w = new ArrayDeque<>();
  private final Deque<Axi4Burst> ar = new ArrayDeque<>();
  private boolean awOffered;
  private boolean wOffered;
  private boolean arOffered;
  private int wBeat;
  int responses;
  final Map<Long, List<BigInteger>> readData = new HashMap<>();
  final List<Long> readOrder = new ArrayList<>();

  ScriptedAxi4Master(String bundle, long seed) {
    this.p = bundle + "_";
    this.rng = new SplittableRandom(seed);
  }

  void write(Axi4Burst burst, BigInteger[] data, BigInteger[] strb) {
    Write x = new Write(burst, data, strb);
    aw.add(x);
    w.add(x);
  }

  void read(Axi4Burst burst) {
    ar.add(burst);
  }

  boolean done(int expectedResponses, int expectedReadBursts) {
    return responses == expectedResponses && readOrder.size() == expectedReadBursts;
  }

  @Override
  public void beforeEdge(Simulator sim) {
    if (awOffered && sim.peek(p + "aw_ready") != 0) {
      aw.removeFirst();
      awOffered = false;
    }
    if (wOffered && sim.peek(p + "w_ready") != 0) {
      wOffered = false;
      if (++wBeat == w.peekFirst().burst().beats()) {
        w.removeFirst();
        wBeat = 0;
      }
    }
    if (arOffered && sim.peek(p + "ar_ready") != 0) {
      ar.removeFirst();
      arOffered = false;
    }
    if (sim.peek(p + "b_valid") != 0) {
      responses++;
    }
    if (sim.peek(p + "r_valid") != 0) {
      long id = sim.peek(p + "r_id");
      readData.computeIfAbsent(id, k -> new ArrayList<>()).add(sim.peekWide(p + "r_data"));
      if (sim.peek(p + "r_last") != 0) {
        readOrder.add(id);
      }
    }
  }

  @Override
  public void afterEdge(Simulator sim) {
    awOffered = awOffered || !aw.isEmpty() && rng.nextInt(3) != 0;
    wOffered = wOffered || !w.isEmpty() && rng.nextInt(3) != 0;
    arOffered = arOffered || !ar.isEmpty() && rng.nextInt(3) != 0;
    sim.poke(p + "aw_valid", awOffered ? 1 : 0);
    if (awOffered) {
      address(sim, "aw", aw.peekFirst().burst());
    }
    sim.poke(p + "w_valid", wOffered ? 1 : 0);
    if (wOffered) {
      Write x = w.peekFirst();
      sim.poke(p + "w_data", x.data()[wBeat]);
      sim.poke(p + "w_strb", x.strb()[wBeat]);
      sim.poke(p + "w_last", wBeat == x.burst().beats() - 1 ? 1 : 0);
    }
    sim.poke(p + "ar_valid", arOffered ? 1 : 0);
    if (arOffered) {
      address(sim, "ar", ar.peekFirst());
    }
    sim.poke(p + "b_ready", 1);
    sim.poke(p + "r_ready", 1);
  }

  private void address(Simulator sim, String ch, Axi4Burst b) {
    sim.poke(p + ch + "_id", b.id());
    sim.poke(p + ch + "_addr", b.addr());
    sim.poke(p + ch + "_len", b.len());
    sim.poke(p + ch + "_size", b.size());
    sim.poke(p + ch + "_burst", b.burst());
  }
}
