package veneer.overlay.pe;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import veneer.hdl.Bits;
import veneer.hdl.Bool;
import veneer.hdl.Bundle;
import veneer.hdl.Data;
import veneer.hdl.Mem;
import veneer.hdl.Module;
import veneer.hdl.Param;
import veneer.hdl.Top;
import veneer.hdl.UInt;
import veneer.hdl.bus.Axi4;
import veneer.isa.Opcode;
import veneer.isa.pe.PeMemoryMap;

/**
 * A processing element of the overlay: an RV32IM core with {@code threads} hardware threads
 * interleaved cycle by cycle (barrel multithreading) in a four-stage pipeline. Each thread has
 * at most one instruction in the pipeline, so there are no pipeline hazards, no forwarding and
 * no branch prediction; with four or more ready threads one instruction issues every cycle.
 * Global loads do not block (a per-thread scoreboard holds back the first instruction that
 * needs the value) and global stores are posted, with up to {@link PeConfig#accessIds()}
 * accesses in flight. See docs/pe.md for the pipeline, the memory map and the host ports.
 *
 * <pre>{@code
 * try (Simulator sim = Simulators.open(new Pe(4, 0, 4096, 4096), Backend.JVM)) {
 *   sim.writeMemory("imem", 0, program);
 *   sim.poke("entry_pc", 0); sim.poke("start", 1); sim.step(); sim.poke("start", 0);
 *   sim.runUntil(() -> sim.peek("done") == 1, 100_000);
 * }
 * }</pre>
 */
@Top(description = "multithreaded RV32IM processing element of the overlay",
    testParams = {"imemWords=64", "spmWords=64"})
public final class Pe extends Module {
  /** The AXI4 manager port to global memory; AXI IDs are access ids. */
  public final Axi4 mem;
  public final PeConfig config;
  /** Every data port by name, so that a parent (the PE array) can wire them. */
  private final Map<String, Data<?>> ports = new LinkedHashMap<>();

  private static final int CAUSE_FETCH_MISALIGNED = 0;
  private static final int CAUSE_FETCH_ACCESS = 1;
  private static final int CAUSE_ILLEGAL = 2;
  private static final int CAUSE_BREAKPOINT = 3;
  private static final int CAUSE_LOAD_MISALIGNED = 4;
  private static final int CAUSE_LOAD_ACCESS = 5;
  private static final int CAUSE_STORE_MISALIGNED = 6;
  private static final int CAUSE_STORE_ACCESS = 7;
  private static final int CAUSE_ECALL = 11;
  /**
   * Cycles a late result may wait for a free write-back slot before S0 holds back an issue to
   * make one (docs/pe.md, IPC on load-heavy loops); at most 3 (a 2-bit age).
   */
  static final int LATE_PATIENCE = 3;
  // Where the stop value (mtval) comes from, as the 2-bit select of its 4:1 mux in S3.
  private static final int TVAL_ADDR = 0;
  private static final int TVAL_PC = 1;
  private static final int TVAL_INSN = 2;
  private static final int TVAL_BUS_ERROR = 3;

  /** A PE with the given parameters (see {@link PeConfig}). */
  public Pe(@Param(name = "threads", defaultValue = "4") int threads,
      @Param(name = "peId", defaultValue = "0") int peId,
      @Param(name = "imemWords", defaultValue = "4096") int imemWords,
      @Param(name = "spmWords", defaultValue = "4096") int spmWords) {
    this(PeConfig.of(threads, peId, imemWords, spmWords));
  }

