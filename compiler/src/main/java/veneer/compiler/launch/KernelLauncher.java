package veneer.compiler.launch;

import veneer.compiler.CompiledKernel;
import veneer.isa.elf.ElfFile;
import veneer.isa.pe.ArrayGlobalMemory;
import veneer.isa.pe.PeConfig;
import veneer.isa.pe.PeModel;
import veneer.isa.pe.RunResult;
import veneer.isa.pe.ThreadStatus;
import veneer.kernel.KernelFailure;
import veneer.kernel.WorkRange;

import java.util.Optional;

/**
 * Runs a compiled kernel on the reference PE model ({@link PeModel}), the functional back end:
 * lays the arguments out in global memory with {@link DeviceLaunch} (each array after its length
 * word, then the failure table), runs T hardware threads on each of P PE models, copies the
 * arrays back into the Java arrays and reads the failure table, exactly as a device host does.
 *
 * <pre>{@code
 * CompiledKernel k = KernelCompiler.compile(VectorAdd.class, "add", CompileOptions.defaults());
 * KernelLauncher.runOrThrow(k, WorkRange.of(16), 4, a, b, c);   // throws KernelTrapException on a Java failure
 * }</pre>
 */
public final class KernelLauncher {
  /** Instruction budget of one launch, so that a broken kernel cannot hang a test. */
  public static final long DEFAULT_BUDGET = 500_000_000L;

  /** What a launch did: the failure if any, and the instructions the PE issued. */
  public record Result(Optional<KernelFailure> failure, long instructions) {
  }

  private KernelLauncher() {
  }

  /** Runs and returns the failure (the one with the lowest work-item), if any. */
  public static Optional<KernelFailure> run(CompiledKernel k, WorkRange range, int threads, Object... args) {
    return launch(k, PeConfig.defaults().withThreads(threads), range, DEFAULT_BUDGET, args).failure();
  }

  /** Runs and throws {@link KernelTrapException} if the kernel failed. */
  public static void runOrThrow(CompiledKernel k, WorkRange range, int threads, Object... args) {
    Optional<KernelFailure> f = run(k, range, threads, args);
    if (f.isPresent()) {
      throw new KernelTrapException(k.name(), f.get());
    }
  }

  /** Full control: PE configuration and instruction budget; one PE. */
  public static Result launch(CompiledKernel k, PeConfig config, WorkRange range, long budget, Object... args) {
    return launchOnPes(k, config, range, budget, 1, args);
  }

  /**
   * Runs the launch on {@code pes} PE models with ids 0..pes-1 that share one global memory, one after
   * the other (each with {@code budget} instructions); {@code config}'s PE id is replaced. Like the PE
   * array, every PE runs the whole program and takes its share of the work-items; failures are reported
   * through the failure table.
   */
  public static Result launchOnPes(CompiledKernel k, PeConfig config, WorkRange range, long budget, int pes, Object... args) {
    int t = config.threads();
    DeviceLaunch plan = DeviceLaunch.of(k, range, pes, t, config.scratchpadBytes());
    if (args.length != k.layout().params().size()) {
      throw new IllegalArgumentException("kernel " + k.name() + " takes " + k.layout().params().size()
          + " arguments, found " + args.length);
    }
    // global memory: every argument's image, then the failure table
    long[] at = new long[args.length];
    long size = 16;
    for (int i = 0; i < args.length; i++) {
      at[i] = size;
      size += plan.imageBytes(i, args[i]);
    }
    long table = size;
    size += plan.failureTableBytes();
    if (size > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("kernel arguments need " + size + " bytes of global memory; at most 2 GiB fit");
    }
    ArrayGlobalMemory mem = new ArrayGlobalMemory((int) size);
    long[] pa = new long[args.length];
    for (int i = 0; i < args.length; i++) {
      byte[] image = plan.image(i, args[i]);
      System.arraycopy(image, 0, mem.bytes(), (int) at[i], image.length);
      pa[i] = DeviceLaunch.peAddress(at[i]);
    }
    int[] words = plan.argumentWords(DeviceLaunch.peAddress(table), args, pa);
    ElfFile elf = ElfFile.parse(k.elf());
    long instructions = 0;
    for (int p = 0; p < pes; p++) {
      PeModel pe = new PeModel(config.withPeId(p), mem);
      pe.load(elf);
      for (int w = 0; w < words.length; w++) {
        pe.setKernelArg(w, words[w]);
      }
      RunResult r = pe.run(budget);
      if (r.reason() == RunResult.StopReason.BUDGET_EXHAUSTED) {
        throw new IllegalStateException("kernel " + k.name() + " did not finish within " + budget + " instructions on PE " + p);
      }
      for (int th = 0; th < t; th++) {
        RunResult.ThreadResult tr = r.threads().get(th);
        if (tr.status() != ThreadStatus.EXITED || tr.exitCode() != 0) {
          throw new IllegalStateException("kernel " + k.name() + ": hardware thread " + th + " of PE " + p + " stopped with "
              + tr.status() + (tr.fault() != null ? " " + tr.fault() : " exit code " + tr.exitCode())
              + "; a compiled kernel must only end by its exit");
        }
      }
      instructions += r.instructions();
    }
    int[] records = new int[plan.failureTableBytes() / 4];
    for (int i = 0; i < records.length; i++) {
      records[i] = mem.load(table + 4L * i, 4);
    }
    for (int i = 0; i < args.length; i++) {
      int n = plan.imageBytes(i, args[i]);
      byte[] image = new byte[n];
      System.arraycopy(mem.bytes(), (int) at[i], image, 0, n);
      plan.readBack(i, image, args[i]);
    }
    return new Result(plan.failure(records), instructions);
  }
}
