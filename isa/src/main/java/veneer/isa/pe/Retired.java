package veneer.isa.pe;

/**
 * What one {@link PeModel#step(int)} did: the unit of lockstep comparison with the RTL.
 *
 * <p>An instruction that faults is reported with {@code fault != null}, no register written and
 * no memory access; ECALL/EBREAK are reported with {@code status} EXITED/BREAK.
 *
 * @param thread hardware thread index
 * @param pc address of the instruction
 * @param word the instruction word (0 if the fetch itself faulted)
 * @param rd register written (1..31), or -1 if none (x0 targets count as none)
 * @param rdValue value written to rd
 * @param memAccess what the data access was
 * @param memAddress the data address (loads and stores)
 * @param memValue value loaded (after extension) or stored (low bytes)
 * @param memBytes access size 1, 2 or 4
 * @param nextPc the thread's pc afterwards
 * @param status the thread's status afterwards
 * @param fault the fault, or null
 */
public record Retired(int thread, int pc, int word, int rd, int rdValue, MemAccess memAccess, int memAddress,
                      int memValue, int memBytes, int nextPc, ThreadStatus status, Fault fault) {

    /** Kind of data-memory access. */
    public enum MemAccess { NONE, LOAD, STORE }

    /** Whether a register was written. */
    public boolean wroteRegister() {
        return rd > 0;
    }
}
