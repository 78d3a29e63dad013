package veneer.isa.pe;

/**
 * The precise status of a thread stopped by a fault.
 *
 * @param cause why (mcause code via {@link TrapCause#code()})
 * @param pc the faulting instruction's address
 * @param tval the faulting data/target address, or the instruction word for illegal instructions
 */
public record Fault(TrapCause cause, int pc, int tval) {
    @Override
    public String toString() {
        return String.format("%s (mcause %d) at pc 0x%08x, tval 0x%08x", cause, cause.code(), pc, tval);
    }
}
