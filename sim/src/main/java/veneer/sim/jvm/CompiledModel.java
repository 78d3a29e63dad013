package veneer.sim.jvm;

import java.math.BigInteger;
import java.util.Arrays;
import veneer.sim.flat.FlatMemory;
import veneer.sim.flat.FlatNetlist;
import veneer.sim.jvm.kernel.Activity;
import veneer.sim.jvm.kernel.Kernel;
import veneer.sim.jvm.kernel.WideOps;

/**
 * The fast engine: the netlist compiled by {@link KernelCompiler}, state in one {@code long[]}.
 * A settle runs only the eval chunks whose inputs may have changed ({@link Activity}): this class
 * marks the chunks that read an input poked to a new value, a clocked net that took a new value at
 * the edge (found by comparing the shadow with the state before committing it), or a memory
 * written through a port or the back door that they read asynchronously.
 */
final class CompiledModel implements Model {
  private final StateLayout layout;
  private final Kernel kernel;
  private final int[] memWords;
  private final int generatedClasses;
  private final Activity activity;
  private final KernelCompiler.ActivityPlan plan;
  /** For each word of the clocked region, the clocked net it belongs to. */
  private final int[] clockedNetAt;
  /** Offsets of the enables of the write ports of each memory read asynchronously (else null). */
  private final int[][] writeEnables;

  private CompiledModel(StateLayout layout, KernelCompiler.Compiled compiled) {
    this.layout = layout;
    this.kernel = compiled.kernel();
    this.generatedClasses = compiled.classes();
    this.plan = compiled.plan();
    this.activity = new Activity(plan.chunkReaders());
    kernel.activity = activity;
    FlatNetlist flat = layout.flat;
    clockedNetAt = new int[layout.stateLength];
    for (int net : layout.clocked) {
      Arrays.fill(clockedNetAt, layout.offset[net], layout.offset[net] + StateLayout.words(layout.width(net)), net);
    }
    writeEnables = new int[flat.memories().size()][];
    for (int i = 0; i < writeEnables.length; i++) {
      if (plan.memoryReaders()[i] != null) {
        writeEnables[i] = flat.memories().get(i).writePorts().stream().mapToInt(w -> layout.at(w.enable())).toArray();
      }
    }
    kernel.s = KernelCompiler.initialState(layout);
    kernel.m = new long[flat.memories().size()][];
    memWords = new int[flat.memories().size()];
    for (int i = 0; i < memWords.length; i++) {
      FlatMemory m = flat.memories().get(i);
      memWords[i] = StateLayout.words(m.width());
      kernel.m[i] = new long[m.depth() * memWords[i]];
      if (m.init() != null) {
        for (int a = 0; a < m.depth(); a++) {
          KernelCompiler.storeBig(kernel.m[i], a * memWords[i], m.width(), m.init()[a]);
        }
      }
    }
  }

  static CompiledModel compile(FlatNetlist flat) {
    StateLayout layout = new StateLayout(flat);
    return new CompiledModel(layout, KernelCompiler.compile(layout));
  }

  /** Classes generated for the design: the kernel, its part classes and any caller classes. */
  int generatedClasses() {
    return generatedClasses;
  }

  /** Which chunks run at each settle (for benchmarks and tests). */
  Activity activity() {
    return activity;
  }

  @Override
  public void settle() {
    activity.settled();
    kernel.eval();
  }

  @Override
  public void tick() {
    long[] s = kernel.s;
    for (int i = 0; i < writeEnables.length; i++) {
      if (writeEnables[i] != null) {
        for (int en : writeEnables[i]) {
          if (s[en] != 0) {
            activity.mark(plan.memoryReaders()[i]);
            break;
          }
        }
      }
    }
    kernel.tick();
    int n = layout.stateLength;
    int at = 0;
    while (at < n) {
      int d = Arrays.mismatch(s, at, n, s, n + at, n + n);
      if (d < 0) {
        break;
      }
      int net = clockedNetAt[at + d];
      activity.mark(plan.netReaders()[net]);
      at = layout.offset[net] + StateLayout.words(layout.width(net));
    }
    System.arraycopy(s, n, s, 0, n);
  }

  @Override
  public long narrow(int net) {
    return kernel.s[layout.offset[net]];
  }

  @Override
  public BigInteger value(int net) {
    return WideOps.load(kernel.s, layout.offset[net], layout.width(net));
  }

  @Override
  public void setInput(int net, BigInteger value) {
    int off = layout.offset[net];
    int words = StateLayout.words(layout.width(net));
    long[] before = Arrays.copyOfRange(kernel.s, off, off + words);
    KernelCompiler.storeBig(kernel.s, off, layout.width(net), value);
    if (Arrays.mismatch(before, 0, words, kernel.s, off, off + words) >= 0) {
      activity.mark(plan.netReaders()[net]);
    }
  }

  @Override
  public void setInput(int net, long value) {
    int off = layout.offset[net];
    if (kernel.s[off] != value) {
      kernel.s[off] = value;
      activity.mark(plan.netReaders()[net]);
    }
  }

  @Override
  public BigInteger readWord(int memory, int addr) {
    long[] words = new long[memWords[memory]];
    System.arraycopy(kernel.m[memory], addr * words.length, words, 0, words.length);
    return WideOps.load(words, 0, layout.flat.memories().get(memory).width());
  }

  @Override
  public void writeWord(int memory, int addr, BigInteger value) {
    KernelCompiler.storeBig(kernel.m[memory], addr * memWords[memory],
        layout.flat.memories().get(memory).width(), value);
    activity.mark(plan.memoryReaders()[memory]);
  }
}
