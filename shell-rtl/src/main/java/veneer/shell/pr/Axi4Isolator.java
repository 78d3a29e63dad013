package veneer.shell.pr;

import veneer.hdl.Bits;
import veneer.hdl.Bool;
import veneer.hdl.Bundle;
import veneer.hdl.Data;
import veneer.hdl.Module;
import veneer.hdl.UInt;
import veneer.hdl.bus.Axi4;
import veneer.hdl.bus.StreamFifo;

/**
 * Isolates one AXI4 manager port of the Role (the Role on {@code role}, DRAM on {@code shell})
 * so that decoupling never breaks the protocol on the Shell side.
 *
 * <p>AW, AR and W reach the Shell through one-entry registers, so a request the Shell has not
 * yet accepted stays offered, unchanged, whatever the Role does. Write data is accepted from the
 * Role only for bursts whose address was accepted, and WLAST is generated here from the burst
 * length (a Role's wrong WLAST cannot reach the Shell). While {@code cut} is high:
 * <ul>
 *   <li>the Role gets no READY and no VALID;</li>
 *   <li>write bursts whose address was accepted are completed with zero-strobe beats (they write
 *       no byte), so the Shell sees every burst whole;</li>
 *   <li>B and R of outstanding transactions are taken (READY high) and dropped;</li>
 *   <li>once nothing is outstanding ({@code idle}), every Shell-side output is 0.</li>
 * </ul>
 *
 * <pre>{@code
 * Axi4Isolator iso = instance("dram0_iso", new Axi4Isolator(params, 8));
 * }</pre>
 */
public final class Axi4Isolator extends Module {
  /** Faces DRAM (this block is the manager there). */
  public final Axi4 shell;
  /** Faces the Role's manager port. */
  public final Axi4 role;
  /** High: the Role is cut off and outstanding transactions are drained. */
  public final Bool cut = input("cut", Bool());
  /** Nothing buffered, owed or outstanding. */
  public final Bool idle = output("idle", Bool());

