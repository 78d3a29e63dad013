package veneer.isa.pe;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import veneer.isa.Decoder;
import veneer.isa.Instruction;
import veneer.isa.Opcode;
import veneer.isa.elf.ElfFile;
import veneer.isa.elf.ElfSegment;
import veneer.isa.elf.ElfSymbol;

/**
 * The golden reference model of one multithreaded (barrel) RV32IM PE: T hardware threads, each
 * with its own pc and x0..x31, sharing IMEM, scratchpad, MMIO and global memory per
 * {@link PeMemoryMap}.
 *
 * <p>{@link #step(int)} executes one instruction of one thread and says what it did (for
 * lockstep comparison with the RTL); {@link #run(long)} issues round-robin among running
 * threads until all stop, {@code tohost} is written, or the budget runs out. IMEM is pre-decoded
 * once (stores to IMEM fault, so the cache stays valid).
 *
 * <p>The dispatcher CSRs 0xFC3..0xFC8 take their work-items from a {@link WorkItemSource}
 * ({@link #setWorkItemSource}); each thread holds the last {@link WorkItem} it claimed.
 *
 * <pre>{@code
 * PeModel pe = new PeModel(PeConfig.defaults().withThreads(4), new ArrayGlobalMemory(1 << 20));
 * pe.load(ElfFile.read(Path.of("hello.elf")));
 * RunResult r = pe.run(1_000_000);
 * System.out.print(r.console());
 * }</pre>
 */
public final class PeModel {
    private final PeConfig config;
    private final GlobalMemory global;
    private final long globalSize;
    private final byte[] imem;
    private final Instruction[] decoded;
    private final byte[] scratch;
    private final int[] args = new int[PeMemoryMap.KERNEL_ARGS_WORDS];
    private final ByteArrayOutputStream console = new ByteArrayOutputStream();
    private final int threads;
    private final int[][] regs;
    private final int[] pc;
    private final ThreadStatus[] status;
    private final Fault[] faults;
    private final int[] exitCode;
    private final long[] instret;
    private final WorkItem[] workItem;
    private WorkItemSource workSource = new CountingWorkItemSource(0, 0);
    private long cycle;
    private int tohostAddress = -1;
    private boolean hasTohost;
    private int tohostValue;
    private int nextThread;

    // What the last execute() did; step() turns it into a Retired, run() ignores it.
    private int lastRd;
    private int lastRdValue;
    private Retired.MemAccess lastMem;
    private int lastMemAddr;
    private int lastMemValue;
    private int lastMemBytes;
    private int lastWord;

    /** A PE with all memories zero, all threads RUNNING at pc 0. */
    public PeModel(PeConfig config, GlobalMemory global) {
        this.config = config;
        this.global = global;
        this.globalSize = Math.min(global.size(), 0x8000_0000L);
        this.imem = new byte[config.imemBytes()];
        this.decoded = new Instruction[config.imemBytes() / 4];
        Arrays.fill(decoded, Decoder.decode(0));
        this.scratch = new byte[config.scratchpadBytes()];
        this.threads = config.threads();
        this.regs = new int[threads][32];
        this.pc = new int[threads];
        this.status = new ThreadStatus[threads];
        this.faults = new Fault[threads];
        this.exitCode = new int[threads];
        this.instret = new long[threads];
        this.workItem = new WorkItem[threads];
        Arrays.fill(workItem, WorkItem.NONE);
        Arrays.fill(status, ThreadStatus.RUNNING);
    }

    /** The configuration. */
    public PeConfig config() {
        return config;
    }

