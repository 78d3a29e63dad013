package veneer.compiler.backend;

import veneer.compiler.CompileOptions;
import veneer.compiler.KernelCompileException;
import veneer.compiler.ir.Builtin;
import veneer.compiler.ir.Function;
import veneer.compiler.ir.Instr;
import veneer.compiler.ir.Op;
import veneer.compiler.ir.Param;
import veneer.isa.Opcode;
import veneer.isa.pe.PeCsr;
import veneer.isa.pe.PeMemoryMap;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static veneer.isa.Opcode.*;

/**
 * The kernel's machine function: per-thread start-up, the loop over this thread's work-items
 * with the kernel body inlined in it, the trap handler and the exit. Every thread of every one
 * of the P PEs (header word 15) runs this code and finds its share of the work by itself (see
 * docs/compiler.md, "Launch convention"):
 *
 * <ul>
 *   <li><b>Item mode</b> (no barrier, no {@code @Local}): thread t of PE p has the global thread
 *       index g = p*T + t and runs the work-items g, g+P*T, g+2*P*T, ... of the whole range in
 *       row-major order (a row is one (y, z)). Per item this costs an add and a branch; moving to
 *       another row costs a few more instructions, without a division.</li>
 *   <li><b>Team mode</b> (barriers or {@code @Local}): a PE's threads form teams of one
 *       work-group's size; team k of PE p is global team p*teams + k and runs groups from there
 *       in steps of P*teams; thread t is local item t mod groupSize. A barrier waits on the
 *       teammates' counters in their context blocks; a work-item that has finished (returned or
 *       trapped) no longer holds its teammates up.</li>
 * </ul>
 *
 * <p>Just before its exit every thread copies its failure record (context +0, +4) to record
 * p*T + t of the failure table when header word 16 names one.
 *
 * Context block of thread t at scratchpad + 32t: +0 failure site+1 (0: none), +4 failing
 * work-item (linear global id), +8 trap pending from a callee (site+1), +12 global id y,
 * +16 global id z, +20 barrier word (group generation << 16 | barriers passed; in item mode: the
 * thread's global index g, its failure record), +24 generation of the last group whose item this
 * thread finished, +28 (item mode) rows per step P*T / X plus 1, or 0 until the thread first needs
 * it. Start-up zeroes only the words that are read before they are written.
 */
final class LaunchLoop implements BodyEnv {
  static final int CTX_BYTES = 32;
  static final int CTX_FAIL_SITE = 0;
  static final int CTX_FAIL_ITEM = 4;
  static final int CTX_PENDING = InstructionSelector.CTX_PENDING;
  static final int CTX_GID1 = 12;
  static final int CTX_GID2 = 16;
  static final int CTX_BARRIER = 20;
  static final int CTX_DONE = 24;
  static final int CTX_ROW_STEP = 28;
  /** Item mode: this thread's global index g = peId*T + t, the number of its failure record (+20 is team mode's barrier word). */
  static final int CTX_RECORD = 20;
  /** The argument block's address as lui + a 12-bit offset: one lui reaches every word. */
  static final int ARGS_LO = PeMemoryMap.KERNEL_ARGS_BASE & 0x7FF;
  static final int ARGS_HI = PeMemoryMap.KERNEL_ARGS_BASE - ARGS_LO;

  static {
    if (ARGS_LO + 4 * ArgumentLayout.MAX_WORDS > 0x800) {
      throw new ExceptionInInitializerError("argument block words beyond a 12-bit offset from " + ARGS_HI);
    }
  }

  private final MFunction mf;
  private final Function kernel;
  private final TrapSites sites;
  private final boolean teamMode;
  private final MBlock pro;
  private MBlock go;
  private final int args;
  private final int tid;
  private final int threads;
  private final int gid0;
  private final int site;
  // item mode: this thread's first x id and the step between its x ids
  private int first;
  private int stride;
  private final boolean qemu;
  private int peId;
  private int pes;
  private final Map<Param, int[]> params = new IdentityHashMap<>();
  private final Map<Param, Integer> lengths = new IdentityHashMap<>();
  private final Map<String, Integer> invariants = new HashMap<>();
  private final Set<Param> nullChecked = new LinkedHashSet<>();
  // per copy
  private boolean assumeNonNull;
  private String returnTarget;
  private String trapCommon;
  private String pendingLabel;
  // coarsened item mode (docs/compiler.md, "Work-item coarsening")
  private final Coarsening.Plan plan;
  /** Which copy of a coarsened block is being selected (work-item base + copy), or -1 outside the block path. */
  private int copy = -1;
  private MBlock fastHead;
  /** The block index j in the row (coarsened item mode), the block phase s and the fast path's j*K + s (-1: none yet). */
  private int hx;
  private int phase;
  private int fastGid = -1;
  /** While emitting the coarsened loop's own code (see {@link #argIn}). */
  private boolean blockPath;
  /** The block loop's start, run once per thread that takes blocks: what only the block loop needs is computed there. */
  private MBlock blockSetup;
  private final Map<Integer, Integer> phaseBytes = new HashMap<>();
  /** Entered from the block guard: sets the fast path's addresses, which the latch then steps (K a power of two). */
  private MBlock fastEntry;
  /** The fast path's addresses the latch steps: vreg and element size shift. */
  private final List<int[]> stepped = new ArrayList<>();
  private final Map<Integer, Integer> stepBytes = new HashMap<>();
  /** In the per-item path of the coarsened loop: array parameters' base and length, loaded again per partial block. */
  private Map<Param, int[]> reloaded;
  private final Map<Param, Integer> blockBases = new IdentityHashMap<>();
  private final Map<Integer, Integer> scaledBases = new HashMap<>();
  private final List<String> copyEntries = new ArrayList<>();
  private String blockLatch;
  private boolean interleaved;
  private int blocksPerRow;
  /** What one block costs, in single work-items (see {@link #chooseBlocks}). */
  private int blockCost;
  // team mode
  private int gen;
  private int teamCtx;
  private int groupItems;

  private LaunchLoop(MFunction mf, Function kernel, TrapSites sites, boolean qemu, Coarsening.Plan plan) {
    this.mf = mf;
    this.plan = plan;
    this.qemu = qemu;
    this.kernel = kernel;
    this.sites = sites;
    boolean barrier = false;
    for (Instr i : kernel.instructions()) {
      barrier |= i.op() == Op.BARRIER;
      if (i.op() == Op.NULLCHECK && i.operand(0) instanceof Param p) {
        nullChecked.add(p);
      }
    }
    for (Param p : kernel.params()) {
      barrier |= p.isLocal();
    }
    this.teamMode = barrier;
    this.pro = mf.namedBlock("_start");
    this.args = mf.newVreg();
    this.tid = mf.newVreg();
    this.threads = mf.newVreg();
    this.gid0 = mf.newVreg();
    this.site = mf.newVreg();
  }

