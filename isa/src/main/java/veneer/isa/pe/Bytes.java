package veneer.isa.pe;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/** Little-endian access to byte arrays (bounds are checked by the caller's memory map). */
final class Bytes {
    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle SHORT = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);

    private Bytes() {
    }

    /** Zero-extended load of 1, 2 or 4 bytes. */
    static int load(byte[] b, int off, int n) {
        if (n == 4) {
            return (int) INT.get(b, off);
        }
        if (n == 2) {
            return (short) SHORT.get(b, off) & 0xffff;
        }
        return b[off] & 0xff;
    }

    static void store(byte[] b, int off, int n, int v) {
        if (n == 4) {
            INT.set(b, off, v);
        } else if (n == 2) {
            SHORT.set(b, off, (short) v);
        } else {
            b[off] = (byte) v;
        }
    }
}