  public Pe(PeConfig c) {
    super("Pe");
    this.config = c;
    final int nt = c.threads();
    final int tb = c.tidBits();
    mem = master("mem", () -> new Axi4(GlobalMemoryPort.axiParams(c)));

    // --- memories ----------------------------------------------------------------------------
    Mem<Bits> imem = mem("imem", Bits(32), c.imemWords());
    // The host does not write a word in the cycle the PE stores to it (docs/pe.md, host ports;
    // the array ties the host port off): without an order between the two write ports, Yosys
    // builds no collision logic for them (Pe 453 -> 445 LUTs).
    Mem<Bits> spm = mem("spm", Bits(32), c.spmWords()).exclusiveWrites();
    Mem<Bits> args = mem("args", Bits(32), PeMemoryMap.KERNEL_ARGS_WORDS);
    Mem<Bits> regs = mem("regs", Bits(32), nt * 32);
    // Per thread: why it stopped (cause, pc, value) for the status port.
    Mem<Bits> detail = mem("status_detail", Bits(ThreadState.WIDTH + 5 + 32 + 32), nt);
    // Per access id: the global-memory access in flight (rd, size, sign, address, pc), written
    // in S3, read when its response is taken. The thread is not stored (access ids are handed
    // out per thread: id = thread * 8 + slot), nor the byte offset (the address's low bits) nor
    // the pc's bits other than its word index in IMEM (an access's pc is inside IMEM), nor the
    // address's bit 31 (global memory is the upper half of the address space): 51 bits, 17
    // RAM64M of three bits each rather than 18.
    final int na = c.accessIds();
    final int ab = c.accessIdBits();
    if (Integer.toUnsignedLong(PeMemoryMap.GLOBAL_BASE) != 1L << 31) {
      throw new IllegalStateException("the access table leaves out address bit 31, set in every global address;"
          + " global memory now starts at " + Integer.toHexString(PeMemoryMap.GLOBAL_BASE));
    }
    Mem<Bits> park = mem("park", Bits(5 + 2 + 1 + 31 + imem.addrWidth()), na);

    // --- host ports --------------------------------------------------------------------------
    Bool imemWe = hostIn("imem_we", Bool());
    UInt imemAddr = hostIn("imem_addr", UInt(imem.addrWidth()));
    UInt imemData = hostIn("imem_data", UInt(32));
    Bool argWe = hostIn("arg_we", Bool());
    UInt argAddr = hostIn("arg_addr", UInt(args.addrWidth()));
    UInt argData = hostIn("arg_data", UInt(32));
    when(argWe, () -> args.write(argAddr, argData.asBits()));
    Bool spmEn = hostIn("spm_en", Bool());
    Bool spmWe = hostIn("spm_we", Bool());
    UInt spmAddr = hostIn("spm_addr", UInt(spm.addrWidth()));
    UInt spmWdata = hostIn("spm_wdata", UInt(32));
    UInt spmRdata = hostOut("spm_rdata", UInt(32));
    when(spmEn.and(spmWe), () -> spm.write(spmAddr, spmWdata.asBits()));
    // Read whenever enabled, writes included (the word before the write, as the block RAM's
    // read-first port gives it): a read enable that excluded writes kept spm_rdata through a
    // host write, which Yosys built as a flip-flop and a 2:1 mux per bit behind the block RAM
    // (32 LUTs) instead of using the RAM's enable.
    spmRdata.assign(spm.readSync(spmAddr, spmEn).asUInt());

    Bool start = hostIn("start", Bool());
    UInt entryPc = hostIn("entry_pc", UInt(32));
    Bool busyOut = hostOut("busy", Bool());
    Bool doneOut = hostOut("done", Bool());
    Bool startReadyOut = hostOut("start_ready", Bool());
    UInt statusThread = hostIn("status_thread", UInt(tb));
    UInt statusState = hostOut("status_state", UInt(ThreadState.WIDTH));
    UInt statusCause = hostOut("status_cause", UInt(5));
    UInt statusPc = hostOut("status_pc", UInt(32));
    UInt statusValue = hostOut("status_value", UInt(32));

    // Dispatcher (docs/overlay-array.md): a WORK_NEXT read asks for a work-item and waits
    // (replays) until wi_grant; wi_* carry the granted ids in that cycle (-1 when all are given out).
    Bool wiReq = hostOut("wi_req", Bool());
    Bool wiGrant = hostIn("wi_grant", Bool());
    UInt wiGlobalId = hostIn("wi_global_id", UInt(32));
    UInt wiLocalId = hostIn("wi_local_id", UInt(32));
    UInt wiGroupId = hostIn("wi_group_id", UInt(32));
    UInt wiGlobalSize = hostIn("wi_global_size", UInt(32));
    UInt wiLocalSize = hostIn("wi_local_size", UInt(32));

    Bool consoleValid = hostOut("console_valid", Bool());
    UInt consoleThread = hostOut("console_thread", UInt(tb));
    UInt consoleData = hostOut("console_data", UInt(8));
    Bool retireValid = hostOut("retire_valid", Bool());
    UInt retireThread = hostOut("retire_thread", UInt(tb));
    UInt retirePc = hostOut("retire_pc", UInt(32));
    UInt retireInsn = hostOut("retire_insn", UInt(32));
    UInt retireRd = hostOut("retire_rd", UInt(5));
    UInt retireValue = hostOut("retire_value", UInt(32));
    Bool retireWe = hostOut("retire_we", Bool());
    Bool storeValid = hostOut("store_valid", Bool());
    UInt storeAddr = hostOut("store_addr", UInt(32));
    UInt storeData = hostOut("store_data", UInt(32));
    UInt storeSize = hostOut("store_size", UInt(2));

    // --- thread state ------------------------------------------------------------------------
    // One bit per thread: running (set for every thread at start, cleared when it stops). A
    // stopped thread's state (EXITED, BREAK or FAULT) is in status_detail; before the first
    // start every thread is IDLE.
    UInt alive = reg("alive", UInt(nt), 0);
    // Per-thread PCs and retired-instruction counts live in small memories indexed by thread
    // (distributed RAM, one read mux instead of one per register). A start cannot write every
    // thread's word at once, so a per-thread flag says "still at its start value" (the entry
    // pc, and instret 0) until the thread's first retire. (A retire moves the PC, except ECALL
    // and EBREAK, which stop the thread: its PC is not read again.)
    // pc: word t for thread t, and word 2^tidBits, which a fresh thread reads, for the entry pc.
    // A start writes that word through the PC write port in the cycle after the start
    // (start_pc_write, when no thread issues; s3_next_pc is then the held entry pc), so that S0
    // has no 32-bit mux between a held entry pc and the word read.
    Mem<Bits> pcMem = mem("pc", Bits(32), 2 << tb);
    UInt entryWord = lit(1L << tb, UInt(pcMem.addrWidth()));
    // IMEM's end (the first byte past it) and its byte address bits: PCs inside are below 2^imemBits.
    final long imemEnd = PeMemoryMap.IMEM_BASE + 4L * c.imemWords();
    final int imemBits = imem.addrWidth() + 2;
    // Kept inverted, as "retired since the start" (0 after reset and after a start), so that
    // reset and start are one synchronous reset of its flip-flops (a start that set the flags
    // while reset cleared them cost a LUT per flag), and as one flip-flop per thread whose clock
    // enable is its bit of s3_retire_mask and whose data is 1: no LUT a bit.
    UInt retireMask3 = reg("s3_retire_mask", UInt(nt), 0);
    List<Bool> retiredBits = new ArrayList<>();
    for (int t = 0; t < nt; t++) {
      Bool r = reg("retired_once_" + t, Bool(), 0);
      retiredBits.add(r);
    }
    UInt retiredOnce = Data.catLowFirst(retiredBits).named("retired_once");
    UInt fresh = retiredOnce.not().named("fresh");
    // instret: word t for thread t; words 2^tidBits and up are never written (zero), and a
    // thread still at its start value reads one of those instead of a mask on the value read.
    Mem<Bits> instretMem = mem("instret", Bits(64), 2 << tb);
    // A thread has at most one instruction in the pipeline, from its issue until it leaves S3,
    // whatever S3 does with it; a thread that is neither there nor waiting is ready. Each stage's
    // thread is also carried one-hot (s1_mask, s2_mask, s3_mask: zero when the stage is empty),
    // decoded once at issue and then moved along as flip-flops with a synchronous reset (no
    // LUTs): "in the pipeline" is their OR, and S3's updates of the per-thread bits need no
    // decoder of s3_tid.
    UInt s1Mask = reg("s1_mask", UInt(nt), 0);
    UInt s2Mask = reg("s2_mask", UInt(nt), 0);
    UInt s3Mask = reg("s3_mask", UInt(nt), 0);
    // mem_wait: the thread waits for one of its global accesses to come back (a source or
    // destination register not yet loaded, or FENCE/ECALL/EBREAK with accesses in flight).
    UInt memWait = reg("mem_wait", UInt(nt), 0);
    // Scoreboard: one bit per (thread, register), set while a load in flight will write it.
    // Memories rather than registers. A load in S3 sets its bit while a late write-back may
    // clear another one in the same cycle, so the bit is the XOR of two memories with one write
    // port each: a set flips its pending_set bit (the bit was clear: no write-after-write), a
    // clear flips its pending_clear bit (it was set). Each flip reads its own memory at the
    // write address (the LUT RAM's write port reads there anyway), so each half has the three
    // S1 read ports and no more. A word holds four registers' bits (word {thread, reg[4:2]}, bit
    // reg[1:0]): a flip rewrites its word with one bit inverted, so that each half has one
    // write enable rather than one per 64-word LUT-RAM bank, and the sweep takes a quarter of
    // the cycles.
    Mem<Bits> pendingSet = mem("pending_set", Bits(Scoreboard.REGS_PER_WORD), nt * 32 / Scoreboard.REGS_PER_WORD);
    Mem<Bits> pendingClear = mem("pending_clear", Bits(Scoreboard.REGS_PER_WORD), nt * 32 / Scoreboard.REGS_PER_WORD);
    Scoreboard pending = new Scoreboard(pendingSet, pendingClear);
    // Access ids in use (from the request in S2 until its response is written back). Thread t
    // owns ids t*8 .. t*8+7, so "thread t has accesses in flight" is its slice being non-zero.
    // As memories of one word per thread rather than a register of all ids: a request in S2
    // takes an id of S2's thread while a response frees one of another thread, so the busy
    // bits are, like the scoreboard, the XOR of two memories with a write port each: a free
    // flips its id_freed bit, and a thread takes its slots in turn, so that what the takes
    // flipped follows from how many it took (id_taken: a count modulo twice the slots, see
    // idsBusyOf). The next id is the count's slot: no priority encoder, no 8-bit write data. A
    // request whose next slot is still busy (its access of eight requests ago has not come
    // back: with responses mostly in order, all eight are in flight) is replayed, as one
    // without a free id was.
    // For busy/done, ids taken and ids freed are counted apart (modulo 2 x ids, so that all ids
    // in flight is not 0): two incrementers, which map to carry chains, and a compare, instead
    // of an up/down counter's adder.
    Mem<Bits> idTaken = mem("id_taken", Bits(PeConfig.ACCESS_SLOT_BITS + 1), 1 << tb);
    Mem<Bits> idFreed = mem("id_freed", Bits(PeConfig.ACCESSES_PER_THREAD), 1 << tb);
    UInt idsTakenCount = reg("ids_taken_count", UInt(ab + 1), 0);
    UInt idsFreedCount = reg("ids_freed_count", UInt(ab + 1), 0);
    // The thread waiting for the divider's result, as a mask (see div_wait).
    UInt divWait = reg("div_wait", UInt(nt), 0);
    // Ready is derived rather than kept: S3 only sets a wait bit (or stops the thread), and a
    // wake-up only clears one, so no S3 decision and no wake-up reaches the scheduler's input.
    // Six inputs a bit: one LUT.
    UInt ready = alive.and(s1Mask.or(s2Mask).or(s3Mask).or(memWait).or(divWait).not()).named("ready");
    Bool hasRun = reg("has_run", Bool(), 0);
    // A stopped thread's stores may still be in flight (after a fault): done waits for them.
    Bool busy = alive.orR().or(idsTakenCount.ne(idsFreedCount));
    // Reset does not clear memories, and a reset can come while loads are in flight (a Role reset
    // during a launch): their scoreboard bits would stay set and hold the next launch's threads
    // forever. So after reset the PE sweeps the scoreboard, one word (four registers of a
    // thread) a cycle, 8 x T cycles, and a start that comes meanwhile waits for the sweep to end.
    int sweepBits = pendingSet.addrWidth();
    UInt sweep = reg("scoreboard_sweep", UInt(sweepBits + 1), 0);
    Bool sweeping = sweep.bit(sweepBits).not().named("scoreboard_sweeping");
    UInt sweepNext = sweep.add(1).named("scoreboard_sweep_next");
    when(sweeping, () -> sweep.assign(sweepNext));
    // The thread of the scoreboard word the sweep clears in the next cycle, as s3_tid carries
    // it to pending_set's write address: see the sweep's writes.
    UInt sweepTidNext = sweepBits > 3 ? sweepNext.bits(sweepBits - 1, 3).resize(tb) : lit(0, UInt(tb));
    Bool startHeld = reg("start_held", Bool(), 0);
    Bool startRequest = start.or(startHeld);
    startHeld.assign(sweeping.and(startRequest));
    Bool startOk = startRequest.and(busy.not()).and(sweeping.not()).named("start_ok");
    busyOut.assign(busy.or(startHeld)); // a held start is a launch under way for whoever waits for it
    startReadyOut.assign(sweeping.not());
    doneOut.assign(hasRun.and(busy.not()));
    when(startOk, () -> hasRun.assign(lit(1, Bool())));

    // --- pipeline registers ------------------------------------------------------------------
    Bool s1Valid = reg("s1_valid", Bool(), 0);
    Bool s2Valid = reg("s2_valid", Bool(), 0);
    Bool s3Valid = reg("s3_valid", Bool(), 0);
    Bool lateValid = reg("late_valid", Bool(), 0);

    // --- S0: pick a thread, fetch ------------------------------------------------------------
    ThreadScheduler sched = instance("sched", new ThreadScheduler(nt));
    // A global-memory response is taken when the register-file write port will be free in the
    // next cycle (S2 keeps no value for S3). Once one has waited LATE_PATIENCE cycles, if no such
    // slot is on its way in S1..S2, S0 leaves an issue slot empty so that one comes
    // (late_slot_coming is true unless one has so waited; see late_waits).
    Bool lateSlotComing = wire("late_slot_coming", Bool());
    Bool holdBack = lateSlotComing.not().named("late_hold_back");
    Bool startPcWrite = reg("start_pc_write", Bool(), 0);
    startPcWrite.assign(startOk);
    Bool issueAllowed = holdBack.or(startPcWrite).not().named("issue_allowed");
    sched.ready.assign(ready);
    sched.issue.assign(issueAllowed);
    Bool issue = sched.valid.and(issueAllowed).named("issue");
    UInt tid0 = sched.tid;
    // The issuing thread's fresh flag moves along with its instruction (s1_fresh, s3_fresh):
    // only that instruction's own retire in S3 clears it, so the later stages need no 8:1
    // select of their own.
    Bool fresh0 = fresh.shr(tid0).bit(0).named("s0_fresh");
    UInt pc0 = pcMem.read(fresh0.mux(entryWord, tid0.resize(pcMem.addrWidth()))).asUInt()
        .named("s0_pc");
    Bool fetchMisaligned = pc0.bits(1, 0).ne(0);
    Bool fetchOutside = pc0.ge(lit(imemEnd, UInt(32)));
    Bits fetched = imem.readSync(pc0.bits(imem.addrWidth() + 1, 2), issue);
    s1Valid.assign(issue.and(startOk.not()));
    UInt one = lit(1, UInt(nt));
    s1Mask.assign(issue.and(startOk.not()).mux(one.shl(tid0), 0));
    s2Mask.assign(startOk.mux(lit(0, UInt(nt)), s1Mask));
    UInt s1Tid = regNext("s1_tid", tid0);
    Bool s1Fresh = regNext("s1_fresh", fresh0);
    Bool s3Fresh = regNext("s3_fresh", regNext("s2_fresh", s1Fresh));
    UInt s1Pc = regNext("s1_pc", pc0);
    Bool s1FetchMis = regNext("s1_fetch_mis", fetchMisaligned);
    Bool s1FetchOut = regNext("s1_fetch_out", fetchOutside);

    // --- S1: decode, read registers ----------------------------------------------------------
    Decoder dec = instance("dec", new Decoder());
    dec.insn.assign(fetched);
    // The divider is shared (S2 starts a division, see s2_div_start). A division whose result
    // it holds for this thread issues to collect it: it reads x0 as rs1, and the ALU applies the
    // result's sign to the magnitude (0 - m or 0 + m). The divider holds the result until that
    // instruction takes it in S2, so S1 and S2 agree on what it is.
    Divider div = instance("div", new Divider(tb));
    // (A thread whose result the divider holds has nothing else in the pipeline: it waited for
    // the result since its division started, so its instruction in S1 is that division.)
    Bool divCollect1 = div.done.and(div.tid.eq(s1Tid)).named("s1_div_collect");
    // ECALL reads a0 (x10), the exit code.
    // (ECALL's rs1 field is 0, checked below, so setting the bits of 10 is enough.)
    UInt rs1Index = divCollect1.mux(lit(0, UInt(5)),
        dec.rs1.or(dec.flag(Control.READS_A0).mux(lit(10, UInt(5)), lit(0, UInt(5)))));
    if ((Opcode.ECALL.mask() >>> 15 & 0x1F) != 0x1F || (Opcode.ECALL.match() >>> 15 & 0x1F) != 0) {
      throw new IllegalStateException("Pe reads a0 for ECALL by setting bits of its rs1 field, which the ISA table"
          + " must fix to 0; it has match " + Integer.toHexString(Opcode.ECALL.match()));
    }
    Bits rs1Read = regs.readSync(s1Tid.cat(rs1Index).resize(regs.addrWidth()));
    Bits rs2Read = regs.readSync(s1Tid.cat(dec.rs2).resize(regs.addrWidth()));
    // Scoreboard check in the cycle of the register read: a register whose load is still in
    // flight (its write-back may be this very cycle, which the read would miss) holds the
    // instruction back. rs2 only where it is read; rd for every write (no write-after-write).
    // rs1 is the instruction's own field, not the register read: ECALL's a0 needs no check (it
    // is held while any access of its thread is in flight, see s2_hold) and a division that
    // collects its result had its registers checked when it started (its thread has issued
    // nothing since), so the scoreboard's read addresses come straight from the decoder.
    Bool pendRs1 = pending.bit(s1Tid, dec.rs1);
    Bool pendRs2 = pending.bit(s1Tid, dec.rs2);
    Bool pendRd = pending.bit(s1Tid, dec.rd);
    Bool usesRs2 = dec.flag(Control.USES_RS2);
    Bool usesRs1 = dec.flag(Control.USES_RS1);
    Bool waitsRs1 = usesRs1.and(pendRs1);
    Bool waitsRs2 = usesRs2.and(pendRs2);
    // A held instruction waits for any response of its thread's own (mem_wait), not for the
    // register it needs: a pending register means a load of the thread in flight, so one comes.
    Bool hazard1 = waitsRs1.or(waitsRs2).or(dec.writesRd.and(pendRd)).named("s1_hazard");
    s2Valid.assign(s1Valid.and(startOk.not()));
    UInt tid2 = regNext("s2_tid", s1Tid);
    UInt pc2 = regNext("s2_pc", s1Pc);
    UInt insn2 = regNext("s2_insn", fetched.asUInt());
    Bool fetchMis2 = regNext("s2_fetch_mis", s1FetchMis);
    Bool fetchOut2 = regNext("s2_fetch_out", s1FetchOut);
    // (Legality in two parts: their OR sits in S2's LUTs; see Decoder.legalPlain.)
    Bool legal2 = regNext("s2_legal_plain", dec.legalPlain).or(regNext("s2_legal_other", dec.legalOther));
    // The sub-operation of loads and stores (size, unsigned), divisions and CSR instructions is
    // funct3, as registered in s2_insn (Decoder.funct3).
    UInt sub2 = insn2.bits(14, 12);
    // The S2 controls come from the decoder as they are registered (docs/pe-area-decode.md):
    // the ALU's adder also computes load/store addresses (rs1 + imm), JALR targets (rs1 + imm)
    // and branch and JAL targets (pc + imm); ECALL and EBREAK add 0 (their immediate) to rs1,
    // x10 or x0, so that the adder gives their status value (exit code or 0) and mtval has one
    // source fewer. The ALU's result select is registered, so that no decode sits in front of
    // its 32 result LUTs. A division's result is x0 + or - the divider's magnitude (see
    // s1_div_collect): the decoder gives SUM, and bit 2 of the select ("the adder subtracts")
    // is set when the divider says the result is negated.
    Bool isDiv1 = dec.unit(MicroOp.Unit.DIV);
    UInt aluSel2 = regNext("s2_alu_sel", dec.control(Control.ALU_SEL)
        .or(isDiv1.and(div.negate).mux(lit(Alu.Result.DIFF.ordinal(), UInt(Alu.SEL_WIDTH)), lit(0, UInt(Alu.SEL_WIDTH)))));
    // The ALU's second operand is rs2 or the OR of registers that are zero unless chosen (a
    // flip-flop's synchronous reset costs no LUT), the immediate's parts (Decoder.ImmPart), and,
    // for a division that collects its result, the divider's result. At most two immediate
    // parts meet in a bit, so each bit is one LUT6 (rs2, two parts, the result and its gate,
    // the select) and the formats' choice of instruction bits needs no LUT.
    Bool useImm2 = regNext("s2_use_imm", dec.flag(Control.USE_IMM));
    // The divider holds the result until S2 takes it (div.ack), so S2 reads it from the divider
    // itself, gated, rather than from a copy made in S1 (32 flip-flops).
    Bool divCollects2 = regNext("s2_div_collects", divCollect1);
    UInt divResult2 = divCollects2.mux(div.result, 0);
    Bool pcOperand2 = regNext("s2_pc_operand", dec.flag(Control.PC_OPERAND));
    Bool writesRd2 = regNext("s2_writes_rd", dec.writesRd);
    UInt imm2 = immediate2(dec);
    UInt rd2 = regNext("s2_rd", dec.rd);
    Bool hazard2 = regNext("s2_hazard", hazard1);
    // S2's result source as a 2-bit code (0 ALU, 1 multiplier, 2 CSR, 3 link): which of S3's
    // zero-unless-chosen result registers keeps its value, or the link (see s3_word_sel). Bit 1
    // and, for CSR instructions and jumps, bit 0 are instruction bits (Control.resultSource): only
    // "the multiplier's rather than the ALU's" is decoded.
    Bool mulResult2 = regNext("s2_mul_result", dec.flag(Control.MUL_RESULT));
    Bool group2 = insn2.bit(Control.RESULT_GROUP_BIT);
    UInt resultSel2 = group2.cat(group2.mux(insn2.bit(Control.RESULT_LINK_BIT), mulResult2));
    Map<MicroOp.Unit, Bool> unit2 = new EnumMap<>(MicroOp.Unit.class);
    for (MicroOp.Unit u : Decoder.UNIT_OUTPUTS) {
      unit2.put(u, regNext("s2_is_" + u.name().toLowerCase(Locale.ROOT), dec.unit(u)));
    }
    // ECALL or EBREAK: one flip-flop; the instruction's bit Decoder.EBREAK_BIT tells which.
    Bool stops2 = regNext("s2_is_stop", dec.stops);
    // FENCE from its opcode bits, read where the word is known legal (Decoder.FENCE_MASK).
    Bool fence2 = insn2.and(lit(Decoder.FENCE_MASK, UInt(32))).eq(lit(Decoder.FENCE_MATCH, UInt(32)));
    // (S1's word is not an RV32IM instruction; see s1_wants_item.)
    Bool illegal1 = dec.legalPlain.or(dec.legalOther).not();
    // Jumps are told by opcode bits (JumpBits) of legal words, read from s2_insn: no decoder
    // output and no flip-flop; the legality keeps an illegal word with jump-like bits from making
    // its target the next PC, its stop pc.
    Bool jump2 = legal2.and(insn2.and(lit(JumpBits.GROUP_MASK, UInt(32))).eq(lit(JumpBits.GROUP_MATCH, UInt(32))))
        .named("s2_jump");

    // --- S2: execute -------------------------------------------------------------------------
    UInt a = rs1Read.asUInt();
    UInt b = rs2Read.asUInt();
    Bool fetchFault2 = fetchMis2.or(fetchOut2);
    // Held back without any effect: a register hazard, or an instruction that orders memory
    // (FENCE, ECALL, EBREAK) while the thread has global accesses in flight. The thread waits
    // (mem_wait) and issues the instruction again once a response of its own came back.
    // A thread stopped by a late bus error has nothing more to do either.
    // (The decoder's unit bits are defined for legal words only: an illegal word is not held, it
    // faults.)
    Bool ordersMemory = fence2.or(stops2).and(legal2);
    UInt idsTaken2 = idTaken.read(tid2.resize(idTaken.addrWidth())).asUInt().named("s2_ids_taken");
    UInt idsFreed2 = idFreed.read(tid2.resize(idFreed.addrWidth())).asUInt();
    UInt idsBusy2 = idsBusyOf(idsTaken2, idsFreed2).named("s2_ids_busy");
    Bool hold2 = s2Valid.and(hazard2.or(ordersMemory.and(idsBusy2.ne(0))))
        .named("s2_hold");
    Bool live2 = s2Valid.and(hold2.not()).and(alive.shr(tid2).bit(0)).named("s2_live");
    Bool ok2 = live2.and(fetchFault2.not()).and(legal2).named("s2_ok");
    Bool isLoad = unit2.get(MicroOp.Unit.LOAD);
    Bool isStore = unit2.get(MicroOp.Unit.STORE);
    Bool isDiv = unit2.get(MicroOp.Unit.DIV);
    Bool isCsr = unit2.get(MicroOp.Unit.CSR);

    Alu alu = instance("alu", new Alu());
    alu.sel.assign(aluSel2);
    alu.rs1.assign(a);
    alu.pc.assign(pc2);
    alu.pcOperand.assign(pcOperand2);
    UInt operand2 = useImm2.mux(imm2.or(divResult2), b).named("s2_operand2");
    alu.b.assign(operand2);
    BranchUnit br = instance("br", new BranchUnit());
    br.funct3.assign(insn2.bits(14, 12));
    br.a.assign(a);
    br.b.assign(b);
    Multiplier mul = instance("mul", new Multiplier());
    // The multiplier also does the ALU's shifts (multiplications by a power of two). It decodes
    // its mode from the instruction's funct3 and bits 25 and 30 (Multiplier.MODE_BITS).
    mul.funct3.assign(insn2.bits(14, 12));
    mul.multiply.assign(insn2.bit(25));
    mul.arithmetic.assign(insn2.bit(30));
    mul.a.assign(a);
    mul.b.assign(operand2);
    // The CSR unit decodes in S1 (the instruction's thread has nothing in S2 or S3, so its
    // instret and work-item are final) and gives the value in S2. A WORK_NEXT read claims its
    // work-item in S1, so that S2 reads the granted ids from the work-item memory like GLOBAL_ID.
    CsrUnit csr = instance("csr", new CsrUnit(c));
    csr.csr.assign(dec.csr);
    csr.writes.assign(dec.funct3.bits(1, 0).eq(1).or(dec.rs1.ne(0)));
    csr.isCsr1.assign(dec.unit(MicroOp.Unit.CSR));
    csr.tid1.assign(s1Tid);
    csr.tid2.assign(tid2);
    csr.instret.assign(instretOf(instretMem, s1Fresh, s1Tid));
    csr.globalSize.assign(wiGlobalSize);
    csr.localSize.assign(wiLocalSize);
    csr.clear.assign(startOk);
    csr.valid1.assign(s1Valid);
    csr.fresh1.assign(s1Fresh);
    LoadStoreUnit lsu = instance("lsu", new LoadStoreUnit(c));
    UInt addr2 = alu.sum.named("s2_addr");
    lsu.addr.assign(addr2);
    lsu.size.assign(sub2.bits(1, 0));
    lsu.store.assign(isStore);
    lsu.storeValue.assign(b);

    // The target is the adder's sum with bit 0 cleared; S3 makes the next PC from s3_addr.
    UInt target = alu.sum.and(0xFFFF_FFFEL).named("s2_target");
    Bool jumps = jump2.and(insn2.bit(JumpBits.UNCONDITIONAL_BIT).or(br.taken));

    // Faults, most important first (the order of the privileged spec's exception priorities).
    Bool illegal = legal2.not().or(isCsr.and(csr.illegal));
    Bool isMem = isLoad.or(isStore);
    Bool jumpMis = jumps.and(target.bit(1));
    Bool memMis = isMem.and(lsu.misaligned);
    Bool memAccess = isMem.and(lsu.accessFault);
    UInt cause2 = fetchMis2.mux(lit(CAUSE_FETCH_MISALIGNED, UInt(5)),
        fetchOut2.mux(lit(CAUSE_FETCH_ACCESS, UInt(5)),
        illegal.mux(lit(CAUSE_ILLEGAL, UInt(5)),
        stops2.mux(insn2.bit(Decoder.EBREAK_BIT).mux(lit(CAUSE_BREAKPOINT, UInt(5)), lit(CAUSE_ECALL, UInt(5))),
        jumpMis.mux(lit(CAUSE_FETCH_MISALIGNED, UInt(5)),
        memMis.mux(isStore.mux(lit(CAUSE_STORE_MISALIGNED, UInt(5)), lit(CAUSE_LOAD_MISALIGNED, UInt(5))),
        isStore.mux(lit(CAUSE_STORE_ACCESS, UInt(5)), lit(CAUSE_LOAD_ACCESS, UInt(5)))))))));
    // mtval (the stop value) is chosen in S3 from S3's own registers, where the stop port also
    // takes a bus error's address: one 4:1 mux instead of a 3:1 here, a register and a 2:1
    // there. The adder's sum (s3_addr) is the address of a memory fault, the target of a
    // misaligned jump (bit 0 cleared) and the value of ECALL (a0) and EBREAK (x0 = 0).
    UInt tvalSel2 = fetchFault2.mux(lit(TVAL_PC, UInt(2)),
        illegal.mux(lit(TVAL_INSN, UInt(2)), lit(TVAL_ADDR, UInt(2))));
    Bool tvalBit0 = addr2.bit(0).and(jumpMis.not());
    Bool trap2 = live2.and(fetchFault2.or(illegal).or(jumpMis).or(memMis).or(memAccess)).named("s2_trap");
    Bool exit2 = ok2.and(stops2);
    Bool memOk = ok2.and(isMem).and(lsu.misaligned.not()).and(lsu.accessFault.not()).named("s2_mem_ok");

    // Local memories: scratchpad stores happen now; loads read now, their data arrives in S3.
    UInt word2 = addr2.bits(31, 2);
    when(memOk.and(isStore).and(lsu.inSpm), () ->
        spm.write(word2.resize(spm.addrWidth()), lsu.storeLanes.asBits(), lsu.storeMask));
    // The host's IMEM writes share the data-read port (the host loads programs while the PE is
    // idle), so that IMEM needs two block-RAM ports, not three (one copy, not two).
    UInt imemPortB = imemWe.mux(imemAddr, word2.resize(imem.addrWidth())).named("imem_port_b");
    when(imemWe, () -> imem.write(imemPortB, imemData.asBits()));

    // Global memory: the request takes a free access id (its AXI ID and table entry) and the
    // thread goes on: loads do not block (the scoreboard holds back the first instruction that
    // needs the value) and stores are posted. Without a free id the instruction is replayed.
    GlobalMemoryPort gmp = instance("gmp", new GlobalMemoryPort(c));
    Bundle.connect(gmp.m, mem);
    UInt newSlot = idsTaken2.bits(PeConfig.ACCESS_SLOT_BITS - 1, 0);
    // (The next slot's taken half is the count's top bit.)
    Bool anyIdFree = idsFreed2.shr(newSlot).bit(0).xor(idsTaken2.bit(PeConfig.ACCESS_SLOT_BITS)).not()
        .named("s2_id_free");
    UInt newId = tid2.cat(newSlot).resize(ab).named("s2_new_id");
    Bool wantsGlobal = memOk.and(lsu.inGlobal);
    Bool global2 = wantsGlobal.and(anyIdFree).named("s2_global");
    Bool idReplay2 = wantsGlobal.and(anyIdFree.not()).named("s2_id_replay");
    gmp.reqValid.assign(global2);
    gmp.reqWrite.assign(isStore);
    gmp.reqTid.assign(newId);
    gmp.reqAddr.assign(addr2);
    gmp.reqData.assign(lsu.storeLanes);
    gmp.reqStrb.assign(lsu.storeMask);
    gmp.reqSize.assign(sub2.bits(1, 0));

    // The divider is shared; a division that finds it busy issues again later (replay). One
    // that starts parks its thread (div_wait) without moving its PC; when the result is ready
    // the thread issues the division again, which now collects the result and retires.
    Bool wantsDiv = ok2.and(isDiv);
    Bool divCollect = wantsDiv.and(divCollects2).named("s2_div_collect");
    Bool divStart = wantsDiv.and(div.busy.not()).named("s2_div_start");
    Bool divReplay2 = wantsDiv.and(div.busy).and(divCollect.not()).named("s2_div_replay");
    // The claim was made in S1 (see s1_claims); not granted, the instruction issues again.
    Bool claimed2 = wire("s2_claimed", Bool());
    Bool granted2 = wire("s2_granted", Bool());
    // Stores are posted (answered once merged into a line): a FENCE replays until the memory
    // side has written them all (docs/overlay-array.md, memory order).
    Bool fenceReplay2 = ok2.and(fence2).and(hostIn("mem_writes_pending", Bool()));
    Bool replay2 = divReplay2.or(claimed2.and(granted2.not())).or(idReplay2).or(hold2).or(fenceReplay2)
        .named("s2_replay");
    div.start.assign(divStart);
    div.startTid.assign(tid2);
    div.op.assign(sub2.bits(1, 0));
    div.a.assign(a);
    div.b.assign(b);

    Bool parks2 = global2.or(divStart);
    Bool we2 = ok2.and(writesRd2).and(rd2.ne(0)).and(trap2.not()).and(parks2.not()).and(replay2.not())
        .and(stops2.not());

    // --- S3: write back ----------------------------------------------------------------------
    s3Valid.assign(s2Valid.and(startOk.not()));
    s3Mask.assign(startOk.mux(lit(0, UInt(nt)), s2Mask));
    // 0 after a start (a synchronous reset: S3 is empty then), so that the entry word's write in
    // the next cycle (start_pc_write) has its address without a mux: see the pc memory's write.
    // During the reset sweep it carries the thread of the scoreboard word the sweep clears (0
    // by reset, then from the sweep counter's next value), so that pending_set's write address
    // needs no mux in its thread bits: s3_tid's input LUTs take the sweep's bits beside the
    // start's reset. (S3 is empty during the sweep.)
    UInt tid3 = reg("s3_tid", UInt(tb), 0);
    tid3.assign(sweeping.mux(sweepTidNext, startOk.mux(lit(0, UInt(tb)), tid2)));
    UInt pc3 = regNext("s3_pc", pc2);
    UInt insn3 = regNext("s3_insn", insn2);
    UInt rd3 = regNext("s3_rd", rd2);
    // These four reset to 0 so that they imply s3_valid right after a reset too (see s3_writes).
    Bool we3 = clearedAtReset("s3_we", we2);
    // The register-file write data has eight sources, and each reaches S3 in a register that
    // is zero unless it is what S3 writes (a flip-flop's synchronous reset costs no LUT; for
    // IMEM and the scratchpad it is the block RAM's output latch reset), so that S3 ORs them
    // instead of muxing: the units' results (ALU, multiplier, CSR), which are aligned words,
    // and the loaded words (IMEM, scratchpad, argument block), the link (pc + 4) and the late
    // result, which the aligner picks bytes from (see s3_load_word).
    // The registers are kept by S2's early "writes a register" (valid, rd != 0, no register
    // hazard: registered signals, so the seven clears are one LUT each) rather than by s2_we
    // (deep: faults, replays, access ids); an instruction kept so that does not write after all
    // leaves its value in S3, and a late result does not drain beside it (s3_kept).
    // (Each as "cleared when ...": see zeroWhen.)
    Bool noWrite = s2Valid.and(writesRd2).and(rd2.ne(0)).and(hazard2.not()).not().named("s2_no_write");
    Bool noUnit = noWrite.or(isLoad);
    UInt aluResult3 = zeroWhen("s3_alu_result", noUnit.or(resultSel2.ne(Control.RESULT_ALU)), alu.result);
    // The multiplier's result and the CSR unit's three memory words share a register: each is 0
    // unless its unit is S2's result, so one LUT6 a bit chooses the product's word and ORs the
    // three in. (The words are 0 for anything but a CSR instruction; a CSR read that writes a
    // register is legal, so its rs1 field is 0: the product of x0 is 0.)
    UInt mulResult3 = zeroWhen("s3_mul_result",
        noUnit.or(resultSel2.eq(Control.RESULT_MUL).or(resultSel2.eq(Control.RESULT_CSR)).not()),
        mul.takeHigh.mux(mul.high, mul.low).or(csr.word0).or(csr.word1).or(csr.word2));
    UInt csrValue3 = zeroWhen("s3_csr_value", noUnit.or(resultSel2.ne(Control.RESULT_CSR)), csr.value);
    UInt link3 = zeroWhen("s3_link", noUnit.or(resultSel2.ne(Control.RESULT_LINK)), pc2.add(4));
    // (A writing load is a local load from exactly one of IMEM, scratchpad and argument block;
    // one that faulted or went to global memory does not write.)
    Bool noLoad = noWrite.or(isLoad.not());
    UInt spmWord3 = zeroWhen("s3_spm_word", noLoad.or(lsu.inSpm.not()),
        spm.read(word2.resize(spm.addrWidth())).asUInt());
    UInt imemWord3 = zeroWhen("s3_imem_word", noLoad.or(lsu.inImem.not()), imem.read(imemPortB).asUInt());
    UInt argsWord3 = zeroWhen("s3_args_word", noLoad.or(lsu.inArgs.not()),
        args.read(word2.resize(args.addrWidth())).asUInt());
    // S3 holds a value in one of them (s3_we implies it). Global loads keep none: every one of
    // their zero-unless registers is cleared.
    Bool keeps2 = noWrite.not().and(isLoad.not().or(lsu.inGlobal.not())).named("s2_keeps");
    Bool kept3 = clearedAtReset("s3_kept", keeps2);
    // s3_jumps: S3's next PC is the jump's target, or (with S3 empty) the held entry pc rather than
    // a bus error's pc (see s3_next_pc). A jump that traps does not jump, so that its next PC is
    // its own pc, the stop port's; nor does an illegal word (see s2_jump).
    Bool jumps3 = clearedAtReset("s3_jumps", s2Valid.and(startOk.not()).mux(
        jumps.and(jumpMis.not()).and(fetchFault2.not()), startOk));
    // With S2 empty, s3_trap and s3_cause take a bus error's FAULT and cause (5, or 7 with bit 1
    // from late_write at the stop port) by their flip-flops' set and reset, so that the stop port
    // needs no mux for them: S3 is empty when a bus error stops its thread (see late_drain), and
    // S2's s2_valid is S3's next s3_valid except at a start, when no access is in flight.
    Bool trap3 = regNext("s3_trap", s2Valid.not().or(trap2));
    Bool exit3 = regNext("s3_exit", exit2);
    // (Read only when S3 exits: an ECALL or EBREAK, told apart by its bit Decoder.EBREAK_BIT.)
    Bool ecall3 = insn3.bit(Decoder.EBREAK_BIT).not();
    UInt cause3 = regNext("s3_cause", s2Valid.mux(cause2, lit(CAUSE_LOAD_ACCESS, UInt(5))));
    // (With an empty S3, the stop value is a bus error's address: S3 is empty when one stops its
    // thread, see late_drain. S2's s2_valid is S3's next s3_valid except at a start, when no
    // access is in flight.)
    UInt valueSel = regNext("s3_tval_sel", s2Valid.mux(tvalSel2, lit(TVAL_BUS_ERROR, UInt(2))));
    Bool tvalBit0_3 = regNext("s3_tval_bit0", tvalBit0);
    Bool replay3 = regNext("s3_replay", replay2);
    Bool global3 = clearedAtReset("s3_global", global2);
    UInt id3 = regNext("s3_id", newId);
    Bool parkDiv3 = regNext("s3_park_div", divStart);
    Bool store3 = clearedAtReset("s3_store", memOk.and(isStore).and(idReplay2.not()));
    Bool localLoad2 = memOk.and(isLoad).and(lsu.inGlobal.not());
    Bool localLoad3 = regNext("s3_local_load", localLoad2);
    UInt offset3 = regNext("s3_offset", lsu.offset);
    UInt size3 = regNext("s3_size", sub2.bits(1, 0));
    Bool unsigned3 = regNext("s3_unsigned", sub2.bit(2));
    UInt addr3 = regNext("s3_addr", addr2);
    // pc + 4 is the next PC of everything that does not jump (the link has its own register,
    // s3_link); a jump's target is the adder's sum (s3_addr) with bit 0 cleared. An instruction
    // that stops adds 0 (the increment is the carry chain's input, no LUT), so that the next PC
    // is its own pc, which the stop port takes (see stop_pc).
    Bool stops3 = trap3.or(exit3);
    UInt seq3 = pc3.bits(31, 2).add(stops3.not().asUInt()).cat(pc3.bits(1, 0)).named("s3_seq_pc");
    // In the cycle after a start it is the entry pc, for the pc memory's entry word (see
    // start_pc_write): one of the four inputs of s3_next_pc's LUT per bit.
    UInt entryHeld = reg("entry_pc_held", UInt(32), 0);
    when(startOk, () -> entryHeld.assign(entryPc));
    UInt storeValue3 = regNext("s3_store_value", b);
    Bool console3 = clearedAtReset("s3_console", memOk.and(isStore).and(lsu.inConsole));
    // A thread stopped by a late bus error since S2: its instruction does nothing more.
    Bool s3Ok = s3Valid.and(alive.shr(tid3).bit(0)).named("s3_ok");

    // --- late results: global-memory responses ------------------------------------------------
    UInt lateId = reg("late_id", UInt(ab));
    Bool lateWrite = reg("late_write", Bool());
    Bool lateError = reg("late_error", Bool());
    UInt lateData = reg("late_data", UInt(32), 0);
    // S3 needs the register-file write port (and the aligner) only to write a register:
    // otherwise a late result drains beside it (a global load sets its scoreboard bit through
    // the scoreboard's other write port), unless S3 holds a value it does not write (s3_kept:
    // an instruction that faulted or replayed after S2 kept its result), which the aligner
    // would OR with the late result. An error response stops its thread (the stop port) and
    // waits for an empty S3.
    // (s3_we, s3_global, s3_store and s3_console imply s3_valid: they need S2's thread alive,
    // and a start, the only thing besides S2 that clears s3_valid, needs every thread stopped.)
    Bool s3Writes = we3.named("s3_writes");
    Bool pendSet = global3.and(store3.not()).and(rd3.ne(0)).named("s3_pending_set");
    // A response is taken from the port only when S2 keeps no value (s2_keeps), so that the
    // port is free in the next cycle and a clean response drains then, without waiting:
    // late_data is zero unless it drains, and the aligner's load word needs no gate (it waits
    // on the R or B channel instead). An error response drains only with S3 empty, so it may
    // wait in late_* (its late_data is 0).
    Bool drain = lateValid.and(s3Valid.not().or(lateError.not().and(kept3.not().or(lateWrite))))
        .named("late_drain");
    Bool canFill = lateValid.not().or(drain);
    // (A store's B needs no slot: it is taken whenever late_* can be filled. The port's B is
    // offered only while R is not, so respWrite is "no R valid" and R's ready does not wait.)
    Bool canTake = canFill.and(keeps2.not().or(gmp.respWrite)).named("late_can_take");
    // The hold-back rule of S0. A response waits (in late_* or on the port) for S2 to keep no
    // value, or, an error in late_*, for S2 to be empty. Holding back at once whenever that
    // does not come would cost issue slots that a free S2 a few cycles later makes unnecessary
    // (a load-heavy loop has one in about every other instruction); so S0 holds back only once
    // the response has waited LATE_PATIENCE cycles and neither S2 frees the port now nor S1 is
    // empty. (late_age counts only while something waits: an unanswered R or B valid stays up
    // until taken, so an aged count implies a waiting response without looking at the port.)
    Bool errorWaits = lateValid.and(drain.not());
    Bool s2Frees = errorWaits.mux(s2Valid.not(), keeps2.not());
    Bool waits = errorWaits.or(gmp.respValid.and(canTake.not())).named("late_waits");
    UInt lateAge = reg("late_age", UInt(2), 0);
    Bool lateAged = lateAge.eq(LATE_PATIENCE).named("late_aged");
    lateAge.assign(waits.mux(lateAged.mux(lateAge, lateAge.add(1)), lit(0, UInt(2))));
    lateSlotComing.assign(lateAged.not().or(s2Frees).or(s1Valid.not()));
    // The result is collected, or its thread stopped (a bus error) and never will; a start
    // drops whatever the divider does (its thread may have stopped meanwhile).
    div.ack.assign(divCollect.or(div.done.and(alive.shr(div.tid).bit(0).not())));
    div.cancel.assign(startOk);
    // Every response, a store's B included, passes through late_*, so that access ids are
    // freed from one register (late_id) and by one decoder: no second path for clean Bs and no
    // mux in front of the freed id, at the price of a B freeing its id one cycle after its
    // handshake.
    gmp.respReady.assign(canTake);
    Bool fillMem = canTake.and(gmp.respValid);
    when(fillMem, () -> {
      lateValid.assign(lit(1, Bool()));
      lateId.assign(gmp.respTid);
      lateWrite.assign(gmp.respWrite);
      lateError.assign(gmp.respError);
    }).elsewhen(drain, () -> lateValid.assign(lit(0, Bool())));
    // Zero unless a clean read's data drains in the next cycle (a flip-flop reset, no LUT a bit;
    // R's data is not a B's).
    lateData.assign(fillMem.and(gmp.respWrite.not()).and(gmp.respError.not())
        .mux(gmp.respData, lit(0, UInt(32))));

    // The access table entry of a memory response (written in S3, long before its response).
    // Read when the response is taken into late_*, so it is valid with them (a response never
    // comes in the cycle its entry is written: the request leaves the PE after S3).
    UInt parked = park.readSync(gmp.respTid, fillMem).asUInt();
    UInt pTid = threadOf(lateId, c);
    final int pw = imem.addrWidth();
    UInt pRd = parked.bits(pw + 38, pw + 34);
    UInt pSize = parked.bits(pw + 33, pw + 32);
    Bool pUnsigned = parked.bit(pw + 31);
    UInt pAddr = lit(1, UInt(1)).cat(parked.bits(pw + 30, pw));
    UInt pOffset = pAddr.bits(1, 0);
    UInt pPc = parked.bits(pw - 1, 0).cat(lit(0, UInt(2))).resize(32);
    when(global3, () -> park.write(id3,
        rd3.cat(size3, unsigned3, addr3.bits(30, 0), pc3.bits(imemBits - 1, 2)).asBits()));
    // The pc memory's write data and the stop port's pc, one LUT6 per bit: S3's next PC (pc + 4
    // or the target; an instruction that stops gets its own pc); with S3 empty, the entry pc in
    // the cycle after a start, else a bus error's pc (S3 is empty when one stops its thread, see
    // late_drain; the pc memory is then not written).
    UInt nextPc3 = s3Valid.mux(jumps3.mux(addr3.and(0xFFFF_FFFEL), seq3), jumps3.mux(entryHeld, pPc))
        .named("s3_next_pc");
    UInt lTid = pTid.named("late_thread");
    UInt lRd = pRd;

    // One aligner serves S3's local loads and late global loads (never in the same cycle), and
    // passes S3's other results through as aligned words: every register write comes out of it.
    // (So retire_value is meaningful only with retire_we.)
    // The word it aligns is the OR of the loaded words, the link and the late result (which
    // drains only when S3 writes no register); the units' results are ORed in after the
    // alignment: six inputs a bit for the load word, and the upper half's extension (word or
    // fill) with the three results in one more LUT.
    LoadAligner aligner = instance("aligner", new LoadAligner(3));
    aligner.word.assign(imemWord3.or(spmWord3).or(argsWord3).or(link3)
        .or(lateData).named("s3_load_word"));
    aligner.plain(0).assign(aluResult3);
    aligner.plain(1).assign(mulResult3);
    aligner.plain(2).assign(csrValue3);
    aligner.offset.assign(s3Writes.mux(localLoad3.mux(offset3, lit(0, UInt(2))), pOffset));
    aligner.isByte.assign(s3Writes.mux(localLoad3.and(size3.eq(0)), pSize.eq(0)));
    aligner.isWord.assign(s3Writes.mux(localLoad3.not().or(size3.eq(2)), pSize.eq(2)));
    aligner.zeroExtend.assign(s3Writes.mux(unsigned3, pUnsigned));

    // Every instruction retires in S3 except the ones replayed or held and a division that
    // starts (it retires when it issues again and collects its result); a global load retires
    // in S3 with retire_late set, and its value follows on the wb_* port when it arrives.
    Bool retire3 = s3Ok.and(trap3.not()).and(replay3.not()).and(parkDiv3.not()).named("s3_retire");
    Bool lateMem = drain.named("late_mem");
    Bool lateLoad = lateMem.and(lateWrite.not()).and(lateError.not()).named("late_load");
    Bool lateWe = lateLoad.and(lRd.ne(0));
    Bool lateFault = lateMem.and(lateError).and(alive.shr(pTid).bit(0)).named("late_fault");

    // Register file write port: S3 first, late results when S3 writes no register.
    Bool rfWe = s3Writes.and(s3Ok).or(lateWe);
    UInt rfTid = s3Writes.mux(tid3, lTid);
    UInt rfRd = s3Writes.mux(rd3, lRd);
    UInt rfValue = aligner.value;
    when(rfWe, () -> regs.write(rfTid.cat(rfRd).resize(regs.addrWidth()), rfValue.asBits()));

    retireValid.assign(retire3);
    retireThread.assign(tid3);
    retirePc.assign(pc3);
    retireInsn.assign(insn3);
    retireRd.assign(rd3);
    retireValue.assign(rfValue);
    retireWe.assign(we3);
    // A FENCE executed (the thread's own accesses are all done): the coalescer seals its reads.
    hostOut("fence", Bool()).assign(ok2.and(fence2));
    hostOut("retire_late", Bool()).assign(global3.and(store3.not()));
    hostOut("wb_valid", Bool()).assign(lateLoad);
    hostOut("wb_thread", UInt(tb)).assign(pTid);
    hostOut("wb_rd", UInt(5)).assign(pRd);
    hostOut("wb_value", UInt(32)).assign(aligner.value);

    // Stopping: S3 traps and exits, or a global access that came back with an error.
    Bool stop3 = s3Ok.and(trap3.or(exit3));
    Bool stopAny = stop3.or(lateFault);
    UInt stopTid = s3Valid.mux(tid3, lTid);
    // (s3_trap is set with S3 empty, when only a bus error stops a thread.)
    UInt stopState = trap3.mux(lit(ThreadState.FAULT.ordinal(), UInt(ThreadState.WIDTH)),
        ecall3.mux(lit(ThreadState.EXITED.ordinal(), UInt(ThreadState.WIDTH)),
            lit(ThreadState.BREAK.ordinal(), UInt(ThreadState.WIDTH))));
    if ((CAUSE_LOAD_ACCESS ^ CAUSE_STORE_ACCESS) != 0b10) {
      throw new IllegalStateException("the stop cause of a bus error takes bit 1 from late_write");
    }
    UInt stopCause = cause3.bits(4, 2).cat(s3Valid.mux(cause3.bit(1), lateWrite), cause3.bit(0));
    UInt stopPc = nextPc3;
    UInt addrTval3 = addr3.bits(31, 1).cat(tvalBit0_3);
    UInt stopValue = valueSel.bit(1).mux(valueSel.bit(0).mux(pAddr, insn3),
        valueSel.bit(0).mux(pc3, addrTval3)).named("stop_value_mux");
    when(stopAny, () -> detail.write(stopTid.resize(detail.addrWidth()),
        stopState.cat(stopCause, stopPc, stopValue).asBits()));

    // A register hazard, FENCE/ECALL/EBREAK with accesses in flight and a missing access id
    // all wait for any response of the thread's own (mem_wait), unless one of its responses
    // drained while the instruction was in S1 or S2 (that may have been the one it needs, or
    // its last): then it issues again at once. Otherwise the access that held it is still in
    // flight (a pending register seen in S1, ids busy in S2), so a response comes; one that
    // drains in S3's cycle clears the bit that S3 sets (see mem_wait). (Waiting implies
    // accesses in flight, so never in a start's cycle.) Two compares of the draining
    // response's thread, rather than reading whether the thread has ids in flight. The result
    // is S2's mask moved on to S3 or 0 (the flip-flops' reset, no LUT a bit), so that
    // mem_wait's update has six inputs a bit.
    Bool freesId = lateMem;
    UInt freedId = lateId;
    UInt freedTid = threadOf(freedId, c).named("freed_thread");
    UInt freedSlot = freedId.bits(PeConfig.ACCESS_SLOT_BITS - 1, 0);
    Bool freedMine2 = freesId.and(freedTid.eq(tid2));
    Bool freedMine1 = regNext("s2_freed_mine", freesId.and(freedTid.eq(s1Tid)));
    Bool waits2 = hold2.or(idReplay2).and(freedMine2.or(freedMine1).not())
        .named("s2_waits");
    UInt waitMask3 = reg("s3_wait_mask", UInt(nt), 0);
    waitMask3.assign(waits2.mux(s2Mask, 0));
    Bool loadDone = lateMem.and(lateWrite.not()).named("load_done");
    Bool s3MovesPc = s3Ok.and(replay3.not()).and(stop3.not()).and(parkDiv3.not());
    // Every response (late_* draining) concerns the thread that owns the id it frees, so one
    // decoder serves its wake-ups and clears.
    UInt freedMask = freesId.mux(one.shl(freedTid), 0).named("freed_mask");
    // Wake-ups only clear wait bits, so they need not check that the thread waits or runs.
    // The divider's result is ready: its thread issues the division again to collect it.
    Bool wakeDiv = div.done.named("div_wake");
    // At most one thread waits for the divider: a division starts only on an idle divider, and
    // its thread waits until the result is ready. So the waiting thread's mask is S3's mask
    // loaded when a division parks and cleared by the wake-up (the park winning): the
    // flip-flops' clock enable and reset, no LUT a bit, and no set and clear decoders.
    // div_parked says the same in one bit for the performance events.
    Bool divParks = s3Ok.and(parkDiv3);
    Bool divParked = reg("div_parked", Bool(), 0);
    when(startOk.or(wakeDiv.and(divParks.not())), () -> divWait.assign(0))
        .elsewhen(divParks, () -> divWait.assign(s3Mask));
    when(startOk, () -> divParked.assign(lit(0, Bool())))
        .otherwise(() -> divParked.assign(divParked.and(wakeDiv.not()).or(divParks)));
    // A start does not clear mem_wait: a waiting thread has an access in flight whose response
    // clears its bit (see s2_waits), and a start needs none in flight, so every bit is 0 then
    // (reset clears them). Six inputs a bit (its bit, s3_wait_mask's, the response's valid and
    // thread): one LUT.
    memWait.assign(memWait.or(waitMask3).and(freedMask.not()));
    assertThat(startOk.implies(memWait.eq(0)), "a thread waited for an access at a start");
    // After reset the sweep clears both halves of the id table and of the scoreboard (it owns
    // their write ports; no access is in flight and no thread runs meanwhile). Each flip reads
    // its word at the write address (the sweep writes 0 there anyway): the LUT RAM's write port
    // reads there, and a read at late_id's thread bits alone, a register with an enable, made
    // Yosys copy that register with a 2:1 mux per bit in front.
    UInt sweepTid = sweep.resize(tb).resize(idTaken.addrWidth());
    UInt takeAddr = sweeping.mux(sweepTid, tid2.resize(idTaken.addrWidth()));
    when(sweeping.or(global2), () -> idTaken.write(takeAddr,
        sweeping.mux(lit(0, UInt(PeConfig.ACCESS_SLOT_BITS + 1)), idsTaken2.add(1)).asBits()));
    UInt freeAddr = sweeping.mux(sweepTid, freedTid.resize(idFreed.addrWidth()));
    when(sweeping.or(freesId), () -> idFreed.write(freeAddr,
        sweeping.mux(lit(0, UInt(PeConfig.ACCESSES_PER_THREAD)),
            idFreed.read(freeAddr).asUInt().xor(lit(1, UInt(PeConfig.ACCESSES_PER_THREAD)).shl(freedSlot))).asBits()));
    when(global2, () -> idsTakenCount.assign(idsTakenCount.add(1)));
    when(freesId, () -> idsFreedCount.assign(idsFreedCount.add(1)));
    UInt sweepAddr = sweep.resize(pendingSet.addrWidth());
    // (s3_tid is the sweep's thread while it sweeps. Its register index bits keep their mux:
    // with every address bit a flip-flop, Yosys moved those flip-flops into the LUT RAM's read
    // of the flipped word, which then no longer shared the write port's address: 4 RAM64M more.)
    UInt setAddr = Scoreboard.word(tid3, sweeping.mux(sweep.bits(2, 0).cat(lit(0, UInt(2))), rd3), pendingSet);
    UInt clearAddr = sweeping.mux(sweepAddr, Scoreboard.word(pTid, pRd, pendingClear));
    UInt zeroWord = lit(0, UInt(Scoreboard.REGS_PER_WORD));
    when(sweeping.or(pendSet), () -> pendingSet.write(setAddr, sweeping.mux(zeroWord,
        pendingSet.read(setAddr).asUInt().xor(scoreboardBitOf(rd3))).asBits()));
    // (A load to x0 set no bit: its write-back must not flip one.)
    when(sweeping.or(loadDone.and(pRd.ne(0))), () -> pendingClear.write(clearAddr, sweeping.mux(zeroWord,
        pendingClear.read(clearAddr).asUInt().xor(scoreboardBitOf(pRd))).asBits()));
    assertThat(s3Valid.and(kept3).implies(lateLoad.not()),
        "a late load drained while S3 held a value for the write port");
    UInt allThreads = lit((1L << nt) - 1, UInt(nt));
    when(startOk, () -> alive.assign(allThreads))
        .elsewhen(stopAny, () -> alive.assign(alive.and(one.shl(stopTid).not())));
    // One retire per cycle at most, in S3.
    Bool retiring = retireValid.named("retiring");
    UInt retiredBefore = instretOf(instretMem, s3Fresh, tid3);
    when(retiring, () -> instretMem.write(tid3.resize(instretMem.addrWidth()), retiredBefore.add(1).asBits()));
    // (In the cycle after a start S3 is empty, so the entry word's write meets no S3 write.)
    when(s3MovesPc.or(startPcWrite), () -> pcMem.write(
        startPcWrite.cat(tid3).resize(pcMem.addrWidth()), nextPc3.asBits()));
    // S3's thread one-hot unless S3's instruction is replayed or parks for the divider, decided
    // in S2 (S3's registers of replay and park are S2's). Every other instruction retires and
    // moves the PC, or stops its thread (a trap, ECALL, EBREAK, or a bus error while it is in S2
    // or S3), whose flag nothing reads again before the next start clears it.
    retireMask3.assign(s2Valid.and(startOk.not()).and(replay2.not()).and(divStart.not()).mux(s2Mask, 0));
    for (int t = 0; t < nt; t++) {
      Bool r = retiredBits.get(t);
      when(startOk, () -> r.assign(lit(0, Bool()))).elsewhen(retireMask3.bit(t), () -> r.assign(lit(1, Bool())));
    }

    // A WORK_NEXT read claims its work-item in S1 when it will execute in S2: its thread runs and
    // is not stopped by a bus error in this cycle, and it is not held, faulting or illegal (all
    // known in S1; S2 holds a CSR instruction only for a register hazard). A claiming read has
    // rs1 = x0 (csr.claims needs no write), which is never pending, and no rs2, so its only
    // hazard is its rd. S1's thread was alive when S0 issued it (S0 picks ready threads only),
    // and only a bus error stops a thread that has an instruction in S1 or S2; so rather than
    // its alive bit and a compare with the erring thread, no read claims in a cycle in which
    // any bus error stops a thread or in the cycle after. Such a read is not granted and S2
    // replays it like one the dispatcher did not grant (s2_claims says the read wanted one):
    // a few cycles more for the reads next to a bus error, none elsewhere.
    Bool wantsItem1 = s1Valid.and(s1FetchMis.not()).and(s1FetchOut.not()).and(illegal1.not())
        .and(dec.unit(MicroOp.Unit.CSR)).and(csr.claims).named("s1_wants_item");
    Bool busError = lateMem.and(lateError).named("bus_error");
    Bool busErrorBefore = clearedAtReset("bus_error_before", busError);
    Bool claims1 = wantsItem1.and(startOk.not()).and(busError.or(busErrorBefore).not()).and(pendRd.not())
        .named("s1_claims");
    wiReq.assign(claims1);
    Bool granted1 = claims1.and(wiGrant);
    csr.grant.assign(granted1);
    csr.grantGlobalId.assign(wiGlobalId);
    csr.grantLocalId.assign(wiLocalId);
    csr.grantGroupId.assign(wiGroupId);
    claimed2.assign(clearedAtReset("s2_claims", wantsItem1));
    granted2.assign(clearedAtReset("s2_grant", granted1));

    // --- host-visible outputs ----------------------------------------------------------------
    // A thread stopped this cycle (ECALL, EBREAK or fault), with what the status port will show.
    hostOut("stop_valid", Bool()).assign(stopAny);
    hostOut("stop_thread", UInt(tb)).assign(stopTid);
    hostOut("stop_state", UInt(ThreadState.WIDTH)).assign(stopState);
    hostOut("stop_cause", UInt(5)).assign(stopCause);
    hostOut("stop_pc", UInt(32)).assign(stopPc);
    hostOut("stop_value", UInt(32)).assign(stopValue);
    consoleValid.assign(console3);
    consoleThread.assign(tid3);
    consoleData.assign(storeValue3.bits(7, 0));
    storeValid.assign(store3);
    storeAddr.assign(addr3);
    storeData.assign(storeValue3);
    storeSize.assign(size3);

    UInt d = detail.read(statusThread.resize(detail.addrWidth())).asUInt();
    UInt stoppedState = hasRun.mux(d.bits(71, 69), lit(ThreadState.IDLE.ordinal(), UInt(ThreadState.WIDTH)));
    statusState.assign(alive.shr(statusThread).bit(0).mux(
        lit(ThreadState.RUNNING.ordinal(), UInt(ThreadState.WIDTH)), stoppedState));
    statusCause.assign(d.bits(68, 64));
    statusPc.assign(d.bits(63, 32));
    statusValue.assign(d.bits(31, 0));

    PerfCounters perf = instance("counters", new PerfCounters());
    Bool noneReady = busy.and(sched.valid.not()); // the scheduler has no ready thread
    perf.clear.assign(startOk);
    perf.event("cycles").assign(busy);
    perf.event("retired").assign(retireValid);
    perf.event("stall_memory").assign(noneReady.and(memWait.orR()));
    perf.event("stall_divide").assign(noneReady.and(memWait.orR().not()).and(divParked));
    perf.event("stall_pipeline").assign(noneReady.and(memWait.orR().not()).and(divParked.not()));
    perf.event("stall_writeback").assign(sched.valid.and(holdBack));
    perf.event("div_replays").assign(s2Valid.and(divReplay2));
    for (String name : PerfCounters.EVENTS) {
      hostOut("perf_" + name, UInt(PerfCounters.WIDTH)).assign(perf.counter(name));
    }
  }