    /**
     * Loads an executable: PT_LOAD segments into IMEM/scratchpad/global memory (zero-filling
     * .bss), every thread's pc set to the entry, {@code tohost} taken from its symbol if present.
     */
    public void load(ElfFile elf) {
        for (ElfSegment s : elf.loadSegments()) {
            byte[] image = Arrays.copyOf(s.data(), (int) s.memSize());
            writeMemory((int) s.vaddr(), image);
        }
        ElfSymbol tohost = elf.symbol(PeMemoryMap.TOHOST_SYMBOL).orElse(null);
        if (tohost != null) {
            setTohostAddress((int) tohost.value());
        }
        reset((int) elf.entry());
    }

    /**
     * Resets every thread to RUNNING at {@code entry} with x1..x31 = 0 and no work-item (memories
     * and the work-item source are kept).
     */
    public void reset(int entry) {
        for (int t = 0; t < threads; t++) {
            Arrays.fill(regs[t], 0);
            pc[t] = entry;
            status[t] = ThreadStatus.RUNNING;
            faults[t] = null;
            exitCode[t] = 0;
            instret[t] = 0;
            workItem[t] = WorkItem.NONE;
        }
        tohostValue = 0;
        nextThread = 0;
    }

    /** Sets the address whose non-zero word store ends the run. */
    public void setTohostAddress(int addr) {
        this.tohostAddress = addr;
        this.hasTohost = true;
    }

    /** Host-side write into IMEM, scratchpad or global memory (not MMIO); re-decodes IMEM words. */
    public void writeMemory(int addr, byte[] bytes) {
        for (int i = 0; i < bytes.length; i++) {
            int a = addr + i;
            if (PeMemoryMap.within(a, PeMemoryMap.IMEM_BASE, imem.length)) {
                imem[a - PeMemoryMap.IMEM_BASE] = bytes[i];
            } else if (PeMemoryMap.within(a, PeMemoryMap.SCRATCHPAD_BASE, scratch.length)) {
                scratch[a - PeMemoryMap.SCRATCHPAD_BASE] = bytes[i];
            } else if (PeMemoryMap.within(a, PeMemoryMap.GLOBAL_BASE, globalSize)) {
                global.store(Integer.toUnsignedLong(a - PeMemoryMap.GLOBAL_BASE), 1, bytes[i]);
            } else {
                throw new IllegalArgumentException(String.format(
                        "cannot load %d bytes at 0x%08x: byte 0x%08x is outside IMEM [0x%08x, +%d), scratchpad "
                                + "[0x%08x, +%d) and global memory [0x%08x, +%d)", bytes.length, addr, a,
                        PeMemoryMap.IMEM_BASE, imem.length, PeMemoryMap.SCRATCHPAD_BASE, scratch.length,
                        PeMemoryMap.GLOBAL_BASE, globalSize));
            }
        }
        long start = Integer.toUnsignedLong(addr);
        if (start < imem.length) {
            long end = Math.min(decoded.length, (start + bytes.length + 3) / 4);
            for (int w = (int) (start / 4); w < end; w++) {
                decoded[w] = Decoder.decode(Bytes.load(imem, w * 4, 4));
            }
        }
    }

    /** Host-side read of IMEM, scratchpad or global memory. */
    public int readWord(int addr) {
        if (PeMemoryMap.within(addr, PeMemoryMap.IMEM_BASE, imem.length - 3L)) {
            return Bytes.load(imem, addr - PeMemoryMap.IMEM_BASE, 4);
        }
        if (PeMemoryMap.within(addr, PeMemoryMap.SCRATCHPAD_BASE, scratch.length - 3L)) {
            return Bytes.load(scratch, addr - PeMemoryMap.SCRATCHPAD_BASE, 4);
        }
        if (PeMemoryMap.within(addr, PeMemoryMap.GLOBAL_BASE, globalSize - 3)) {
            return global.load(Integer.toUnsignedLong(addr - PeMemoryMap.GLOBAL_BASE), 4);
        }
        throw new IllegalArgumentException(String.format("0x%08x is not a readable memory word", addr));
    }