  /**
   * Builds the kernel function: start-up, work-item loop(s), body copies, trap handling, exit; with a
   * {@code plan} of factor K > 1 (item mode only) the loop runs blocks of K work-items, or null when the K
   * copies cannot be interleaved (see {@link Interleaver}).
   */
  static MFunction build(Function kernel, ArgumentLayout layout, TrapSites sites, boolean specialise, boolean qemu,
                         Coarsening.Plan plan) {
    MFunction mf = new MFunction("kernel", false);
    LaunchLoop l = new LaunchLoop(mf, kernel, sites, qemu, plan);
    l.emit(layout, specialise);
    return plan.factor() > 1 && !l.interleaved ? null : mf;
  }

  private int load(MBlock b, int base, int off) {
    int r = mf.newVreg();
    b.add(MInstr.op(LW, r, base, 0, off));
    return r;
  }

  private int arg(int word) {
    return invariants.computeIfAbsent("arg" + word, k -> load(pro, args, ARGS_LO + 4 * word));
  }

  /**
   * Argument word {@code word} for code in block {@code b}: the value loaded once per thread, except on the
   * coarsened loop's cold paths (row changes, partial blocks, traps), which load it again (two instructions)
   * so that it need not stay in a register through the fast path, where the K copies want the registers.
   */
  private int argIn(MBlock b, int word) {
    return blockPath ? coldArg(b, word) : arg(word);
  }

  /** Argument word {@code word} loaded again in block {@code b} (two instructions), for code that runs rarely. */
  private int coldArg(MBlock b, int word) {
    int at = PeMemoryMap.KERNEL_ARGS_BASE + 4 * word;
    int r = mf.newVreg();
    b.add(MInstr.li(r, at & ~0x7FF));
    b.add(MInstr.op(LW, r, r, 0, at & 0x7FF));
    return r;
  }

  /**
   * Reads thread id, PE id or T: from the PE's CSR, or in a qemu build from the word the harness
   * keeps at {@link CompileOptions#QEMU_IDS} (qemu-riscv32 has no such CSRs).
   */
  private void readId(MBlock b, int rd, int csr) {
    if (qemu) {
      int word = csr == PeCsr.THREAD_ID ? 0 : csr == PeCsr.PE_ID ? 1 : 2;
      b.add(MInstr.li(rd, CompileOptions.QEMU_IDS));
      b.add(MInstr.op(LW, rd, rd, 0, 4 * word));
    } else {
      b.add(MInstr.op(CSRRS, rd, 0, 0, csr));
    }
  }

  private int op(MBlock b, Opcode o, int rs1, int rs2) {
    int r = mf.newVreg();
    b.add(MInstr.op(o, r, rs1, rs2, 0));
    return r;
  }

  private int opI(MBlock b, Opcode o, int rs1, int imm) {
    int r = mf.newVreg();
    b.add(MInstr.op(o, r, rs1, 0, imm));
    return r;
  }

  private void emit(ArgumentLayout layout, boolean specialise) {
    // sp first, on scratch registers only (spill slots need sp); dropped after allocation when the function
    // has no frame and makes no calls (see dropUnusedStack)
    int s0 = Reg.SCRATCH0;
    int s1 = Reg.SCRATCH1;
    List<MInstr> stack = new ArrayList<>();
    readId(pro, s0, PeCsr.THREAD_ID);
    stack.addAll(pro.instrs);
    stack.add(MInstr.li(s1, ARGS_HI));
    stack.add(MInstr.op(LW, Reg.SP, s1, 0, ARGS_LO + 4 * ArgumentLayout.STACK_TOP));
    stack.add(MInstr.op(LW, s1, s1, 0, ARGS_LO + 4 * ArgumentLayout.STACK_BYTES));
    stack.add(MInstr.op(MUL, s1, s0, s1, 0));
    stack.add(MInstr.op(SUB, Reg.SP, Reg.SP, s1, 0));
    pro.instrs.clear();
    pro.instrs.addAll(stack);
    mf.stackSetup.addAll(stack);
    pro.add(MInstr.frame(-1));
    readId(pro, tid, PeCsr.THREAD_ID);
    readId(pro, threads, PeCsr.THREAD_COUNT);
    peId = mf.newVreg();
    readId(pro, peId, PeCsr.PE_ID);
    pro.add(MInstr.li(args, ARGS_HI));
    // P = word 15, where 0 means 1
    int declared = arg(ArgumentLayout.PES);
    pes = op(pro, ADD, declared, opI(pro, SLTIU, declared, 1));
    // tp: this thread's context block
    pro.add(MInstr.li(Reg.TP, PeMemoryMap.SCRATCHPAD_BASE));
    pro.add(MInstr.op(ADD, Reg.TP, Reg.TP, opI(pro, SLLI, tid, 5), 0));
    // only the words that are read before they are written: +4 is read only when +0 is not 0, and the host
    // ignores a record's item when its site is 0; +12/+16 are the ids y and z of row 0; the row step is
    // cached at its first use; the callee's pending word only matters with calls
    List<Integer> zeroed = new ArrayList<>(List.of(CTX_FAIL_SITE));
    if (teamMode || readsRowIds()) {
      zeroed.addAll(List.of(CTX_GID1, CTX_GID2));
    }
    if (teamMode) {
      zeroed.addAll(List.of(CTX_BARRIER, CTX_DONE));
    } else {
      zeroed.add(CTX_ROW_STEP);
    }
    boolean calls = false;
    for (Instr i : kernel.instructions()) {
      calls |= i.op() == Op.CALL;
    }
    if (calls) {
      zeroed.add(CTX_PENDING);
    }
    for (int off : zeroed) {
      pro.add(MInstr.op(SW, 0, Reg.TP, 0, off));
    }
    for (int k = 0; k < kernel.params().size(); k++) {
      Param p = kernel.params().get(k);
      ArgumentLayout.Slot s = layout.params().get(k);
      switch (s.kind()) {
        case SCALAR -> params.put(p, new int[] {arg(s.word())});
        case LONG -> params.put(p, new int[] {arg(s.word()), arg(s.word() + 1)});
        case ARRAY -> {
          params.put(p, new int[] {arg(s.word())});
          lengths.put(p, arg(s.word() + 1));
        }
        case LOCAL_ARRAY -> {
          params.put(p, new int[] {mf.newVreg()}); // set per team below
          lengths.put(p, arg(s.word() + 2));
        }
      }
    }
    go = mf.newBlock("go");
    MBlock exit = mf.newBlock("exit");
    MBlock record = mf.newBlock("record");
    MBlock fin = mf.newBlock("fin");
    exitBlocks(exit, record, fin);
    boolean twoCopies = specialise && !nullChecked.isEmpty() && !teamMode;
    if (!teamMode) {
      first = op(pro, ADD, op(pro, MUL, peId, threads), tid);
      stride = op(pro, MUL, pes, threads);
      pro.add(MInstr.op(SW, 0, Reg.TP, first, CTX_RECORD));
    }
    if (teamMode) {
      teamLoop(layout, exit);
    } else {
      MBlock items = go;
      MBlock blocks = null;
      if (plan.factor() > 1) {
        blocks = mf.newBlock("blocks");
        blockLoop(blocks, exit);
        items = mf.newBlock("items");
      }
      MBlock fast = twoCopies ? mf.newBlock("fast") : null;
      MBlock slow = mf.newBlock("slow");
      if (twoCopies) {
        MBlock check = items;
        for (Param p : nullChecked) {
          MBlock next = mf.newBlock("nn");
          mf.blocks.remove(next);
          mf.blocks.add(mf.blocks.indexOf(check) + 1, next); // the tests fall into each other
          check.add(MInstr.branch(BEQ, params.get(p)[0], 0, slow.label));
          check.add(MInstr.jump(next.label));
          check = next;
        }
        check.add(MInstr.jump(fast.label));
        itemLoop(fast, true, exit);
      } else {
        items.add(MInstr.jump(slow.label));
      }
      itemLoop(slow, false, exit);
      if (blocks != null) {
        chooseBlocks(go, blocks, items);
      }
    }
    pro.add(MInstr.jump(go.label));
    // the exit last among hot blocks
    for (MBlock b : new MBlock[] {exit, record, fin}) {
      mf.blocks.remove(b);
      mf.blocks.add(b);
    }
    if (plan.factor() > 1) {
      // branches on range tests the block guard decided leave blocks nobody reaches
      DeadMachineCode.removeUnreachable(mf);
      interleaved = Interleaver.interleave(mf, copyEntries, blockLatch);
    }
  }