  /** The scoreboard's two halves: a (thread, register) bit is pending while they differ. */
  private record Scoreboard(Mem<Bits> set, Mem<Bits> clear) {
    /** Registers per word of each half (reg[1:0] picks the bit). */
    static final int REGS_PER_WORD = 4;

    /** The bit of register {@code reg} of thread {@code tid}. */
    Bool bit(UInt tid, UInt reg) {
      UInt addr = word(tid, reg, set);
      return set.read(addr).asUInt().xor(clear.read(addr).asUInt()).shr(reg.bits(1, 0)).bit(0);
    }

    /** The word of {@code half} that holds register {@code reg} of thread {@code tid}. */
    static UInt word(UInt tid, UInt reg, Mem<Bits> half) {
      return tid.cat(reg.bits(4, 2)).resize(half.addrWidth());
    }
  }

  /** Register {@code reg}'s bit in its scoreboard word, as a mask. */
  private UInt scoreboardBitOf(UInt reg) {
    return lit(1, UInt(Scoreboard.REGS_PER_WORD)).shl(reg.bits(1, 0));
  }

  /**
   * A register of {@code value} that is 0 where {@code clear} holds (a synchronous reset: no
   * LUT), so that such registers can be ORed instead of muxed. Given as a clear rather than a
   * keep, and best built as an OR rather than a negation: a reset that Yosys sees as active-low
   * gets an inverter per flip-flop (dfflegalize), and ABC then maps the reset's logic once per
   * flip-flop when it needs more than one LUT.
   */
  private UInt zeroWhen(String name, Bool clear, UInt value) {
    UInt r = reg(name, UInt(value.width()));
    r.assign(clear.mux(lit(0, UInt(value.width())), value));
    return r;
  }