    /** Sets kernel argument word {@code index} (0..63), visible at KERNEL_ARGS_BASE + 4*index. */
    public void setKernelArg(int index, int value) {
        if (index < 0 || index >= args.length) {
            throw new IllegalArgumentException("kernel argument index must be 0.." + (args.length - 1) + ", found " + index);
        }
        args[index] = value;
    }

    /**
     * Sets where {@code WORK_NEXT} (CSR 0xFC3) claims work-items and what GLOBAL_SIZE/LOCAL_SIZE
     * read. The default is an empty launch ({@code new CountingWorkItemSource(0, 0)}): WORK_NEXT
     * returns -1 at once and both sizes read 0.
     */
    public void setWorkItemSource(WorkItemSource source) {
        if (source == null) {
            throw new IllegalArgumentException("the work-item source must not be null");
        }
        this.workSource = source;
    }

    /** The current work-item source. */
    public WorkItemSource workItemSource() {
        return workSource;
    }

    /** The work-item {@code thread} holds (CSRs 0xFC4..0xFC6); {@link WorkItem#NONE} if none. */
    public WorkItem workItem(int thread) {
        return workItem[thread];
    }

    /** Register {@code reg} of {@code thread}. */
    public int register(int thread, int reg) {
        return regs[thread][reg];
    }

    /** Sets a register (x0 stays 0). */
    public void setRegister(int thread, int reg, int value) {
        if (reg != 0) {
            regs[thread][reg] = value;
        }
    }

    /** The pc of {@code thread}. */
    public int pc(int thread) {
        return pc[thread];
    }

    /** Sets the pc of {@code thread}. */
    public void setPc(int thread, int value) {
        pc[thread] = value;
    }

    /** The status of {@code thread}. */
    public ThreadStatus status(int thread) {
        return status[thread];
    }

    /** The fault that stopped {@code thread}, or null. */
    public Fault fault(int thread) {
        return faults[thread];
    }

    /** a0 at the ECALL that ended {@code thread}. */
    public int exitCode(int thread) {
        return exitCode[thread];
    }

    /** The value stored to tohost, 0 while none was. */
    public int tohost() {
        return tohostValue;
    }

    /** Everything written to the console so far (bytes as ISO-8859-1 characters). */
    public String console() {
        return console.toString(StandardCharsets.ISO_8859_1);
    }

    /**
     * Executes one instruction of {@code thread} (which must be RUNNING) and reports it.
     *
     * @throws IllegalStateException if the thread is not running
     */
    public Retired step(int thread) {
        if (thread < 0 || thread >= threads) {
            throw new IllegalArgumentException("thread must be 0.." + (threads - 1) + ", found " + thread);
        }
        if (status[thread] != ThreadStatus.RUNNING) {
            throw new IllegalStateException("thread " + thread + " is " + status[thread] + ", not RUNNING");
        }
        int at = pc[thread];
        execute(thread);
        return new Retired(thread, at, lastWord, lastRd, lastRdValue, lastMem, lastMemAddr, lastMemValue,
                lastMemBytes, pc[thread], status[thread], faults[thread]);
    }

