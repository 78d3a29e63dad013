package veneer.shell.role;

import java.util.ArrayList;
import java.util.List;
import veneer.hdl.Bits;
import veneer.hdl.Bool;
import veneer.hdl.Bundle;
import veneer.hdl.Mem;
import veneer.hdl.UInt;
import veneer.hdl.bus.Axi4;

/**
 * An example RTL kernel as a Role: {@code c[i] = a[i] + b[i]} over arrays of 32-bit unsigned
 * numbers in DRAM (wrapping addition), using {@link KernelControl} on the control port and AXI4
 * bursts on DRAM port 0. It works in chunks of up to 16 bus words: read a chunk of {@code a}
 * and of {@code b} (two INCR bursts, ID 0, so the data of {@code a} arrives first), add lane by
 * lane into a buffer, write the chunk of {@code c} as one burst, wait for its response. No burst
 * crosses a 4 KiB boundary.
 *
 * <p>Arguments: 0/1 address of {@code a} (low/high word), 2/3 of {@code b}, 4/5 of {@code c},
 * 6 the element count {@code n}. Addresses must be aligned to the bus width and {@code n} a
 * multiple of the lanes per bus word (16 on a 512-bit bus); otherwise the run ends at once with
 * STATUS.error. An error response from DRAM also sets STATUS.error (the run continues).
 *
 * <pre>{@code
 * VectorAddKernel k = new VectorAddKernel(RoleParams.defaults());
 * // host: write ARGS.., CONTROL=1, wait for the interrupt or STATUS.done
 * }</pre>
 */
public final class VectorAddKernel extends RoleVariant {
  /** The value of KERNEL_ID: "VADD". */
  public static final long KERNEL_ID = 0x5641_4444L;
  /** Argument registers. */
  public static final int ARG_A = 0;
  public static final int ARG_B = 2;
  public static final int ARG_C = 4;
  public static final int ARG_N = 6;
  /** Longest burst the kernel issues, in bus words (its buffer size). */
  public static final int MAX_BURST = 16;

  private static final int IDLE = 0;
  private static final int PLAN = 1;
  private static final int READ_A = 2;
  private static final int READ_B = 3;
  private static final int READ_DATA = 4;
  private static final int WRITE_ADDR = 5;
  private static final int WRITE_DATA = 6;
  private static final int WRITE_RESP = 7;
  private static final int DONE = 8;

