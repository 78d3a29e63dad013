package veneer.compiler;

import veneer.compiler.launch.KernelLauncher;
import veneer.isa.pe.PeConfig;
import veneer.kernel.KernelFailure;
import veneer.kernel.WorkRange;

import java.util.Arrays;
import java.util.Optional;

/** Test oracle for the back end: JVM run vs the compiled kernel on the PE model, failures and arrays. */
public final class PeOracle {
  private PeOracle() {
  }

  /** Compiles (verifying the IR after every pass), runs on {@code threads} threads, compares with the JVM. */
  public static Oracle.Run check(Class<?> owner, String kernel, WorkRange range, int threads, CompileOptions options, Object... args) {
    return check(owner, kernel, range, 1, threads, options, args);
  }

  /** As {@link #check(Class, String, WorkRange, int, CompileOptions, Object...)} on {@code pes} PE models sharing one memory. */
  public static Oracle.Run check(Class<?> owner, String kernel, WorkRange range, int pes, int threads, CompileOptions options,
                   Object... args) {
    Oracle.Run expected = Oracle.jvm(owner, kernel, range, args);
    CompiledKernel k = KernelCompiler.compile(owner, kernel, options.withVerify(true));
    if (k.teamMode() && range.groupSize() > threads) {
      threads = 16;
    }
    Object[] copy = Oracle.deepCopy(args);
    Optional<KernelFailure> f = KernelLauncher.launchOnPes(k, PeConfig.defaults().withThreads(threads), range,
        KernelLauncher.DEFAULT_BUDGET, pes, copy).failure();
    if (!expected.failure().equals(f)) {
      throw new AssertionError("JVM failure " + expected.failure().map(Object::toString).orElse("none")
          + " but PE failure " + f.map(Object::toString).orElse("none") + " (" + pes + " PEs x " + threads + " threads)\n" + k.ir() + "\n" + k.asm());
    }
    for (int i = 0; i < args.length; i++) {
      if (!Arrays.deepEquals(new Object[] {expected.memory()[i]}, new Object[] {copy[i]})) {
        throw new AssertionError("argument " + i + " differs (" + pes + " PEs x " + threads + " threads):\n JVM "
            + Arrays.deepToString(new Object[] {expected.memory()[i]}) + "\n PE  "
            + Arrays.deepToString(new Object[] {copy[i]}) + "\n" + k.ir() + "\n" + k.asm());
      }
    }
    return expected;
  }
}
