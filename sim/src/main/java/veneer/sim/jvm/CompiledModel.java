package veneer.sim.jvm;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
  private final int combNets;
  private final int storedCombNets;
  private final int sharedMethods;
  private final int sharedCalls;
  /** Wall time of layout, code generation and class loading, for {@link #stats}. */
  private long compileNanos;
  private final Activity activity;
  private final KernelCompiler.ActivityPlan plan;
  /**
   * The clocked region as runs of consecutive words whose nets have the same set of reader chunks
   * ({@link #readerSets}; words no eval chunk reads are in no run): run {@code r} is words
   * {@code runFrom[r]} to {@code runTo[r]} (exclusive) with set {@code runSet[r]}. Many nets share
   * a set (the registers of one PE, read by the same few chunks), so an edge checks each run with
   * a branch-free loop and marks each set at most once.
   */
  private final int[] runFrom;
  private final int[] runTo;
  private final int[] runSet;
  private final int[][] readerSets;
  /** The edge at which each reader set was last marked. */
  private final long[] markedAt;
  private long edges;
  /**
   * Edges to run in <em>dense</em> mode: when nearly every chunk runs at every settle anyway (a
   * small design whose state all changes), finding what changed costs more than it saves, so for
   * a while every edge just marks every chunk. Then {@link #WINDOW} edges measure again.
   */
  private int denseEdges;
  private long denseCount;
  private int windowEdges;
  private long windowRuns;
  private long windowSettles;
  static final int WINDOW = 1024;
  static final int DENSE_EDGES = 16 * WINDOW;
  /** Offsets of the enables of the write ports of each memory read asynchronously (else null). */
  private final int[][] writeEnables;

  private CompiledModel(StateLayout layout, KernelCompiler.Compiled compiled) {
    this.layout = layout;
    this.kernel = compiled.kernel();
    this.generatedClasses = compiled.classes();
    this.combNets = compiled.combNets();
    this.storedCombNets = compiled.storedCombNets();
    this.plan = compiled.plan();
    this.activity = new Activity(plan.chunkReaders());
    kernel.activity = activity;
    kernel.tables = compiled.tables();
    kernel.tickTables = compiled.tickTables();
    this.sharedMethods = compiled.sharedMethods();
    this.sharedCalls = compiled.sharedCalls();
    FlatNetlist flat = layout.flat;
    int[] setAt = new int[layout.stateLength];
    Map<List<Integer>, Integer> setIds = new HashMap<>();
    List<int[]> sets = new ArrayList<>();
    for (int net : layout.clocked) {
      int end = layout.offset[net] + StateLayout.words(layout.width(net));
      int[] readers = plan.netReaders()[net];
      int id = -1;
      if (readers != null) {
        id = setIds.computeIfAbsent(Arrays.stream(readers).boxed().toList(), k -> {
          sets.add(readers);
          return sets.size() - 1;
        });
      }
      Arrays.fill(setAt, layout.offset[net], end, id);
    }
    List<int[]> runs = new ArrayList<>();
    for (int i = 0; i < setAt.length; ) {
      int j = i;
      while (j < setAt.length && setAt[j] == setAt[i]) {
        j++;
      }
      if (setAt[i] >= 0) {
        runs.add(new int[] {i, j, setAt[i]});
      }
      i = j;
    }
    runFrom = runs.stream().mapToInt(r -> r[0]).toArray();
    runTo = runs.stream().mapToInt(r -> r[1]).toArray();
    runSet = runs.stream().mapToInt(r -> r[2]).toArray();
    readerSets = sets.toArray(new int[0][]);
    markedAt = new long[readerSets.length];
    Arrays.fill(markedAt, -1);
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
    long t0 = System.nanoTime();
    StateLayout layout = new StateLayout(flat);
    CompiledModel model = new CompiledModel(layout, KernelCompiler.compile(layout));
    model.compileNanos = System.nanoTime() - t0;
    return model;
  }

  /** Classes generated for the design: the kernel, its part classes and any caller classes. */
  int generatedClasses() {
    return generatedClasses;
  }

  /** Combinational nets of the design. */
  int combNets() {
    return combNets;
  }

  /** Combinational nets whose values are stored in the state array (the others stay in their chunk's locals). */
  int storedCombNets() {
    return storedCombNets;
  }

  /** Methods holding eval code shared by several chunks (of repeated instances). */
  int sharedMethods() {
    return sharedMethods;
  }

  /** One line on how much of the design the settles ran (printed at close with {@code -Dveneer.jvm.stats=true}). */
  String stats() {
    return String.format(Locale.ROOT, "%s: compiled in %.1f s, %d of %d combinational nets stored, %d eval chunks (%d of them shared), %d shared methods (eval and tick), %d settles ran %d chunks (%.1f per settle), %d edges (%d"
        + " of them dense)", layout.flat.topName(), compileNanos / 1e9, storedCombNets, combNets, activity.chunks(), sharedCalls, sharedMethods, activity.settles(), activity.runs(),
        activity.runs() / Math.max(1.0, activity.settles()), edges + denseCount, denseCount);
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
    if (denseEdges > 0) {
      denseEdges--;
      denseCount++;
      activity.markAll();
      System.arraycopy(s, n, s, 0, n);
      return;
    }
    measureDensity();
    long edge = edges++;
    for (int r = 0; r < runSet.length; r++) {
      int set = runSet[r];
      if (markedAt[set] != edge) {
        long diff = 0;
        for (int i = runFrom[r], to = runTo[r]; i < to; i++) {
          diff |= s[i] ^ s[n + i];
        }
        if (diff != 0) {
          markedAt[set] = edge;
          activity.mark(readerSets[set]);
        }
      }
    }
    System.arraycopy(s, n, s, 0, n);
  }

  /** At the end of each window of sparse edges: goes dense if 90 % of the chunks ran in it. */
  private void measureDensity() {
    if (++windowEdges < WINDOW) {
      return;
    }
    long runs = activity.runs() - windowRuns;
    long possible = (activity.settles() - windowSettles) * activity.chunks();
    if (runs * 10 >= possible * 9) {
      denseEdges = DENSE_EDGES;
    }
    windowEdges = 0;
    windowRuns = activity.runs();
    windowSettles = activity.settles();
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
