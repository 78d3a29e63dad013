package veneer.isa.pe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;
import veneer.isa.Encoder;
import veneer.isa.Opcode;

/** One instruction at a time, against values worked out from the ISA manual. */
class PeModelEdgeCaseTest {
    private static final int MIN = Integer.MIN_VALUE;
    private final ArrayGlobalMemory global = new ArrayGlobalMemory(4096);

    private PeModel pe(int... words) {
        PeModel pe = new PeModel(PeConfig.defaults().withThreads(2).withPeId(5), global);
        ByteBuffer b = ByteBuffer.allocate(words.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (int w : words) {
            b.putInt(w);
        }
        pe.writeMemory(0, b.array());
        pe.reset(0);
        return pe;
    }

    /** Result of r-type {@code op} on a, b in x1, x2 → x3. */
    private int r(Opcode op, int a, int b) {
        PeModel pe = pe(Encoder.r(op, 3, 1, 2));
        pe.setRegister(0, 1, a);
        pe.setRegister(0, 2, b);
        Retired r = pe.step(0);
        assertNull(r.fault());
        return pe.register(0, 3);
    }

    private int i(Opcode op, int a, int imm) {
        PeModel pe = pe(Encoder.i(op, 3, 1, imm));
        pe.setRegister(0, 1, a);
        pe.step(0);
        return pe.register(0, 3);
    }

    @Test
    void shiftsByThirtyOneAndRegisterShiftsUseFiveBits() {
        assertEquals(MIN, i(Opcode.SLLI, 1, 31));
        assertEquals(1, i(Opcode.SRLI, MIN, 31));
        assertEquals(-1, i(Opcode.SRAI, MIN, 31));
        assertEquals(MIN, r(Opcode.SLL, 1, 63));
        assertEquals(-1, r(Opcode.SRA, MIN, 0xffff_ffff));
        assertEquals(0x4000_0000, r(Opcode.SRL, MIN, 33));
    }

    @Test
    void signedOverflowWrapsAndComparesSignedOrUnsigned() {
        assertEquals(MIN, r(Opcode.ADD, Integer.MAX_VALUE, 1));
        assertEquals(Integer.MAX_VALUE, r(Opcode.SUB, MIN, 1));
        assertEquals(1, r(Opcode.SLT, -1, 0));
        assertEquals(0, r(Opcode.SLTU, -1, 0));
        assertEquals(1, i(Opcode.SLTIU, 5, -1)); // the immediate is sign-extended, then compared unsigned
        assertEquals(-2048, i(Opcode.ADDI, 0, -2048));
    }

    @Test
    void multiplyHighHalves() {
        assertEquals(1, r(Opcode.MUL, -1, -1));
        assertEquals(0, r(Opcode.MULH, -1, -1));
        assertEquals(-1, r(Opcode.MULHSU, -1, -1)); // -1 * 0xffffffff
        assertEquals(-2, r(Opcode.MULHU, -1, -1));
        assertEquals(0x4000_0000, r(Opcode.MULH, MIN, MIN));
    }

    @Test
    void divisionCornerCasesFollowTheIsa() {
        assertEquals(MIN, r(Opcode.DIV, MIN, -1));
        assertEquals(0, r(Opcode.REM, MIN, -1));
        assertEquals(-1, r(Opcode.DIV, 7, 0));
        assertEquals(-1, r(Opcode.DIVU, 7, 0));
        assertEquals(7, r(Opcode.REM, 7, 0));
        assertEquals(-7, r(Opcode.REMU, -7, 0));
        assertEquals(-3, r(Opcode.DIV, -7, 2));
        assertEquals(-1, r(Opcode.REM, -7, 2));
        assertEquals(0x7fff_fffc, r(Opcode.DIVU, -7, 2));
    }

    @Test
    void loadsSignOrZeroExtend() {
        PeModel pe = pe(Encoder.i(Opcode.LB, 3, 1, 0), Encoder.i(Opcode.LBU, 4, 1, 0), Encoder.i(Opcode.LH, 5, 1, 0),
                Encoder.i(Opcode.LHU, 6, 1, 0), Encoder.i(Opcode.LW, 7, 1, 0), Encoder.i(Opcode.LB, 8, 1, 2));
        pe.writeMemory(PeMemoryMap.SCRATCHPAD_BASE, new byte[] {(byte) 0x80, (byte) 0xff, 0x7f, 0});
        pe.setRegister(0, 1, PeMemoryMap.SCRATCHPAD_BASE);
        for (int k = 0; k < 6; k++) {
            pe.step(0);
        }
        assertEquals(0xffff_ff80, pe.register(0, 3));
        assertEquals(0x80, pe.register(0, 4));
        assertEquals(0xffff_ff80, pe.register(0, 5));
        assertEquals(0xff80, pe.register(0, 6));
        assertEquals(0x007f_ff80, pe.register(0, 7));
        assertEquals(0x7f, pe.register(0, 8));
    }

    @Test
    void branchesGoForwardAndBackwardAndX0StaysZero() {
        PeModel pe = pe(Encoder.b(Opcode.BNE, 1, 0, 8), 0, Encoder.b(Opcode.BLTU, 0, 1, -8),
                Encoder.i(Opcode.ADDI, 0, 0, 5), Encoder.j(Opcode.JAL, 0, -4));
        pe.setRegister(0, 1, 3);
        assertEquals(8, pe.step(0).nextPc());
        assertEquals(0, pe.step(0).nextPc());
        pe.setRegister(0, 1, 0);
        assertEquals(4, pe.step(0).nextPc()); // not taken
        PeModel q = pe(Encoder.i(Opcode.ADDI, 0, 0, 5), Encoder.j(Opcode.JAL, 0, -4));
        Retired r = q.step(0);
        assertEquals(-1, r.rd());
        assertEquals(0, q.register(0, 0));
        assertEquals(0, q.step(0).nextPc());
        assertEquals(0, q.register(0, 0));
    }

    @Test
    void jumpsLinkAndJalrClearsBitZero() {
        PeModel pe = pe(Encoder.i(Opcode.JALR, 1, 2, 1));
        pe.setRegister(0, 2, 0x40);
        Retired r = pe.step(0);
        assertEquals(0x40, r.nextPc());
        assertEquals(1, r.rd());
        assertEquals(4, r.rdValue());
    }

    @Test
    void faultsStopOnlyTheirThreadWithCausePcAndAddress() {
        PeModel pe = pe(Encoder.i(Opcode.LW, 3, 1, 0), Encoder.i(Opcode.ADDI, 3, 0, 1));
        pe.setRegister(0, 1, PeMemoryMap.SCRATCHPAD_BASE + 2);
        Retired r = pe.step(0);
        assertEquals(new Fault(TrapCause.LOAD_ADDRESS_MISALIGNED, 0, PeMemoryMap.SCRATCHPAD_BASE + 2), r.fault());
        assertEquals(ThreadStatus.FAULTED, pe.status(0));
        assertEquals(ThreadStatus.RUNNING, pe.status(1));
        assertNull(pe.step(1).fault());
        assertThrows(IllegalStateException.class, () -> pe.step(0));

        assertEquals(TrapCause.LOAD_ACCESS_FAULT, faultOf(Encoder.i(Opcode.LW, 3, 1, 0), 0x3000_0000));
        assertEquals(TrapCause.LOAD_ACCESS_FAULT, faultOf(Encoder.i(Opcode.LB, 3, 1, 0), PeMemoryMap.CONSOLE));
        assertEquals(TrapCause.STORE_ACCESS_FAULT, faultOf(Encoder.s(Opcode.SW, 1, 0, 0), 0x100));
        assertEquals(TrapCause.STORE_ACCESS_FAULT, faultOf(Encoder.s(Opcode.SW, 1, 0, 0), PeMemoryMap.KERNEL_ARGS_BASE));
        assertEquals(TrapCause.STORE_ACCESS_FAULT, faultOf(Encoder.s(Opcode.SB, 1, 0, 0), PeMemoryMap.GLOBAL_BASE + 4096));
        assertEquals(TrapCause.STORE_ADDRESS_MISALIGNED, faultOf(Encoder.s(Opcode.SH, 1, 0, 0), PeMemoryMap.GLOBAL_BASE + 1));
        assertEquals(TrapCause.ILLEGAL_INSTRUCTION, faultOf(0xffff_ffff, 0));
        assertEquals(TrapCause.ILLEGAL_INSTRUCTION, faultOf(Encoder.csr(Opcode.CSRRW, 0, PeCsr.THREAD_ID, 1), 0));
        assertEquals(TrapCause.ILLEGAL_INSTRUCTION, faultOf(Encoder.csr(Opcode.CSRRS, 1, 0x300, 0), 0));
        assertEquals(TrapCause.INSTRUCTION_ADDRESS_MISALIGNED, faultOf(Encoder.i(Opcode.JALR, 0, 1, 2), 0));
        assertEquals(TrapCause.INSTRUCTION_ADDRESS_MISALIGNED, faultOf(Encoder.b(Opcode.BEQ, 0, 0, 6), 0));
        assertEquals(TrapCause.INSTRUCTION_ACCESS_FAULT, faultOf(Encoder.i(Opcode.JALR, 0, 1, 0), PeMemoryMap.SCRATCHPAD_BASE, 2));
        PeModel ill = pe(0xffff_ffff);
        assertEquals(new Fault(TrapCause.ILLEGAL_INSTRUCTION, 0, 0xffff_ffff), ill.step(0).fault());
    }

    private TrapCause faultOf(int word, int x1) {
        return faultOf(word, x1, 1);
    }

    private TrapCause faultOf(int word, int x1, int steps) {
        PeModel pe = pe(word);
        pe.setRegister(0, 1, x1);
        Retired r = null;
        for (int k = 0; k < steps; k++) {
            r = pe.step(0);
        }
        return r.fault().cause();
    }

    @Test
    void csrsGiveIdentityAndCounters() {
        PeModel pe = pe(Encoder.csr(Opcode.CSRRS, 3, PeCsr.MHARTID, 0), Encoder.csr(Opcode.CSRRS, 4, PeCsr.THREAD_ID, 0),
                Encoder.csr(Opcode.CSRRSI, 5, PeCsr.PE_ID, 0), Encoder.csr(Opcode.CSRRC, 6, PeCsr.THREAD_COUNT, 0),
                Encoder.csr(Opcode.CSRRS, 7, PeCsr.INSTRET, 0), Encoder.csr(Opcode.CSRRS, 8, PeCsr.INSTRETH, 0));
        for (int k = 0; k < 6; k++) {
            pe.step(1);
        }
        assertEquals(5 << 4 | 1, pe.register(1, 3));
        assertEquals(1, pe.register(1, 4));
        assertEquals(5, pe.register(1, 5));
        assertEquals(2, pe.register(1, 6));
        assertEquals(4, pe.register(1, 7));
        assertEquals(0, pe.register(1, 8));
    }

    @Test
    void consoleKernelArgsGlobalMemoryEcallAndTohost() {
        PeModel pe = pe(Encoder.i(Opcode.LW, 10, 1, 4), Encoder.s(Opcode.SB, 2, 10, 0),
                Encoder.s(Opcode.SW, 3, 10, 0), Encoder.i(Opcode.LBU, 11, 3, 3), Encoder.encode(Opcode.ECALL, 0, 0, 0, 0));
        pe.setKernelArg(1, 0x4142_4344);
        pe.setRegister(0, 1, PeMemoryMap.KERNEL_ARGS_BASE);
        pe.setRegister(0, 2, PeMemoryMap.CONSOLE);
        pe.setRegister(0, 3, PeMemoryMap.GLOBAL_BASE + 8);
        for (int k = 0; k < 4; k++) {
            pe.step(0);
        }
        Retired exit = pe.step(0);
        assertEquals(ThreadStatus.EXITED, exit.status());
        assertEquals("D", pe.console());
        assertEquals(0x4142_4344, global.load(8, 4));
        assertEquals(0x4142_4344, pe.exitCode(0));
        assertEquals(0x41, pe.register(0, 11));

        PeModel t = pe(Encoder.s(Opcode.SW, 1, 2, 0), Encoder.j(Opcode.JAL, 0, 0));
        t.setTohostAddress(PeMemoryMap.SCRATCHPAD_BASE);
        for (int th = 0; th < 2; th++) {
            t.setRegister(th, 1, PeMemoryMap.SCRATCHPAD_BASE);
            t.setRegister(th, 2, 7);
        }
        RunResult r = t.run(100);
        assertEquals(RunResult.StopReason.TOHOST, r.reason());
        assertEquals(3, r.failureCode());
        assertEquals(1, r.instructions());

        PeModel spin = pe(Encoder.j(Opcode.JAL, 0, 0));
        assertEquals(RunResult.StopReason.BUDGET_EXHAUSTED, spin.run(1000).reason());
        PeModel brk = pe(Encoder.encode(Opcode.EBREAK, 0, 0, 0, 0));
        RunResult b = brk.run(1000);
        assertEquals(RunResult.StopReason.ALL_STOPPED, b.reason());
        assertEquals(ThreadStatus.BREAK, b.threads().get(1).status());
    }

    @Test
    void traceLinesAreStable() {
        PeModel pe = pe(Encoder.i(Opcode.ADDI, 10, 0, 10), Encoder.s(Opcode.SW, 1, 10, 0), 0xffff_ffff);
        pe.setRegister(0, 1, PeMemoryMap.SCRATCHPAD_BASE);
        assertEquals("t0 00000000 00a00513 x10=0000000a             addi\tx10,x0,10", TraceFormatter.format(pe.step(0), 0));
        assertEquals("t0 00000004 00a0a023 mem[10000000]=0000000a   sw\tx10,0(x1)", TraceFormatter.format(pe.step(0), 0));
        assertEquals("t0 00000008 ffffffff fault ILLEGAL_INSTRUCTION tval=ffffffff .4byte\t0xffffffff",
                TraceFormatter.format(pe.step(0), 0));
    }
}
