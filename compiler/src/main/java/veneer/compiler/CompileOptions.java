package veneer.compiler;

/**
 * Options of {@link KernelCompiler#compile(Class, String, CompileOptions)}.
 *
 * <pre>{@code
 * CompiledKernel k = KernelCompiler.compile(VectorAdd.class, "add", CompileOptions.defaults().withImemBytes(32 * 1024));
 * }</pre>
 *
 * @param imemBytes    instruction memory the code (plus the trap-site table) must fit in
 * @param specialise   emit a second copy of the body without the null checks of array parameters,
 *                     chosen per thread when all of them are non-null (dropped again if IMEM is too small)
 * @param verify       verify the IR after every pass
 * @param boundsChecks keep the array bounds checks; {@code false} drops them (for measuring what they cost:
 *                     an out-of-range index then reads or writes whatever is there, unlike Java)
 * @param qemuUser     build for the qemu-riscv32 harness instead of the PE: the thread id, PE id and T are read
 *                     from the words at {@link #QEMU_IDS} (+0, +4, +8) instead of the custom CSRs, and a thread
 *                     ends by jumping to the address in the word at {@code QEMU_IDS + 12} instead of {@code ecall}
 */
public record CompileOptions(int imemBytes, boolean specialise, boolean verify, boolean boundsChecks, boolean qemuUser) {
  /** Where a {@link #qemuUser} build reads thread id, PE id, T and its return address. */
  public static final int QEMU_IDS = 0x2000_0010;

  public CompileOptions {
    if (imemBytes <= 0 || imemBytes % 4 != 0) {
      throw new IllegalArgumentException("imemBytes must be a positive multiple of 4, found " + imemBytes);
    }
  }

  /** 16 KiB IMEM, specialised copies, no IR verification (the tests verify), bounds checks, for the PE. */
  public static CompileOptions defaults() {
    return new CompileOptions(veneer.isa.pe.PeMemoryMap.IMEM_DEFAULT_BYTES, true, false, true, false);
  }

  public CompileOptions withImemBytes(int n) {
    return new CompileOptions(n, specialise, verify, boundsChecks, qemuUser);
  }

  public CompileOptions withSpecialise(boolean s) {
    return new CompileOptions(imemBytes, s, verify, boundsChecks, qemuUser);
  }

  public CompileOptions withVerify(boolean v) {
    return new CompileOptions(imemBytes, specialise, v, boundsChecks, qemuUser);
  }

  public CompileOptions withBoundsChecks(boolean b) {
    return new CompileOptions(imemBytes, specialise, verify, b, qemuUser);
  }

  public CompileOptions withQemuUser(boolean q) {
    return new CompileOptions(imemBytes, specialise, verify, boundsChecks, q);
  }
}
