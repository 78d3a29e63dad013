package veneer.isa.pe;

/**
 * Why a thread stopped abnormally, with the RISC-V mcause exception codes.
 *
 * <pre>{@code
 * TrapCause.LOAD_ACCESS_FAULT.code() == 5
 * }</pre>
 */
public enum TrapCause {
    INSTRUCTION_ADDRESS_MISALIGNED(0),
    INSTRUCTION_ACCESS_FAULT(1),
    ILLEGAL_INSTRUCTION(2),
    BREAKPOINT(3),
    LOAD_ADDRESS_MISALIGNED(4),
    LOAD_ACCESS_FAULT(5),
    STORE_ADDRESS_MISALIGNED(6),
    STORE_ACCESS_FAULT(7),
    ECALL_FROM_M_MODE(11);

    private static final TrapCause[] BY_CODE = new TrapCause[16];

    static {
        for (TrapCause c : values()) {
            BY_CODE[c.code] = c;
        }
    }

    private final int code;

    TrapCause(int code) {
        this.code = code;
    }

    /** The mcause exception code. */
    public int code() {
        return code;
    }

    /** The cause with mcause code {@code code}. */
    public static TrapCause of(int code) {
        TrapCause c = code >= 0 && code < BY_CODE.length ? BY_CODE[code] : null;
        if (c == null) {
            throw new IllegalArgumentException("no PE trap cause has mcause code " + code);
        }
        return c;
    }
}