  /** The exit: copy the failure record to the failure table if there is one, then end the thread. */
  private void exitBlocks(MBlock exit, MBlock record, MBlock fin) {
    int base = mf.newVreg();
    exit.add(MInstr.li(base, ARGS_HI));
    int table = load(exit, base, ARGS_LO + 4 * ArgumentLayout.FAILURE_TABLE);
    exit.add(MInstr.branch(BEQ, table, 0, fin.label));
    exit.add(MInstr.jump(record.label));
    // the record's number: kept in the context block (item mode), or recomputed, rather than kept live through
    // the whole kernel
    int index;
    if (teamMode) {
      int pe = mf.newVreg();
      int t = mf.newVreg();
      int n = mf.newVreg();
      readId(record, pe, PeCsr.PE_ID);
      readId(record, t, PeCsr.THREAD_ID);
      readId(record, n, PeCsr.THREAD_COUNT);
      index = op(record, ADD, op(record, MUL, pe, n), t);
    } else {
      index = load(record, Reg.TP, CTX_RECORD);
    }
    int at = op(record, ADD, table, opI(record, SLLI, index, 3));
    record.add(MInstr.op(SW, 0, at, load(record, Reg.TP, CTX_FAIL_SITE), 0));
    record.add(MInstr.op(SW, 0, at, load(record, Reg.TP, CTX_FAIL_ITEM), 4));
    record.add(MInstr.jump(fin.label));
    fin.add(MInstr.li(Reg.A0, 0));
    if (qemu) {
      fin.add(MInstr.li(Reg.RA, CompileOptions.QEMU_IDS));
      fin.add(MInstr.op(LW, Reg.RA, Reg.RA, 0, 12));
      fin.add(MInstr.ret());
    } else {
      fin.add(MInstr.exit());
    }
  }

  /**
   * Item mode: the thread runs the work-items g, g+S, g+2S, ... of the whole range in row-major order
   * (x fastest), where g = peId*T + t and S = P*T. Within a row a step is an add and a branch. When x
   * leaves the last row the thread is done; otherwise it moves on by S / X rows (computed at the
   * first row wrap and kept at context +28) and S % X columns, without a division, so no thread
   * idles on a narrow 2-D range and the PE's divider is not in the loop; y and z follow from the
   * row (a division only beyond the first z plane).
   */
  private void itemLoop(MBlock start, boolean nonNull, MBlock exit) {
    String p = nonNull ? "f" : "s";
    Steps st = newSteps(p);
    assumeNonNull = nonNull;
    returnTarget = st.next.label;
    MBlock common = mf.newBlock(p + "trap");
    common.cold = true;
    trapCommon = common.label;
    pendingLabel = pendingBlock(p).label;
    String body = InstructionSelector.select(mf, kernel, this, sites, p);
    // the loop latch right after the body: returning falls through into it
    mf.blocks.remove(st.next);
    mf.blocks.add(st.next);
    steps(st, start, gid0, arg(ArgumentLayout.GLOBAL_SIZE), body, exit);
    recordFailure(common, st.next.label, st.row());
  }

  /** The blocks of one loop over a thread's steps (see {@link #steps}). */
  private record Steps(String prefix, int row, MBlock next, MBlock firstRow, MBlock wrap, MBlock carry, MBlock check, MBlock rowStart,
                       MBlock plane) {
  }

  private Steps newSteps(String p) {
    return new Steps(p, mf.newVreg(), mf.newBlock(p + "next"), mf.newBlock(p + "firstrow"), mf.newBlock(p + "wrap"), mf.newBlock(p + "carry"),
        mf.newBlock(p + "check"), mf.newBlock(p + "rowstart"), mf.newBlock(p + "plane"));
  }

  /**
   * The loop over this thread's steps: {@code x} runs through g, g+S, g+2S, ... over rows of {@code size}
   * steps (x fastest), entering {@code body} for each; {@code st.next} is the latch the body returns to.
   */
  private void steps(Steps st, MBlock start, int x, int size, String body, MBlock exit) {
    steps(st, start, x, size, body, exit, -1, null, null);
  }

