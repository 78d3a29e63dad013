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
 * @param coarsening   work-item coarsening factor K (1..{@value #MAX_COARSENING}): where it is legal, one loop step of a
 *                     hardware thread runs K consecutive work-items (docs/compiler.md, "Work-item coarsening"); 1 = off
 */
public record CompileOptions(int imemBytes, boolean specialise, boolean verify, boolean boundsChecks, boolean qemuUser,
                             int coarsening) {
  /** Where a {@link #qemuUser} build reads thread id, PE id, T and its return address. */
  public static final int QEMU_IDS = 0x2000_0010;
  /** Default {@link #coarsening}: 16 ints are one 64-byte DRAM line. */
  public static final int DEFAULT_COARSENING = 16;
  /** Largest {@link #coarsening} (the element offsets of a block must fit a 12-bit immediate). */
  public static final int MAX_COARSENING = 64;

  public CompileOptions {
    if (imemBytes <= 0 || imemBytes % 4 != 0) {
      throw new IllegalArgumentException("imemBytes must be a positive multiple of 4, found " + imemBytes);
    }
    if (coarsening < 1 || coarsening > MAX_COARSENING) {
      throw new IllegalArgumentException("coarsening must be 1.." + MAX_COARSENING + " work-items per step, found " + coarsening);
    }
  }

  /** 16 KiB IMEM, specialised copies, no IR verification (the tests verify), bounds checks, for the PE, coarsening 16. */
  public static CompileOptions defaults() {
    return new CompileOptions(veneer.isa.pe.PeMemoryMap.IMEM_DEFAULT_BYTES, true, false, true, false, DEFAULT_COARSENING);
  }

  public CompileOptions withImemBytes(int n) {
    return new CompileOptions(n, specialise, verify, boundsChecks, qemuUser, coarsening);
  }

  public CompileOptions withSpecialise(boolean s) {
    return new CompileOptions(imemBytes, s, verify, boundsChecks, qemuUser, coarsening);
  }

  public CompileOptions withVerify(boolean v) {
    return new CompileOptions(imemBytes, specialise, v, boundsChecks, qemuUser, coarsening);
  }

  public CompileOptions withBoundsChecks(boolean b) {
    return new CompileOptions(imemBytes, specialise, verify, b, qemuUser, coarsening);
  }

  /** {@code k} consecutive work-items per loop step where legal; 1 turns coarsening off. */
  public CompileOptions withCoarsening(int k) {
    return new CompileOptions(imemBytes, specialise, verify, boundsChecks, qemuUser, k);
  }

  public CompileOptions withQemuUser(boolean q) {
    return new CompileOptions(imemBytes, specialise, verify, boundsChecks, q, coarsening);
  }
}