    /** Runs round-robin among RUNNING threads until all stop, tohost is written, or {@code budget} instructions issued. */
    public RunResult run(long budget) {
        long issued = 0;
        RunResult.StopReason reason = RunResult.StopReason.BUDGET_EXHAUSTED;
        outer:
        while (issued < budget) {
            boolean any = false;
            for (int k = 0; k < threads; k++) {
                int t = nextThread;
                nextThread = nextThread + 1 == threads ? 0 : nextThread + 1;
                if (status[t] != ThreadStatus.RUNNING) {
                    continue;
                }
                any = true;
                execute(t);
                issued++;
                if (tohostValue != 0) {
                    reason = RunResult.StopReason.TOHOST;
                    break outer;
                }
                if (issued >= budget) {
                    break outer;
                }
            }
            if (!any) {
                reason = RunResult.StopReason.ALL_STOPPED;
                break;
            }
        }
        if (reason == RunResult.StopReason.BUDGET_EXHAUSTED && allStopped()) {
            reason = RunResult.StopReason.ALL_STOPPED;
        }
        List<RunResult.ThreadResult> results = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            results.add(new RunResult.ThreadResult(status[t], exitCode[t], faults[t]));
        }
        return new RunResult(reason, tohostValue, issued, List.copyOf(results), console());
    }

    private boolean allStopped() {
        for (ThreadStatus s : status) {
            if (s == ThreadStatus.RUNNING) {
                return false;
            }
        }
        return true;
    }

    private void execute(int t) {
        int[] x = regs[t];
        int at = pc[t];
        cycle++;
        lastRd = -1;
        lastMem = Retired.MemAccess.NONE;
        lastMemAddr = 0;
        lastMemValue = 0;
        lastMemBytes = 0;
        if ((at & 3) != 0 || !PeMemoryMap.within(at, PeMemoryMap.IMEM_BASE, imem.length)) {
            lastWord = 0;
            trap(t, (at & 3) != 0 ? TrapCause.INSTRUCTION_ADDRESS_MISALIGNED : TrapCause.INSTRUCTION_ACCESS_FAULT, at, at);
            return;
        }
        Instruction ins = decoded[(at - PeMemoryMap.IMEM_BASE) >>> 2];
        lastWord = ins.word();
        int a = x[ins.rs1()];
        int b = x[ins.rs2()];
        int imm = ins.imm();
        int next = at + 4;
        int rd = ins.rd();
        int v;
        switch (ins.opcode()) {
            case LUI: v = imm; break;
            case AUIPC: v = at + imm; break;
            case JAL:
            case JALR: {
                int target = ins.opcode() == Opcode.JAL ? at + imm : (a + imm) & ~1;
                if ((target & 3) != 0) {
                    trap(t, TrapCause.INSTRUCTION_ADDRESS_MISALIGNED, at, target);
                    return;
                }
                v = next;
                next = target;
                break;
            }
            case BEQ: branch(t, at, a == b, imm); return;
            case BNE: branch(t, at, a != b, imm); return;
            case BLT: branch(t, at, a < b, imm); return;
            case BGE: branch(t, at, a >= b, imm); return;
            case BLTU: branch(t, at, Integer.compareUnsigned(a, b) < 0, imm); return;
            case BGEU: branch(t, at, Integer.compareUnsigned(a, b) >= 0, imm); return;
            case LB:
            case LH:
            case LW:
            case LBU:
            case LHU: {
                Opcode op = ins.opcode();
                int n = op == Opcode.LW ? 4 : op == Opcode.LH || op == Opcode.LHU ? 2 : 1;
                int addr = a + imm;
                long r = load(addr, n);
                if (r < 0) {
                    trap(t, TrapCause.of((int) (-r - 1)), at, addr);
                    return;
                }
                v = (int) r;
                if (op == Opcode.LB) {
                    v = (byte) v;
                } else if (op == Opcode.LH) {
                    v = (short) v;
                }
                lastMem = Retired.MemAccess.LOAD;
                lastMemAddr = addr;
                lastMemValue = v;
                lastMemBytes = n;
                break;
            }
            case SB:
            case SH:
            case SW: {
                int n = ins.opcode() == Opcode.SW ? 4 : ins.opcode() == Opcode.SH ? 2 : 1;
                int addr = a + imm;
                int cause = store(addr, n, b);
                if (cause >= 0) {
                    trap(t, TrapCause.of(cause), at, addr);
                    return;
                }
                lastMem = Retired.MemAccess.STORE;
                lastMemAddr = addr;
                lastMemValue = n == 4 ? b : n == 2 ? b & 0xffff : b & 0xff;
                lastMemBytes = n;
                if (hasTohost && addr == tohostAddress && n == 4 && b != 0) {
                    tohostValue = b;
                }
                retire(t, next);
                return;
            }
            case ADDI: v = a + imm; break;
            case SLTI: v = a < imm ? 1 : 0; break;
            case SLTIU: v = Integer.compareUnsigned(a, imm) < 0 ? 1 : 0; break;
            case XORI: v = a ^ imm; break;
            case ORI: v = a | imm; break;
            case ANDI: v = a & imm; break;
            case SLLI: v = a << imm; break;
            case SRLI: v = a >>> imm; break;
            case SRAI: v = a >> imm; break;
            case ADD: v = a + b; break;
            case SUB: v = a - b; break;
            case SLL: v = a << (b & 31); break;
            case SLT: v = a < b ? 1 : 0; break;
            case SLTU: v = Integer.compareUnsigned(a, b) < 0 ? 1 : 0; break;
            case XOR: v = a ^ b; break;
            case SRL: v = a >>> (b & 31); break;
            case SRA: v = a >> (b & 31); break;
            case OR: v = a | b; break;
            case AND: v = a & b; break;
            case MUL: v = a * b; break;
            case MULH: v = (int) (((long) a * (long) b) >> 32); break;
            case MULHSU: v = (int) (((long) a * Integer.toUnsignedLong(b)) >> 32); break;
            case MULHU: v = (int) ((Integer.toUnsignedLong(a) * Integer.toUnsignedLong(b)) >>> 32); break;
            // Division by zero and overflow give the ISA's defined results, never a trap.
            case DIV: v = b == 0 ? -1 : a / b; break;
            case DIVU: v = b == 0 ? -1 : Integer.divideUnsigned(a, b); break;
            case REM: v = b == 0 ? a : a % b; break;
            case REMU: v = b == 0 ? a : Integer.remainderUnsigned(a, b); break;
            case FENCE:
            case FENCE_TSO:
                retire(t, next);
                return;
            case ECALL:
                exitCode[t] = x[10];
                status[t] = ThreadStatus.EXITED;
                instret[t]++;
                return;
            case EBREAK:
                status[t] = ThreadStatus.BREAK;
                instret[t]++;
                return;
            case CSRRW:
            case CSRRS:
            case CSRRC:
            case CSRRWI:
            case CSRRSI:
            case CSRRCI: {
                boolean writes = ins.opcode() == Opcode.CSRRW || ins.opcode() == Opcode.CSRRWI || ins.rs1() != 0;
                long r = writes ? -1 : readCsr(t, ins.csr());
                if (r < 0) {
                    trap(t, TrapCause.ILLEGAL_INSTRUCTION, at, ins.word());
                    return;
                }
                v = (int) r;
                break;
            }
            default:
                trap(t, TrapCause.ILLEGAL_INSTRUCTION, at, ins.word());
                return;
        }
        if (rd != 0) {
            x[rd] = v;
            lastRd = rd;
            lastRdValue = v;
        }
        retire(t, next);
    }

    private void branch(int t, int at, boolean taken, int imm) {
        if (!taken) {
            retire(t, at + 4);
            return;
        }
        int target = at + imm;
        if ((target & 3) != 0) {
            trap(t, TrapCause.INSTRUCTION_ADDRESS_MISALIGNED, at, target);
            return;
        }
        retire(t, target);
    }

    private void retire(int t, int next) {
        pc[t] = next;
        instret[t]++;
    }

    private void trap(int t, TrapCause cause, int at, int tval) {
        status[t] = ThreadStatus.FAULTED;
        faults[t] = new Fault(cause, at, tval);
        lastRd = -1;
    }

    /** The CSR's value, or -1 if the PE has no such CSR. */
    private long readCsr(int t, int csr) {
        switch (csr) {
            case PeCsr.CYCLE: return cycle & 0xffffffffL;
            case PeCsr.CYCLEH: return cycle >>> 32 & 0xffffffffL;
            case PeCsr.INSTRET: return instret[t] & 0xffffffffL;
            case PeCsr.INSTRETH: return instret[t] >>> 32 & 0xffffffffL;
            case PeCsr.MHARTID: return Integer.toUnsignedLong(config.peId() << 4 | t);
            case PeCsr.THREAD_ID: return t;
            case PeCsr.PE_ID: return config.peId();
            case PeCsr.THREAD_COUNT: return threads;
            case PeCsr.WORK_NEXT: {
                // A read with a side effect: the claim replaces the thread's current work-item,
                // also when none is left (then every id reads -1, as in the PE).
                WorkItem w = workSource.claim(config.peId(), t);
                workItem[t] = w == null ? WorkItem.NONE : w;
                return Integer.toUnsignedLong(workItem[t].globalId());
            }
            case PeCsr.GLOBAL_ID: return Integer.toUnsignedLong(workItem[t].globalId());
            case PeCsr.LOCAL_ID: return Integer.toUnsignedLong(workItem[t].localId());
            case PeCsr.GROUP_ID: return Integer.toUnsignedLong(workItem[t].groupId());
            case PeCsr.GLOBAL_SIZE: return Integer.toUnsignedLong(workSource.globalSize());
            case PeCsr.LOCAL_SIZE: return Integer.toUnsignedLong(workSource.localSize());
            default: return -1;
        }
    }

    /** Loaded value zero-extended in the low 32 bits, or -(mcause + 1) on a fault. */
    private long load(int addr, int n) {
        if ((addr & (n - 1)) != 0) {
            return -(TrapCause.LOAD_ADDRESS_MISALIGNED.code() + 1);
        }
        if (PeMemoryMap.within(addr, PeMemoryMap.SCRATCHPAD_BASE, scratch.length)) {
            return Bytes.load(scratch, addr - PeMemoryMap.SCRATCHPAD_BASE, n) & 0xffffffffL;
        }
        if (PeMemoryMap.within(addr, PeMemoryMap.GLOBAL_BASE, globalSize)) {
            return global.load(Integer.toUnsignedLong(addr - PeMemoryMap.GLOBAL_BASE), n) & 0xffffffffL;
        }
        if (PeMemoryMap.within(addr, PeMemoryMap.IMEM_BASE, imem.length)) {
            return Bytes.load(imem, addr - PeMemoryMap.IMEM_BASE, n) & 0xffffffffL;
        }
        if (PeMemoryMap.within(addr, PeMemoryMap.KERNEL_ARGS_BASE, args.length * 4L)) {
            int off = addr - PeMemoryMap.KERNEL_ARGS_BASE;
            return (args[off >>> 2] >>> ((off & 3) * 8)) & (n == 4 ? 0xffffffffL : (1L << (n * 8)) - 1);
        }
        return -(TrapCause.LOAD_ACCESS_FAULT.code() + 1);
    }

    /** -1 on success, else the mcause of the fault. */
    private int store(int addr, int n, int value) {
        if ((addr & (n - 1)) != 0) {
            return TrapCause.STORE_ADDRESS_MISALIGNED.code();
        }
        if (PeMemoryMap.within(addr, PeMemoryMap.SCRATCHPAD_BASE, scratch.length)) {
            Bytes.store(scratch, addr - PeMemoryMap.SCRATCHPAD_BASE, n, value);
            return -1;
        }
        if (PeMemoryMap.within(addr, PeMemoryMap.GLOBAL_BASE, globalSize)) {
            global.store(Integer.toUnsignedLong(addr - PeMemoryMap.GLOBAL_BASE), n, value);
            return -1;
        }
        if (PeMemoryMap.within(addr, PeMemoryMap.CONSOLE, PeMemoryMap.CONSOLE_BYTES)) {
            console.write(value & 0xff);
            return -1;
        }
        return TrapCause.STORE_ACCESS_FAULT.code();
    }
}