  /**
   * {@link #steps}, where the latch jumps straight to {@code fastBody} while x is below {@code fastSteps} (a
   * coarsened loop's fast blocks: the block guard's test done by the latch's branch).
   */
  private void steps(Steps st, MBlock start, int x, int size, String body, MBlock exit, int fastSteps, String fastBody,
                     MBlock inRow) {
    String p = st.prefix();
    int row = st.row();
    MBlock next = st.next;
    MBlock firstRow = st.firstRow;
    MBlock wrap = st.wrap;
    MBlock carry = st.carry;
    MBlock check = st.check;
    MBlock rowStart = st.rowStart;
    MBlock plane = st.plane;
    start.add(MInstr.li(row, 0));
    start.add(MInstr.op(ADDI, x, first, 0, 0));
    if (fastBody != null) {
      // a thread whose first step is fast goes there at once (fastSteps <= size)
      MBlock notFast = mf.newBlock(p + "start");
      start.add(MInstr.branch(BLT, x, fastSteps, fastBody));
      start.add(MInstr.jump(notFast.label));
      start = notFast;
    }
    start.add(MInstr.branch(BLT, x, size, body));
    start.add(MInstr.jump(firstRow.label));
    // the first step is beyond row 0 (sizes are positive, so the row is not empty)
    firstRow.add(MInstr.op(DIVU, row, x, size, 0));
    firstRow.add(MInstr.op(REMU, x, x, size, 0));
    firstRow.add(MInstr.jump(check.label));
    next.add(MInstr.op(ADD, x, x, stride, 0));
    if (fastBody != null) {
      next.add(MInstr.branch(BLT, x, fastSteps, fastBody));
      next.add(MInstr.jump(inRow.label));
      next = inRow;
    }
    next.add(MInstr.branch(BLT, x, size, body));
    next.add(MInstr.jump(wrap.label));
    // the row's end right after the latch: a thread's last step falls into it
    mf.blocks.remove(wrap);
    mf.blocks.add(mf.blocks.indexOf(next) + 1, wrap);
    // x left the last row: done (a 1-D launch ends here)
    MBlock known = mf.newBlock(p + "known");
    MBlock divide = mf.newBlock(p + "divide");
    MBlock advance = mf.newBlock(p + "advance");
    wrap.add(MInstr.branch(BGEU, opI(wrap, ADDI, row, 1), argIn(wrap, ArgumentLayout.ROWS), exit.label));
    wrap.add(MInstr.jump(known.label));
    // rows per step + 1 at context +28, 0 until the first row wrap divides (so 1-D launches never do)
    int stepPlus1 = mf.newVreg();
    known.add(MInstr.op(LW, stepPlus1, Reg.TP, 0, CTX_ROW_STEP));
    known.add(MInstr.branch(BNE, stepPlus1, 0, advance.label));
    known.add(MInstr.jump(divide.label));
    divide.add(MInstr.op(ADDI, stepPlus1, op(divide, DIVU, stride, size), 0, 1));
    divide.add(MInstr.op(SW, 0, Reg.TP, stepPlus1, CTX_ROW_STEP));
    divide.add(MInstr.jump(advance.label));
    // x = x' + S with x' < size: rows += S / size, x = x' + S % size, one carry at most
    int rowStep = opI(advance, ADDI, stepPlus1, -1);
    advance.add(MInstr.op(SUB, x, x, op(advance, MUL, rowStep, size), 0));
    advance.add(MInstr.op(ADD, row, row, rowStep, 0));
    advance.add(MInstr.branch(BLT, x, size, check.label));
    advance.add(MInstr.jump(carry.label));
    carry.add(MInstr.op(SUB, x, x, size, 0));
    carry.add(MInstr.op(ADDI, row, row, 0, 1));
    carry.add(MInstr.jump(check.label));
    check.add(MInstr.branch(BGEU, row, argIn(check, ArgumentLayout.ROWS), exit.label));
    check.add(MInstr.jump(rowStart.label));
    // (global size y: loaded here, not at start-up, as 1-D launches never come here)
    rowStart.add(MInstr.branch(BGEU, row, coldArg(rowStart, ArgumentLayout.GLOBAL_SIZE + 1), plane.label));
    rowStart.add(MInstr.op(SW, 0, Reg.TP, row, CTX_GID1));
    rowStart.add(MInstr.jump(body));
    int g1 = coldArg(plane, ArgumentLayout.GLOBAL_SIZE + 1);
    plane.add(MInstr.op(SW, 0, Reg.TP, op(plane, REMU, row, g1), CTX_GID1));
    plane.add(MInstr.op(SW, 0, Reg.TP, op(plane, DIVU, row, g1), CTX_GID2));
    plane.add(MInstr.jump(body));
  }

  /**
   * Coarsened item mode: the thread's steps are blocks of K work-items in x. Block j of a row covers
   * x = j*K + s .. j*K + s + K - 1, where the phase s (0 <= s < K, once per thread, see {@link #linePhase}) puts
   * the blocks on whole 64-byte lines of the kernel's main array; when s > 0 the row's last block is its head,
   * x = 0 .. s - 1. The first {@code nfast} blocks of a row are whole (base + K <= X) and inside every guarded
   * array (base + K <= p.length), with every null-checked array non-null: they run the fast path, K copies of
   * the body for x = base + k without the checks the guard decided (no other check may remain: the copies must
   * be interleaved). Any other block (the head and tail of a row, an array too short, a null array) runs the
   * per-item path: the body with all checks, once per work-item of the block, so failures are those of one
   * work-item per step. The latch enters the fast path directly while the next block is fast.
   */
  private void blockLoop(MBlock start, MBlock exit) {
    int k = plan.factor();
    // the fast path's own latch (it steps the addresses); the per-item path returns to the loop's latch
    MBlock fastNext = mf.newBlock("fastnext");
    MBlock inRow = mf.newBlock("binrow");
    blockLatch = fastNext.label;
    int x = arg(ArgumentLayout.GLOBAL_SIZE);
    phase = linePhase(k);
    int blocks = blocksPerRow(x, k);
    blocksPerRow = blocks;
    MBlock setup = mf.newBlock("bsetup");
    int limit = fastLimit(x, start, setup);
    mf.blocks.remove(setup);
    mf.blocks.add(setup); // after the limit's blocks: they fall into it
    blockSetup = setup;
    int fastBlocks = fastBlocks(limit, k, setup);
    Steps st = newSteps("b"); // after the start-up's blocks, which fall into each other
    int end = mf.newVreg();
    hx = mf.newVreg();
    MBlock block = mf.newBlock("block");
    fastHead = mf.newBlock("fasthead");
    fastEntry = mf.newBlock("fastentry");
    MBlock common = mf.newBlock("btrap");
    common.cold = true;
    trapCommon = common.label;
    pendingLabel = null; // coarsened kernels make no calls
    // the fast path: K copies, copy k returning into copy k + 1, the last into the latch
    Set<MBlock> before = new HashSet<>(mf.blocks);
    MBlock entry = mf.newBlock("copy");
    for (int c = 0; c < k; c++) {
      MBlock nextEntry = c + 1 < k ? mf.newBlock("copy") : null;
      copy = c;
      assumeNonNull = true;
      returnTarget = nextEntry != null ? nextEntry.label : fastNext.label;
      entry.add(MInstr.jump(InstructionSelector.select(mf, kernel, this, sites, "k" + c)));
      copyEntries.add(entry.label);
      entry = nextEntry;
    }
    copy = -1;
    fastHead.add(MInstr.jump(copyEntries.get(0)));
    fastEntry.add(MInstr.jump(fastHead.label));
    // + the latch: its add and branch, and an add per address stepped along
    int fastInstructions = 2 + stepped.size() + fastHead.instrs.size() + hotInstructionsExcept(before) - fastEntry.instrs.size();
    before = new HashSet<>(mf.blocks);
    // the latches right after the fast path: it falls into its own
    for (MBlock b : new MBlock[] {fastNext, inRow, st.next}) {
      mf.blocks.remove(b);
      mf.blocks.add(b);
    }
    // the per-item path
    MBlock partial = mf.newBlock("partial");
    MBlock head = mf.newBlock("head");
    MBlock clampTest = mf.newBlock("clamptest");
    MBlock clamp = mf.newBlock("clamp");
    MBlock itemNext = mf.newBlock("itemnext");
    assumeNonNull = false;
    returnTarget = itemNext.label;
    reloaded = new IdentityHashMap<>();
    blockPath = true;
    for (Param p : kernel.params()) {
      if (lengths.containsKey(p) && !p.isLocal()) {
        reloaded.put(p, new int[] {mf.newVreg(), mf.newVreg()});
      }
    }
    String item = InstructionSelector.select(mf, kernel, this, sites, "i");
    for (int c = 0; c < kernel.params().size(); c++) {
      int[] r = reloaded.get(kernel.params().get(c));
      if (r != null) {
        int word = ArgumentLayout.of(kernel).params().get(c).word();
        int base = PeMemoryMap.KERNEL_ARGS_BASE + 4 * word;
        partial.add(MInstr.li(r[0], base & ~0x7FF));
        partial.add(MInstr.op(LW, r[1], r[0], 0, (base & 0x7FF) + 4));
        partial.add(MInstr.op(LW, r[0], r[0], 0, base & 0x7FF));
      }
    }
    reloaded = null;
    int itemInstructions = 2 + hotInstructionsExcept(before); // + the latch of a loop over single items
    // what a block costs in single work-items, rounded up
    blockCost = Math.max(1, Math.min(k, (fastInstructions + itemInstructions - 1) / itemInstructions));
    block.add(MInstr.branch(BGE, hx, fastBlocks, partial.label));
    block.add(MInstr.jump(fastEntry.label));
    // base = j * K + s, end = base + K; unsigned, as base + K may pass 2^31 - 1; base >= X only for the head
    if (Integer.bitCount(k) == 1) {
      partial.add(MInstr.op(SLLI, gid0, hx, 0, Integer.numberOfTrailingZeros(k)));
    } else {
      partial.add(MInstr.op(MUL, gid0, hx, constant(k), 0));
    }
    partial.add(MInstr.op(ADD, gid0, gid0, phase, 0));
    partial.add(MInstr.op(ADDI, end, gid0, 0, k));
    x = argIn(partial, ArgumentLayout.GLOBAL_SIZE);
    partial.add(MInstr.branch(BGEU, gid0, x, head.label));
    partial.add(MInstr.jump(clampTest.label));
    head.add(MInstr.li(gid0, 0));
    head.add(MInstr.op(ADDI, end, phase, 0, 0));
    head.add(MInstr.jump(clampTest.label));
    clampTest.add(MInstr.branch(BGEU, x, end, item));
    clampTest.add(MInstr.jump(clamp.label));
    clamp.add(MInstr.op(ADDI, end, x, 0, 0));
    clamp.add(MInstr.jump(item));
    itemNext.add(MInstr.op(ADDI, gid0, gid0, 0, 1));
    itemNext.add(MInstr.branch(BLT, gid0, end, item));
    itemNext.add(MInstr.jump(st.next.label));
    fastNext.add(MInstr.op(ADD, hx, hx, stride, 0));
    for (int[] a : stepped) {
      int bytes = stepBytes.computeIfAbsent(a[1], sh -> opI(setup, SLLI, stride, Integer.numberOfTrailingZeros(k) + sh));
      fastNext.add(MInstr.op(ADD, a[0], a[0], bytes, 0));
    }
    fastNext.add(MInstr.branch(BLT, hx, fastBlocks, fastHead.label));
    fastNext.add(MInstr.jump(inRow.label));
    steps(st, setup, hx, blocks, block.label, exit, fastBlocks, fastEntry.label, inRow);
    recordFailure(common, itemNext.label, st.row());
    blockPath = false;
  }