  public VectorAddKernel(RoleParams params) {
    super("VectorAddKernel", params);
    Axi4.Params p = params.dram();
    int bytes = p.dataBytes();
    int sizeCode = Integer.numberOfTrailingZeros(bytes);
    int lanes = p.dataWidth() / 32;
    if (lanes < 1) {
      throw new IllegalArgumentException("VectorAddKernel adds 32-bit lanes; the DRAM data width must be at least"
          + " 32 bits, found " + p.dataWidth());
    }
    int aw = p.addrWidth();
    Axi4 mem = role.dram(0);

    KernelControl ctl = instance("ctl", new KernelControl(params.ctrlAddrWidth(), 7, KERNEL_ID));
    Bundle.connect(role.ctrl, ctl.s);
    Bits irqs = ctl.irq.asBits().resize(params.interrupts());
    role.irq.assign(irqs);

    UInt state = reg("state", UInt(4), IDLE);
    UInt aAddr = reg("a_addr", UInt(aw), 0);
    UInt bAddr = reg("b_addr", UInt(aw), 0);
    UInt cAddr = reg("c_addr", UInt(aw), 0);
    UInt remaining = reg("remaining", UInt(32), 0);
    UInt len = reg("burst_len", UInt(5), 0);      // beats in this chunk, 1..16
    UInt rIndex = reg("r_index", UInt(4), 0);
    Bool secondArray = reg("second_array", Bool(), 0);
    UInt wIndex = reg("w_index", UInt(4), 0);
    Bool failed = reg("failed", Bool(), 0);
    Mem<Bits> buf = mem("chunk_buf", Bits(p.dataWidth()), MAX_BURST);

    // Arguments and their checks.
    UInt a64 = ctl.arg(ARG_A + 1).cat(ctl.arg(ARG_A));
    UInt b64 = ctl.arg(ARG_B + 1).cat(ctl.arg(ARG_B));
    UInt c64 = ctl.arg(ARG_C + 1).cat(ctl.arg(ARG_C));
    UInt n = ctl.arg(ARG_N);
    int laneBits = Integer.numberOfTrailingZeros(lanes);
    Bool misaligned = lit(0, Bool());
    if (sizeCode > 0) {
      misaligned = a64.bits(sizeCode - 1, 0).orR().or(b64.bits(sizeCode - 1, 0).orR())
          .or(c64.bits(sizeCode - 1, 0).orR());
    }
    if (laneBits > 0) {
      misaligned = misaligned.or(n.bits(laneBits - 1, 0).orR());
    }
    Bool badArgs = misaligned;
    UInt words = laneBits > 0 ? n.shr(laneBits) : n;

    // The chunk: at most 16 words, never past a 4 KiB boundary of any of the three arrays.
    UInt chunk = lit(MAX_BURST, UInt(13));
    for (UInt addr : List.of(aAddr, bAddr, cAddr)) {
      UInt toBoundary = lit(4096 / bytes, UInt(13)).sub(addr.bits(11, sizeCode));
      chunk = toBoundary.lt(chunk).mux(toBoundary, chunk);
    }
    UInt chunkLen = remaining.lt(chunk.extend(32)).mux(remaining, chunk.extend(32)).truncate(5);

    Bool busy = state.ne(IDLE);
    ctl.busy.assign(busy);
    ctl.done.assign(state.eq(DONE));

    // Read address channel: a, then b, both ID 0 so that their data keeps that order.
    Bool readingA = state.eq(READ_A);
    mem.ar.valid.assign(readingA.or(state.eq(READ_B)));
    mem.ar.addr.assign(readingA.mux(aAddr, bAddr));
    mem.ar.len.assign(len.sub(1).extend(8));
    addressDefaults(mem.ar, sizeCode);

    // Read data: the first chunk into the buffer, the second added to it lane by lane.
    mem.r.ready.assign(state.eq(READ_B).or(state.eq(READ_DATA)));
    Bits sum = laneAdd(buf.read(rIndex), mem.r.data, lanes);
    when(mem.r.fire(), () -> buf.write(rIndex, secondArray.mux(sum, mem.r.data)));

    // Write channels.
    mem.aw.valid.assign(state.eq(WRITE_ADDR));
    mem.aw.addr.assign(cAddr);
    mem.aw.len.assign(len.sub(1).extend(8));
    addressDefaults(mem.aw, sizeCode);
    Bool lastWrite = wIndex.extend(5).eq(len.sub(1));
    mem.w.valid.assign(state.eq(WRITE_DATA));
    mem.w.data.assign(buf.read(wIndex));
    mem.w.strb.assign(lit(0, Bits(bytes)).not());
    mem.w.last.assign(lastWrite);
    if (mem.w.user != null) {
      mem.w.user.assign(lit(0, Bits(p.userWidth())));
    }
    mem.b.ready.assign(state.eq(WRITE_RESP));
    Bool dramError = mem.r.fire().and(mem.r.resp.ne(0)).or(mem.b.fire().and(mem.b.resp.ne(0)));
    Bool anyError = dramError;
    when(anyError, () -> failed.assign(1));

    long advance = bytes;
    when(state.eq(IDLE), () -> when(ctl.start, () -> {
      failed.assign(badArgs);
      aAddr.assign(a64.resize(aw));
      bAddr.assign(b64.resize(aw));
      cAddr.assign(c64.resize(aw));
      remaining.assign(badArgs.mux(lit(0, UInt(32)), words));
      state.assign(badArgs.or(words.eq(0)).mux(lit(DONE, UInt(4)), PLAN));
    })).elsewhen(state.eq(PLAN), () -> {
      len.assign(chunkLen);
      rIndex.assign(0);
      wIndex.assign(0);
      secondArray.assign(0);
      state.assign(READ_A);
    }).elsewhen(state.eq(READ_A), () -> when(mem.ar.fire(), () -> state.assign(READ_B)))
        .elsewhen(state.eq(READ_B), () -> when(mem.ar.fire(), () -> state.assign(READ_DATA)));
    when(mem.r.fire(), () -> {
      Bool endOfArray = rIndex.extend(5).eq(len.sub(1));
      when(endOfArray, () -> {
        rIndex.assign(0);
        secondArray.assign(1);
        when(secondArray, () -> state.assign(WRITE_ADDR));
      }).otherwise(() -> rIndex.assign(rIndex.add(1)));
    });
    when(state.eq(WRITE_ADDR).and(mem.aw.fire()), () -> state.assign(WRITE_DATA));
    when(mem.w.fire(), () -> {
      wIndex.assign(wIndex.add(1));
      when(lastWrite, () -> state.assign(WRITE_RESP));
    });
    UInt step = len.extend(aw).mul(advance);
    when(mem.b.fire(), () -> {
      aAddr.assign(aAddr.add(step));
      bAddr.assign(bAddr.add(step));
      cAddr.assign(cAddr.add(step));
      UInt left = remaining.sub(len.extend(32));
      remaining.assign(left);
      state.assign(left.eq(0).mux(lit(DONE, UInt(4)), PLAN));
    });
    when(state.eq(DONE), () -> state.assign(IDLE));
    // STATUS.error reports a bad argument or any DRAM error response of the run.
    ctl.error.assign(state.eq(DONE).and(failed));
  }

  private void addressDefaults(Axi4.Addr a, int sizeCode) {
    a.id.assign(lit(0, UInt(a.id.width())));
    a.size.assign(lit(sizeCode, UInt(3)));
    a.burst.assign(lit(Axi4.BURST_INCR, Bits(2)));
    a.lock.assign(lit(0, Bool()));
    a.cache.assign(lit(0, Bits(4)));
    a.prot.assign(lit(0, Bits(3)));
    a.qos.assign(lit(0, Bits(4)));
    if (a.user != null) {
      a.user.assign(lit(0, Bits(a.user.width())));
    }
  }

  /** Adds two bus words as independent 32-bit lanes. */
  private Bits laneAdd(Bits x, Bits y, int lanes) {
    List<UInt> sums = new ArrayList<>();
    for (int i = lanes - 1; i >= 0; i--) {
      sums.add(x.bits(32 * i + 31, 32 * i).add(y.bits(32 * i + 31, 32 * i)));
    }
    UInt top = sums.get(0);
    return (lanes == 1 ? top : top.cat(sums.subList(1, lanes).toArray(new UInt[0]))).asBits();
  }
}