  /**
   * @param p the port's parameters
   * @param maxBursts write bursts and read bursts each that may be outstanding
   */
  public Axi4Isolator(Axi4.Params p, int maxBursts) {
    super("Axi4Isolator_" + p.idWidth() + "_" + p.addrWidth() + "_" + p.dataWidth() + "_" + p.userWidth()
        + "_" + maxBursts);
    if (maxBursts < 1 || maxBursts > 256) {
      throw new IllegalArgumentException("an Axi4Isolator allows 1 to 256 outstanding bursts, found " + maxBursts);
    }
    shell = master("shell", () -> new Axi4(p));
    role = slave("role", () -> new Axi4(p));
    Bool coupled = cut.not();
    int cw = log2Up(maxBursts + 1L);
    UInt writes = reg("writes_out", UInt(cw), 0);
    UInt reads = reg("reads_out", UInt(cw), 0);

    // Write address: held for the Shell; its length queued for the data path.
    StreamFifo lengths = instance("lengths", new StreamFifo(8, maxBursts));
    Bool awFull = reg("aw_full", Bool(), 0);
    role.aw.ready.assign(coupled.and(awFull.not().or(shell.aw.ready)).and(writes.lt(maxBursts))
        .and(lengths.in.ready));
    holdChannel("aw", role.aw, shell.aw, role.aw.fire(), awFull);
    shell.aw.valid.assign(awFull);
    when(role.aw.fire(), () -> awFull.assign(1)).elsewhen(shell.aw.fire(), () -> awFull.assign(0));
    lengths.in.valid.assign(role.aw.fire());
    lengths.in.data.assign(role.aw.len.asBits());

    // Write data: from the Role while coupled, zero-strobe filler while cut.
    Bool wFull = reg("w_full", Bool(), 0);
    Bits wData = reg("w_data", Bits(p.dataWidth()), 0);
    Bits wStrb = reg("w_strb", Bits(p.dataBytes()), 0);
    Bool wLast = reg("w_last", Bool(), 0);
    UInt beat = reg("w_beat", UInt(8), 0);
    Bool owed = lengths.out.valid;
    Bool lastOfBurst = beat.eq(lengths.out.data.asUInt());
    Bool slotFree = wFull.not().or(shell.w.ready);
    role.w.ready.assign(coupled.and(owed).and(slotFree));
    Bool load = owed.and(slotFree).and(cut.or(role.w.valid));
    lengths.out.ready.assign(load.and(lastOfBurst));
    when(load, () -> {
      wFull.assign(1);
      wData.assign(cut.mux(lit(0, Bits(p.dataWidth())), role.w.data));
      wStrb.assign(cut.mux(lit(0, Bits(p.dataBytes())), role.w.strb));
      wLast.assign(lastOfBurst);
      when(lastOfBurst, () -> beat.assign(0)).otherwise(() -> beat.assign(beat.add(1)));
    }).elsewhen(shell.w.fire(), () -> wFull.assign(0));
    shell.w.valid.assign(wFull);
    shell.w.data.assign(wFull.mux(wData, 0));
    shell.w.strb.assign(wFull.mux(wStrb, 0));
    shell.w.last.assign(wFull.and(wLast));
    if (p.userWidth() > 0) {
      Bits wUser = reg("w_user", Bits(p.userWidth()), 0);
      when(load, () -> wUser.assign(cut.mux(lit(0, Bits(p.userWidth())), role.w.user)));
      shell.w.user.assign(wFull.mux(wUser, 0));
    }

    // Write response: to the Role while coupled, dropped while cut.
    role.b.valid.assign(shell.b.valid.and(coupled));
    passPayload(role.b, shell.b);
    shell.b.ready.assign(cut.mux(writes.ne(0), role.b.ready));
    Bool bDone = shell.b.fire();
    when(role.aw.fire().and(bDone.not()), () -> writes.assign(writes.add(1)))
        .elsewhen(bDone.and(role.aw.fire().not()), () -> writes.assign(writes.sub(1)));

    // Read address and data.
    Bool arFull = reg("ar_full", Bool(), 0);
    role.ar.ready.assign(coupled.and(arFull.not().or(shell.ar.ready)).and(reads.lt(maxBursts)));
    holdChannel("ar", role.ar, shell.ar, role.ar.fire(), arFull);
    shell.ar.valid.assign(arFull);
    when(role.ar.fire(), () -> arFull.assign(1)).elsewhen(shell.ar.fire(), () -> arFull.assign(0));
    role.r.valid.assign(shell.r.valid.and(coupled));
    passPayload(role.r, shell.r);
    shell.r.ready.assign(cut.mux(reads.ne(0), role.r.ready));
    Bool rDone = shell.r.fire().and(shell.r.last);
    when(role.ar.fire().and(rDone.not()), () -> reads.assign(reads.add(1)))
        .elsewhen(rDone.and(role.ar.fire().not()), () -> reads.assign(reads.sub(1)));

    idle.assign(awFull.not().and(arFull.not()).and(wFull.not()).and(owed.not())
        .and(writes.eq(0)).and(reads.eq(0)));
  }

  /** One register per payload field of an address channel; the Shell sees 0 while empty. */
  @SuppressWarnings({"rawtypes", "unchecked"})
  private void holdChannel(String prefix, Bundle from, Bundle to, Bool load, Bool full) {
    for (int i = 0; i < from.fields().size(); i++) {
      Bundle.Field f = from.fields().get(i);
      if (f.name().equals("valid") || f.name().equals("ready")) {
        continue;
      }
      Data src = (Data) f.value();
      Data dst = (Data) to.fields().get(i).value();
      Data held = reg(prefix + "_" + f.name(), src.type(), 0);
      when(load, () -> held.assign(src));
      dst.assign(full.mux(held, 0));
    }
  }

  /** The payload of a response channel, from the Shell to the Role as it is. */
  @SuppressWarnings({"rawtypes", "unchecked"})
  private static void passPayload(Bundle toRole, Bundle fromShell) {
    for (int i = 0; i < toRole.fields().size(); i++) {
      Bundle.Field f = toRole.fields().get(i);
      if (f.name().equals("valid") || f.name().equals("ready")) {
        continue;
      }
      ((Data) f.value()).assign((Data) fromShell.fields().get(i).value());
    }
  }
}