  /**
   * The immediate in S2: each of the decoder's parts registered with its clear as the
   * flip-flops' synchronous reset, placed and ORed (the OR sits in the operand mux's LUTs).
   */
  private UInt immediate2(Decoder dec) {
    UInt[] registered = new UInt[dec.immParts.size()];
    for (int i = 0; i < registered.length; i++) {
      Decoder.ImmPart part = dec.immParts.get(i);
      int width = part.field().width();
      UInt r = reg("s2_imm_part" + i, UInt(width));
      r.assign(part.clear() == null ? part.field() : part.clear().mux(lit(0, UInt(width)), part.field()));
      registered[i] = r;
    }
    Bool[] bits = new Bool[32];
    for (int k = 0; k < 32; k++) {
      Bool bit = lit(0, Bool());
      for (int i = 0; i < registered.length; i++) {
        int at = dec.immParts.get(i).place()[k];
        if (at >= 0) {
          bit = bit.or(registered[i].bit(at));
        }
      }
      bits[k] = bit;
    }
    return Data.catLowFirst(Arrays.asList(bits));
  }

  /** A register of {@code next}, 0 after reset. */
  private Bool clearedAtReset(String name, Bool next) {
    Bool r = reg(name, Bool(), 0);
    r.assign(next);
    return r;
  }