  /**
   * The block phase s, once per thread: the number of elements of the main array (the first parameter stored as
   * {@code p[globalId(0)]}, else the first loaded so) before its first 64-byte line boundary (or, for blocks of
   * fewer than 64 bytes, before the first multiple of the block's bytes), so that the fast path's blocks of that
   * array are whole lines: an array's element 0 follows its length word and so need not start a line. 0 when K
   * is not a power of two, the kernel accesses no such array, or it is null. Only speed depends on it.
   */
  private int linePhase(int k) {
    if (Integer.bitCount(k) != 1) {
      return constant(0);
    }
    Param main = null;
    for (Op want : new Op[] {Op.ASTORE, Op.ALOAD}) {
      for (Instr i : kernel.instructions()) {
        if (main == null && i.op() == want && i.operand(0) instanceof Param p && !p.isLocal()
            && i.operand(1) == plan.globalId0()) {
          main = p;
        }
      }
    }
    if (main == null) {
      return constant(0);
    }
    int e = main.type().elem().bytes();
    int unit = Math.min(64, k * e);
    int bytes = opI(pro, ANDI, op(pro, SUB, 0, params.get(main)[0]), unit - 1);
    if (e <= 4) {
      // element-aligned, so s << log2(e) is these bytes again (a long array's element 0 may be 4 bytes off)
      phaseBytes.put(Integer.numberOfTrailingZeros(e), bytes);
    }
    return opI(pro, SRLI, bytes, Integer.numberOfTrailingZeros(e));
  }

  /** Whether the kernel reads a work-item id in y or z (ids, local ids or group ids: item mode keeps y and z in the context). */
  private boolean readsRowIds() {
    for (Instr i : kernel.instructions()) {
      if (i.op() == Op.BUILTIN && (i.builtin() == Builtin.GLOBAL_ID || i.builtin() == Builtin.LOCAL_ID
          || i.builtin() == Builtin.GROUP_ID) && !(i.operand(0) instanceof veneer.compiler.ir.Const c && c.bits() == 0)) {
        return true;
      }
    }
    return false;
  }

  private int hotInstructionsExcept(Set<MBlock> old) {
    int n = 0;
    for (MBlock b : mf.blocks) {
      if (!b.cold && !old.contains(b)) {
        n += b.instrs.size();
      }
    }
    return n;
  }

  /**
   * Once per thread, at launch: blocks of K, or single work-items as without coarsening. With S = P * T threads,
   * B blocks and N work-items in the launch, and cost = what a block costs in single work-items (estimated at
   * compile time from the instruction counts of a block and of one item), blocks are taken when
   * (B + S) * cost <= N: then the busiest thread's blocks, at most ceil(B / S) <= B / S + 1, cost no more than the
   * ceil(N / S) >= N / S single items it would run otherwise (no division needed, and the PE's divider is shared
   * by its threads). One thread (S = 1) always takes blocks: it runs every work-item either way, a partial block
   * item by item. So a launch of few work-items on many threads keeps every thread busy.
   */
  private void chooseBlocks(MBlock at, MBlock blocks, MBlock items) {
    int x = arg(ArgumentLayout.GLOBAL_SIZE);
    int rows = arg(ArgumentLayout.ROWS);
    MBlock compare = mf.newBlock("choose");
    MBlock single = mf.newBlock("choosesingle");
    int k = plan.factor();
    if (blockCost < k) {
      // a sufficient test first, which a large launch passes in three or four instructions: B <= X/K + 2 and
      // rows >= 1, so (B*rows + S)*cost <= rows*cost*(X/K + 2 + S), which is <= X*rows when X >= m*(S + 2) for
      // m = ceil(cost*K / (K - cost)) (S + 2 and m are small: no overflow)
      int m = (blockCost * k + (k - blockCost) - 1) / (k - blockCost);
      MBlock exact = mf.newBlock("chooseexact");
      int plus2 = opI(at, ADDI, stride, 2);
      int bound = Integer.bitCount(m) == 1 ? opI(at, SLLI, plus2, Integer.numberOfTrailingZeros(m)) : op(at, MUL, plus2, constant(m));
      at.add(MInstr.branch(BGEU, x, bound, blocks.label));
      at.add(MInstr.jump(exact.label));
      at = exact;
    }
    // 2^32 work-items or more: certainly enough for every thread
    at.add(MInstr.branch(BNE, op(at, MULHU, x, rows), 0, blocks.label));
    at.add(MInstr.jump(compare.label));
    int n = op(compare, MUL, x, rows);
    int steps = op(compare, ADD, op(compare, MUL, blocksPerRow, rows), stride);
    int need = Integer.bitCount(blockCost) == 1 ? opI(compare, SLLI, steps, Integer.numberOfTrailingZeros(blockCost))
        : op(compare, MUL, steps, constant(blockCost));
    compare.add(MInstr.branch(BGEU, n, need, blocks.label));
    compare.add(MInstr.jump(single.label));
    // tested last: a large launch, the common case, does not pay for it
    single.add(MInstr.branch(BEQ, opI(single, ADDI, stride, -1), 0, blocks.label));
    single.add(MInstr.jump(items.label));
  }

