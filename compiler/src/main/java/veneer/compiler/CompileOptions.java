package veneer.compiler;

/**
 * Options of {@link KernelCompiler#compile(Class, String, CompileOptions)}.
 *
 * <pre>{@code
 * CompiledKernel k = KernelCompiler.compile(VectorAdd.class, "add", CompileOptions.defaults().withImemBytes(32 * 1024));
 * }</pre>
 *
 * @param imemBytes   instruction memory the code (plus the trap-site table) must fit in
 * @param specialise  emit a second copy of the body without the null checks of array parameters,
 *                    chosen per thread when all of them are non-null (dropped again if IMEM is too small)
 * @param verify      verify the IR after every pass
 */
public record CompileOptions(int imemBytes, boolean specialise, boolean verify) {
    public CompileOptions {
        if (imemBytes <= 0 || imemBytes % 4 != 0) {
            throw new IllegalArgumentException("imemBytes must be a positive multiple of 4, found " + imemBytes);
        }
    }

    /** 16 KiB IMEM, specialised copies, no IR verification (the tests verify). */
    public static CompileOptions defaults() {
        return new CompileOptions(veneer.isa.pe.PeMemoryMap.IMEM_DEFAULT_BYTES, true, false);
    }

    public CompileOptions withImemBytes(int n) {
        return new CompileOptions(n, specialise, verify);
    }

    public CompileOptions withSpecialise(boolean s) {
        return new CompileOptions(imemBytes, s, verify);
    }

    public CompileOptions withVerify(boolean v) {
        return new CompileOptions(imemBytes, specialise, v);
    }
}