  /**
   * The busy bits of a thread's access ids from its id_taken count and id_freed word: slot i
   * was taken an odd number of times after {@code count} takes in turn (modulo twice the slots)
   * if it is below the count's slot or, exclusively, the count has wrapped an odd number of
   * times (its top bit).
   */
  private UInt idsBusyOf(UInt takenCount, UInt freed) {
    int slotBits = PeConfig.ACCESS_SLOT_BITS;
    UInt slot = takenCount.bits(slotBits - 1, 0);
    Bool wrapped = takenCount.bit(slotBits);
    List<Bool> bits = new ArrayList<>();
    for (int i = 0; i < PeConfig.ACCESSES_PER_THREAD; i++) {
      bits.add(slot.gt(i).xor(wrapped).xor(freed.bit(i)));
    }
    return Data.catLowFirst(bits);
  }

  /** The thread that owns access id {@code id} (ids are handed out eight per thread). */
  private UInt threadOf(UInt id, PeConfig c) {
    int ab = c.accessIdBits();
    if (ab <= PeConfig.ACCESS_SLOT_BITS) {
      return lit(0, UInt(c.tidBits()));
    }
    return id.bits(ab - 1, PeConfig.ACCESS_SLOT_BITS).resize(c.tidBits());
  }

  /**
   * Instructions retired by thread {@code tid}: 0 while its fresh flag (set at start) is set,
   * read from the never-written upper half of {@code counts}.
   */
  private UInt instretOf(Mem<Bits> counts, Bool fresh, UInt tid) {
    return counts.read(fresh.cat(tid)).asUInt();
  }

  /** The data port {@code name} (for example {@code "start"}, {@code "perf_retired"}). */
  @SuppressWarnings("unchecked")
  public <T extends Data<T>> T port(String name) {
    Data<?> p = ports.get(name);
    if (p == null) {
      throw new IllegalArgumentException("the PE has no port '" + name + "'; ports are " + ports.keySet());
    }
    return (T) p;
  }

  private <T extends Data<T>> T hostIn(String name, veneer.hdl.HdlType<T> type) {
    T p = input(name, type);
    ports.put(name, p);
    return p;
  }

  private <T extends Data<T>> T hostOut(String name, veneer.hdl.HdlType<T> type) {
    T p = output(name, type);
    ports.put(name, p);
    return p;
  }
}