  /**
   * Blocks per row, once per thread: ceil((X - s) / K) plus the head block when s > 0 (X - s + K - 1 cannot
   * overflow unsigned, and is not negative: X >= 1, s < K).
   */
  private int blocksPerRow(int x, int k) {
    if (Integer.bitCount(k) != 1) {
      return op(pro, DIVU, opI(pro, ADDI, x, k - 1), constant(k));
    }
    int up = opI(pro, ADDI, op(pro, SUB, x, phase), k - 1);
    return op(pro, ADD, opI(pro, SRLI, up, Integer.numberOfTrailingZeros(k)), op(pro, SLTU, 0, phase));
  }

  /**
   * The fast blocks at the start of each row, once per thread: block j (base j*K + s) is fast when
   * j*K + s + K <= limit, so there are (limit - s) / K of them, rounded down (never the head block: limit <= X).
   * When limit < s the arithmetic shift (or the signed division, which rounds toward zero) gives -1 or 0: no
   * block is fast, as the loop compares block indices (0 <= j < 2^31) with it signed.
   */
  private int fastBlocks(int limit, int k, MBlock at) {
    int room = op(at, SUB, limit, phase);
    return Integer.bitCount(k) == 1 ? opI(at, SRAI, room, Integer.numberOfTrailingZeros(k)) : op(at, DIV, room, constant(k));
  }

  /**
   * The fast path's limit, once per thread, from {@code at} on (the code goes on in {@code then}): a block
   * takes it when base + K <= limit, where limit = min(X, the length of every guarded array), or 0 when an array
   * the kernel null-checks is null. A null array's length word is 0, so a guarded array needs no null test.
   * Each array costs one branch, taken only when the array is shorter than the range or null.
   */
  private int fastLimit(int x, MBlock at, MBlock then) {
    int limit = mf.newVreg();
    at.add(MInstr.op(ADDI, limit, x, 0, 0));
    Set<Param> guarded = new LinkedHashSet<>(plan.guarded());
    Set<Param> checked = new LinkedHashSet<>(nullChecked);
    checked.removeAll(guarded);
    for (Param p : guarded) {
      at = clampIf(at, BLTU, lengths.get(p), limit, limit, lengths.get(p));
    }
    for (Param p : checked) {
      at = clampIf(at, BEQ, params.get(p)[0], 0, limit, 0);
    }
    at.add(MInstr.jump(then.label));
    return limit;
  }

  /** {@code if (a cmp b) limit = value} as a branch to a cold block; returns the block where the code goes on. */
  private MBlock clampIf(MBlock at, Opcode cmp, int a, int b, int limit, int value) {
    MBlock set = mf.newBlock("clamp");
    set.cold = true;
    MBlock next = mf.newBlock("limit");
    at.add(MInstr.branch(cmp, a, b, set.label));
    at.add(MInstr.jump(next.label));
    set.add(MInstr.op(ADDI, limit, value, 0, 0));
    set.add(MInstr.jump(next.label));
    return next;
  }

  /**
   * Address of element base of array parameter {@code p} for copy 0 of the current block: (p + s*size) +
   * (j << log2(K*size)), the first part once per thread in the block loop's start, the second set on entering
   * the fast path and stepped by S*K*size in its latch; for K not a power of two (s = 0) p + base*size, computed
   * in the block head.
   */
  private int blockBase(Param p, int shift) {
    return blockBases.computeIfAbsent(p, q -> {
      int k = plan.factor();
      if (Integer.bitCount(k) != 1) {
        int scaled = shift == 0 ? fastGid() : scaledBases.computeIfAbsent(shift, s -> opI(fastHead, SLLI, fastGid(), s));
        return op(fastHead, ADD, params.get(q)[0], scaled);
      }
      // set on entering the fast path, then stepped by the latch: S blocks further
      int scaled = scaledBases.computeIfAbsent(shift, s -> opI(fastEntry, SLLI, hx, Integer.numberOfTrailingZeros(k) + s));
      int scaledPhase = shift == 0 ? phase : phaseBytes.computeIfAbsent(shift, sh -> opI(blockSetup, SLLI, phase, sh));
      int phased = op(blockSetup, ADD, params.get(q)[0], scaledPhase);
      int address = mf.newVreg();
      fastEntry.add(MInstr.op(ADD, address, phased, scaled, 0));
      stepped.add(new int[] {address, shift});
      return address;
    });
  }

  /** The fast path's block base j*K + s, computed in the block head when a copy needs it. */
  private int fastGid() {
    if (fastGid < 0) {
      int k = plan.factor();
      int times = Integer.bitCount(k) == 1 ? opI(fastHead, SLLI, hx, Integer.numberOfTrailingZeros(k))
          : op(fastHead, MUL, hx, constant(k));
      fastGid = op(fastHead, ADD, times, phase);
    }
    return fastGid;
  }

  @Override
  public boolean elides(Instr check) {
    return copy >= 0 && check.op() == Op.BOUNDSCHECK && check.operand(0) == plan.globalId0()
        && plan.guarded().contains(Coarsening.lengthOf(check.operand(1)));
  }

  @Override
  public Boolean knownCondition(veneer.compiler.ir.Value cond) {
    if (copy >= 0 && cond instanceof Instr cmp) {
      Param p = Coarsening.rangeTest(cmp, plan.globalId0());
      if (p != null && plan.guarded().contains(p)) {
        return Coarsening.inRange(cmp);
      }
    }
    return null;
  }

  @Override
  public Access access(veneer.compiler.ir.Value array, veneer.compiler.ir.Value index, veneer.compiler.ir.Elem e) {
    if (copy < 0 || index != plan.globalId0() || !(array instanceof Param p) || p.isLocal()) {
      return null;
    }
    int shift = Integer.numberOfTrailingZeros(e.bytes());
    int offset = copy << shift;
    return new Access(blockBase(p, shift), offset, new MemTag(p.javaType(), offset, e.bytes()));
  }

