package veneer.isa;

/**
 * An instruction's operands do not fit its encoding (register out of 0..31, immediate out of
 * range or misaligned, CSR out of 0..4095). The message names the instruction, the field, what
 * was expected and what was given.
 */
public final class EncodingException extends IllegalArgumentException {
    public EncodingException(String message) {
        super(message);
    }
}
