package veneer.isa.pe;

import veneer.isa.Disassembler;

/**
 * One text line per retired instruction, stable so that traces of the model and of the RTL can
 * be diffed: thread, pc, word, register write, memory access or stop, then the disassembly.
 *
 * <pre>
 * t0 00000010 00a00513 x10=0000000a            addi	x10,x0,10
 * t1 00000014 00b52023 mem[10000040]=0000000b  sw	x11,0(x10)
 * t0 00000018 00000073 exit(0)                 ecall
 * t2 0000001c 0000a283 fault LOAD_ADDRESS_MISALIGNED tval=00000001  lw	x5,0(x1)
 * </pre>
 */
public final class TraceFormatter {
    private TraceFormatter() {
    }

    /** Formats one retired instruction (exit codes need the model: pass it for ECALL lines). */
    public static String format(Retired r, int exitCode) {
        String effect;
        if (r.fault() != null) {
            effect = String.format("fault %s tval=%08x", r.fault().cause(), r.fault().tval());
        } else if (r.status() == ThreadStatus.EXITED) {
            effect = "exit(" + exitCode + ")";
        } else if (r.status() == ThreadStatus.BREAK) {
            effect = "break";
        } else if (r.memAccess() == Retired.MemAccess.STORE) {
            effect = String.format("mem[%08x]=%s", r.memAddress(), hex(r.memValue(), r.memBytes()));
        } else if (r.wroteRegister()) {
            effect = String.format("x%d=%08x", r.rd(), r.rdValue());
        } else {
            effect = "-";
        }
        String text = r.fault() != null && r.fault().cause() == TrapCause.INSTRUCTION_ACCESS_FAULT
                ? "" : Disassembler.disassemble(r.word(), r.pc());
        return String.format("t%d %08x %08x %-24s %s", r.thread(), r.pc(), r.word(), effect, text);
    }

    private static String hex(int v, int bytes) {
        return bytes == 1 ? String.format("%02x", v & 0xff) : bytes == 2 ? String.format("%04x", v & 0xffff)
                : String.format("%08x", v);
    }
}