  /**
   * Records the failure of the current item unless this thread already recorded a lower one. The linear id is
   * x + X * row, with row = y + Y * z: the item loop's row register ({@code row} >= 0), or from the ids y and z in
   * the context block (team mode, {@code row} = -1).
   */
  private void recordFailure(MBlock b, String then, int row) {
    int g0 = argIn(b, ArgumentLayout.GLOBAL_SIZE);
    if (row < 0) {
      int g1 = coldArg(b, ArgumentLayout.GLOBAL_SIZE + 1);
      int y = load(b, Reg.TP, CTX_GID1);
      int z = load(b, Reg.TP, CTX_GID2);
      row = op(b, ADD, op(b, MUL, z, g1), y);
    }
    int lin = op(b, ADD, op(b, MUL, row, g0), gid0);
    int had = load(b, Reg.TP, CTX_FAIL_SITE);
    MBlock compare = mf.newBlock("trapcmp");
    MBlock store = mf.newBlock("trapstore");
    compare.cold = true;
    store.cold = true;
    b.add(MInstr.branch(BEQ, had, 0, store.label));
    b.add(MInstr.jump(compare.label));
    int old = load(compare, Reg.TP, CTX_FAIL_ITEM);
    compare.add(MInstr.branch(BGE, lin, old, then));
    compare.add(MInstr.jump(store.label));
    store.add(MInstr.op(SW, 0, Reg.TP, opI(store, ADDI, site, 1), CTX_FAIL_SITE));
    store.add(MInstr.op(SW, 0, Reg.TP, lin, CTX_FAIL_ITEM));
    store.add(MInstr.jump(then));
  }

  private MBlock pendingBlock(String p) {
    MBlock b = mf.newBlock(p + "pending");
    b.cold = true;
    int s = load(b, Reg.TP, CTX_PENDING);
    b.add(MInstr.op(SW, 0, Reg.TP, 0, CTX_PENDING));
    b.add(MInstr.op(ADDI, site, s, 0, -1));
    b.add(MInstr.jump(trapCommon));
    return b;
  }

  /** Team mode: teams of one group's size run groups team, team+teams, ... */
  private void teamLoop(ArgumentLayout layout, MBlock exit) {
    groupItems = arg(ArgumentLayout.GROUP_ITEMS);
    int teams = arg(ArgumentLayout.TEAMS);
    int team = op(pro, DIVU, tid, groupItems);
    int lid = op(pro, REMU, tid, groupItems);
    int l0 = arg(ArgumentLayout.LOCAL_SIZE);
    int l1 = arg(ArgumentLayout.LOCAL_SIZE + 1);
    int l2 = arg(ArgumentLayout.LOCAL_SIZE + 2);
    int ng0 = arg(ArgumentLayout.NUM_GROUPS);
    int ng1 = arg(ArgumentLayout.NUM_GROUPS + 1);
    int total = arg(ArgumentLayout.TOTAL_GROUPS);
    int lid0 = op(pro, REMU, lid, l0);
    int rest = op(pro, DIVU, lid, l0);
    int lid1 = op(pro, REMU, rest, l1);
    int lid2 = op(pro, DIVU, rest, l1);
    int globalTeam = op(pro, ADD, op(pro, MUL, peId, teams), team);
    teamCtx = mf.newVreg();
    pro.add(MInstr.li(teamCtx, PeMemoryMap.SCRATCHPAD_BASE));
    pro.add(MInstr.op(ADD, teamCtx, teamCtx, opI(pro, SLLI, op(pro, MUL, team, groupItems), 5), 0));
    for (int k = 0; k < kernel.params().size(); k++) {
      ArgumentLayout.Slot s = layout.params().get(k);
      if (s.kind() == ArgumentLayout.Kind.LOCAL_ARRAY) {
        int base = params.get(kernel.params().get(k))[0];
        pro.add(MInstr.op(ADD, base, arg(s.word()), op(pro, MUL, globalTeam, arg(s.word() + 1)), 0));
      }
    }
    gen = mf.newVreg();
    pro.add(MInstr.li(gen, 0));
    int g = mf.newVreg();
    pro.add(MInstr.op(ADDI, g, globalTeam, 0, 0));
    int groupStep = op(pro, MUL, pes, teams);
    MBlock groupLoop = mf.newBlock("group");
    go.add(MInstr.branch(BGE, team, teams, exit.label));
    go.add(MInstr.jump(groupLoop.label));
    MBlock setup = mf.newBlock("setup");
    groupLoop.add(MInstr.branch(BGE, g, total, exit.label));
    groupLoop.add(MInstr.jump(setup.label));
    int gx = op(setup, REMU, g, ng0);
    int gr = op(setup, DIVU, g, ng0);
    int gy = op(setup, REMU, gr, ng1);
    int gz = op(setup, DIVU, gr, ng1);
    setup.add(MInstr.op(ADD, gid0, op(setup, MUL, gx, l0), lid0, 0));
    setup.add(MInstr.op(SW, 0, Reg.TP, op(setup, ADD, op(setup, MUL, gy, l1), lid1), CTX_GID1));
    setup.add(MInstr.op(SW, 0, Reg.TP, op(setup, ADD, op(setup, MUL, gz, l2), lid2), CTX_GID2));
    setup.add(MInstr.op(ADDI, gen, gen, 0, 1));
    setup.add(MInstr.op(SW, 0, Reg.TP, opI(setup, SLLI, gen, 16), CTX_BARRIER));
    MBlock cur = setup;
    boolean hasLocal = false;
    for (int k = 0; k < kernel.params().size(); k++) {
      Param p = kernel.params().get(k);
      if (!p.isLocal()) {
        continue;
      }
      hasLocal = true;
      // local item 0 zero-fills the team's copy; the barrier below publishes it
      MBlock fill = mf.newBlock("zero");
      MBlock loop = mf.newBlock("zeroloop");
      MBlock after = mf.newBlock("zerodone");
      cur.add(MInstr.branch(BNE, lid, 0, after.label));
      cur.add(MInstr.jump(fill.label));
      int ptr = mf.newVreg();
      int end = mf.newVreg();
      int bytes = op(fill, MUL, lengths.get(p), opI(fill, ADDI, 0, p.type().elem().bytes()));
      fill.add(MInstr.op(ADDI, ptr, params.get(p)[0], 0, 0));
      fill.add(MInstr.op(ADD, end, ptr, opI(fill, ANDI, opI(fill, ADDI, bytes, 3), -4), 0));
      fill.add(MInstr.jump(loop.label));
      MBlock body = mf.newBlock("zerobody");
      loop.add(MInstr.branch(BGEU, ptr, end, after.label));
      loop.add(MInstr.jump(body.label));
      body.add(MInstr.op(SW, 0, ptr, 0, 0));
      body.add(MInstr.op(ADDI, ptr, ptr, 0, 4));
      body.add(MInstr.jump(loop.label));
      cur = after;
    }
    if (hasLocal) {
      cur = barrier(cur);
    }
    MBlock done = mf.newBlock("itemdone");
    assumeNonNull = false;
    returnTarget = done.label;
    MBlock common = mf.newBlock("trap");
    common.cold = true;
    trapCommon = common.label;
    pendingLabel = pendingBlock("t").label;
    String body = InstructionSelector.select(mf, kernel, this, sites, "t");
    cur.add(MInstr.jump(body));
    recordFailure(common, done.label, -1);
    // wait until every teammate finished this group, then take the next group
    done.add(MInstr.op(SW, 0, Reg.TP, gen, CTX_DONE));
    int k = mf.newVreg();
    int c = mf.newVreg();
    done.add(MInstr.li(k, 0));
    done.add(MInstr.op(ADDI, c, teamCtx, 0, 0));
    MBlock wait = mf.newBlock("wait");
    MBlock check = mf.newBlock("waitcheck");
    MBlock advance = mf.newBlock("waitnext");
    MBlock nextGroup = mf.newBlock("nextgroup");
    done.add(MInstr.jump(wait.label));
    wait.add(MInstr.branch(BEQ, k, groupItems, nextGroup.label));
    wait.add(MInstr.jump(check.label));
    int d = load(check, c, CTX_DONE);
    check.add(MInstr.branch(BLT, d, gen, wait.label));
    check.add(MInstr.jump(advance.label));
    advance.add(MInstr.op(ADDI, c, c, 0, CTX_BYTES));
    advance.add(MInstr.op(ADDI, k, k, 0, 1));
    advance.add(MInstr.jump(wait.label));
    nextGroup.add(MInstr.op(ADD, g, g, groupStep, 0));
    nextGroup.add(MInstr.jump(groupLoop.label));
  }

  @Override
  public MBlock barrier(MBlock at) {
    if (!teamMode) {
      throw new IllegalStateException("barrier outside team mode");
    }
    int word = load(at, Reg.TP, CTX_BARRIER);
    int mine = opI(at, ADDI, word, 1);
    at.add(MInstr.op(SW, 0, Reg.TP, mine, CTX_BARRIER));
    int k = mf.newVreg();
    int c = mf.newVreg();
    at.add(MInstr.li(k, 0));
    at.add(MInstr.op(ADDI, c, teamCtx, 0, 0));
    MBlock wait = mf.newBlock("bar");
    MBlock check = mf.newBlock("barcheck");
    MBlock doneCheck = mf.newBlock("bardone");
    MBlock advance = mf.newBlock("barnext");
    MBlock after = mf.newBlock("barpassed");
    at.add(MInstr.jump(wait.label));
    wait.add(MInstr.branch(BEQ, k, groupItems, after.label));
    wait.add(MInstr.jump(check.label));
    int theirs = load(check, c, CTX_BARRIER);
    check.add(MInstr.branch(BGE, theirs, mine, advance.label));
    check.add(MInstr.jump(doneCheck.label));
    int d = load(doneCheck, c, CTX_DONE);
    doneCheck.add(MInstr.branch(BGE, d, gen, advance.label));
    doneCheck.add(MInstr.jump(wait.label));
    advance.add(MInstr.op(ADDI, c, c, 0, CTX_BYTES));
    advance.add(MInstr.op(ADDI, k, k, 0, 1));
    advance.add(MInstr.jump(wait.label));
    return after;
  }

  @Override
  public int constant(int c) {
    return invariants.computeIfAbsent("c" + c, k -> {
      int r = mf.newVreg();
      pro.add(MInstr.li(r, c));
      return r;
    });
  }

  @Override
  public int[] param(Param p) {
    if (reloaded != null && reloaded.containsKey(p)) {
      return new int[] {reloaded.get(p)[0]};
    }
    return params.get(p);
  }

  @Override
  public int paramLength(Param p) {
    if (reloaded != null && reloaded.containsKey(p)) {
      return reloaded.get(p)[1];
    }
    Integer l = lengths.get(p);
    return l == null ? -1 : l;
  }

  @Override
  public boolean nonNull(Param p) {
    return assumeNonNull && nullChecked.contains(p);
  }

  @Override
  public int builtin(Builtin b, int dim, MBlock at) {
    boolean inRange = dim >= 0 && dim < 3;
    switch (b) {
      case GLOBAL_SIZE, LOCAL_SIZE, NUM_GROUPS -> {
        if (!inRange) {
          return invariants.computeIfAbsent("one", k -> {
            int r = mf.newVreg();
            pro.add(MInstr.li(r, 1));
            return r;
          });
        }
        int base = b == Builtin.GLOBAL_SIZE ? ArgumentLayout.GLOBAL_SIZE
            : b == Builtin.LOCAL_SIZE ? ArgumentLayout.LOCAL_SIZE : ArgumentLayout.NUM_GROUPS;
        return arg(base + dim);
      }
      default -> {
        if (!inRange) {
          return 0;
        }
        int g = dim == 0 ? (copy > 0 ? opI(at, ADDI, fastGid(), copy) : copy == 0 ? fastGid() : gid0) : load(at, Reg.TP, dim == 1 ? CTX_GID1 : CTX_GID2);
        if (b == Builtin.GLOBAL_ID) {
          return g;
        }
        int l = arg(ArgumentLayout.LOCAL_SIZE + dim);
        return op(at, b == Builtin.LOCAL_ID ? REMU : DIVU, g, l);
      }
    }
  }

  @Override
  public void trap(MBlock stub, int siteIndex) {
    // (in a block copy this code is never kept: a copy with a check cannot be interleaved, so the attempt is dropped)
    stub.add(MInstr.li(site, siteIndex));
    stub.add(MInstr.jump(trapCommon));
  }

  @Override
  public String returnTarget() {
    return returnTarget;
  }

  @Override
  public String pendingTarget() {
    return pendingLabel;
  }

  /**
   * After allocation: removes the start-up code that sets sp when the function has no frame (no spill slots)
   * and makes no calls, so nothing reads sp.
   */
  static void dropUnusedStack(MFunction mf) {
    if (mf.stackSetup.isEmpty() || mf.frameBytes != 0) {
      return;
    }
    for (MBlock b : mf.blocks) {
      for (MInstr i : b.instrs) {
        if (i.kind == MInstr.Kind.CALL) {
          return;
        }
      }
    }
    Set<MInstr> drop = Collections.newSetFromMap(new IdentityHashMap<>());
    drop.addAll(mf.stackSetup);
    for (MBlock b : mf.blocks) {
      b.instrs.removeIf(drop::contains);
    }
  }

  static void refuseBuiltinsIn(Function f) {
    for (Instr i : f.instructions()) {
      if (i.op() == Op.BUILTIN || i.op() == Op.BARRIER) {
        throw new KernelCompileException(i.loc().file(), i.loc().line(),
            "work-item built-ins and barriers inside recursive methods are not supported on the overlay; "
                + "read them in the kernel and pass them as arguments");
      }
    }
  }
}
