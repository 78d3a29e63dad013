package veneer.sim.jvm;

import static org.objectweb.asm.Opcodes.*;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import veneer.hdl.ir.Op;
import veneer.sim.flat.CombOrder;
import veneer.sim.flat.FlatDriver;
import veneer.sim.flat.FlatMemory;
import veneer.sim.flat.FlatNetlist;
import veneer.sim.jvm.kernel.Kernel;

/**
 * Compiles a flat netlist into JVM classes: a class extending {@link Kernel} whose {@code eval()}
 * computes every combinational net in topological order and whose {@code tick()} performs a
 * clock edge. Nets of up to 64 bits are computed inline with branch-free long arithmetic; wider
 * ones call {@link veneer.sim.jvm.kernel.WideOps}. Both methods are split into static chunk
 * methods of at most about {@link #CHUNK_BYTES} bytes of bytecode, well below HotSpot's 8000-byte
 * limit beyond which it does not compile a method, and leaving room to inline the small helpers.
 * The chunks live in as many part classes as the class-file limits need ({@link ChunkSequence}),
 * so a design of any size compiles.
 *
 * <p>The eval chunks are <em>gated</em> ({@link ChunkSequence#gated}): a chunk runs only when
 * {@link veneer.sim.jvm.kernel.Activity} marks it dirty. Eval is generated twice: a first pass
 * emits into nothing, only to find where the chunks end; the second cuts at the same places and,
 * knowing which nets later chunks read ("exported" nets), adds code that compares each exported
 * net's new value with its old one, so a chunk reports a change only when one happened. The
 * {@link ActivityPlan} says which chunks read each state net, memory and exported chunk.
 *
 * <p><b>Repeated instances share code.</b> Chunks are cut where the order passes from one repeated
 * instance ({@link RepeatedInstances}: 16 PEs, 16 line coalescers) to another, and a chunk of a
 * repeated instance is recorded in table mode ({@link ChunkCode}): every state offset and memory
 * index it uses is read from its own {@code int[]} table. Chunks of two instances of one module
 * then record the same code, which {@link ChunkSequence} emits once and calls once per instance
 * with that instance's table (and its own activity flag). A chunk whose code no other chunk
 * records is emitted with its numbers inline, as before.
 */
final class KernelCompiler {
  /** Bytecode budget of one generated method. */
  static final int CHUNK_BYTES = 4000;
  /** Runs of nets of one instance shorter than this join the chunk before them ({@link #evalUnits}). */
  static final int SMALL_RUN = 32;
  private static final AtomicInteger CLASSES = new AtomicInteger();
  private static final String KERNEL = "veneer/sim/jvm/kernel/Kernel";
  private static final String NARROW = "veneer/sim/jvm/kernel/NarrowOps";
  private static final String WIDE = "veneer/sim/jvm/kernel/WideOps";
  private static final String WIDE_OP = "([JIIIIIII)V";
  /** Locals of every chunk: the state array and the memories, then cached values. */
  private static final int S = 0;
  private static final int M = 1;
  private static final int FIRST_LOCAL = 2;
  /** Locals of a gated eval chunk: s, m, the change accumulator (a long), then cached values. */
  private static final int FIRST_GATED_LOCAL = 4;
  /** Locals of a table-mode eval chunk: s, m, the table, the change accumulator, then cached values. */
  private static final int FIRST_TABLE_LOCAL = 5;
  /** Locals of a table-mode tick chunk: s, m, the table, then cached values. */
  private static final int FIRST_TABLE_TICK_LOCAL = 3;
  private static final MethodVisitor NOWHERE = new MethodVisitor(Opcodes.ASM9) {};

  private final StateLayout layout;
  private final FlatNetlist flat;
  private final String className;
  private final Map<String, byte[]> classes = new LinkedHashMap<>();
  private final RepeatedInstances units;
  private ChunkSequence sequence;
  private MethodVisitor mv;
  /** The repeated instance whose nets the open eval chunk computes (-1: none). */
  private int chunkUnit = -1;
  /** The open eval chunk reads offsets from its table ({@link ChunkCode}): it belongs to a unit. */
  private boolean tableMode;
  /** The open eval chunk's recorded code (null while planning). */
  private ChunkCode code;
  /** Its slots while planning (to count their bytes), in the second pass those of {@link #code}. */
  private final Map<Integer, Integer> planSlots = new HashMap<>();
  /** Every eval chunk, recorded, in order. */
  private final List<ChunkCode> evalCodes = new ArrayList<>();
  /** Every tick chunk, recorded, in order. */
  private final List<ChunkCode> tickCodes = new ArrayList<>();
  /** The local collecting a gated chunk's changes. */
  private int changedLocal = ChunkSequence.CHANGED;
  private int sharedMethods;
  /** Eval chunks that run shared code. */
  private int sharedCalls;
  private int bytes;
  private final Map<Integer, Integer> cache = new HashMap<>();
  private int nextLocal;
  /** Emitting the eval sequence (gated), rather than tick. */
  private boolean eval;
  /** The first eval pass: code goes nowhere, only chunk ends are found. */
  private boolean planning;
  /** Which calls of {@link #splitIfFull} ended a chunk in the planning pass, by call number. */
  private final BitSet splits = new BitSet();
  private int splitCalls;
  /** The eval chunk being emitted, from 0. */
  private int chunk = -1;
  /** First and last eval chunk holding each net's code (a wide concatenation may span several). */
  private final int[] chunkFirst;
  private final int[] chunkLast;
  /** Nets read by a later eval chunk than the one that finishes them. */
  private final boolean[] exported;
  /**
   * Nets whose value must be in {@code s}: all but the narrow intermediates that only operators of
   * their own chunk read (through the chunk's locals). See {@link #findKept}.
   */
  private final boolean[] kept;
  /** Eval chunks that always report a change (they hold part of a net that spans chunks). */
  private final BitSet alwaysChanged = new BitSet();

  /**
   * Which eval chunks read what, for {@link veneer.sim.jvm.kernel.Activity}: {@code chunkReaders[c]}
   * the later chunks reading a net chunk {@code c} exports; {@code netReaders[n]} the chunks reading
   * state net {@code n} (an input, a register, synchronous read data), null if none;
   * {@code memoryReaders[i]} the chunks reading memory {@code i} asynchronously, null if none.
   */
  record ActivityPlan(int[][] chunkReaders, int[][] netReaders, int[][] memoryReaders) {}

  private KernelCompiler(StateLayout layout) {
    this.layout = layout;
    this.flat = layout.flat;
    String top = flat.topName().replaceAll("[^A-Za-z0-9_]", "_");
    this.className = "veneer/sim/jvm/kernel/Gen" + CLASSES.incrementAndGet() + "_" + top;
    int n = flat.nets().size();
    chunkFirst = new int[n];
    chunkLast = new int[n];
    exported = new boolean[n];
    kept = new boolean[n];
    units = RepeatedInstances.of(flat);
  }

  /**
   * A loaded kernel, how many classes were generated for it, who reads what, and how many of the
   * combinational nets are stored in the state array (the rest live only in their chunk's locals).
   */
  record Compiled(Kernel kernel, int classes, ActivityPlan plan, int combNets, int storedCombNets, int[][] tables,
      int[][] tickTables, int sharedMethods, int sharedCalls) {}

  /** Generates, loads and instantiates the kernel classes for {@code layout}. */
  static Compiled compile(StateLayout layout) {
    KernelCompiler c = new KernelCompiler(layout);
    Map<String, byte[]> classes = c.generate();
    int count = classes.size();
    try {
      Class<?> k = new KernelLoader(Kernel.class.getClassLoader(), classes).loadClass(c.className.replace('/', '.'));
      int stored = 0;
      for (int net : layout.combOrder) {
        stored += c.kept[net] ? 1 : 0;
      }
      return new Compiled((Kernel) k.getDeclaredConstructor().newInstance(), count, c.plan(), layout.combOrder.length,
          stored, tables(c.evalCodes), tables(c.tickCodes), c.sharedMethods, c.sharedCalls);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot load the compiled model of " + layout.flat.topName(), e);
    }
  }

  private static int[][] tables(List<ChunkCode> codes) {
    int[][] tables = new int[codes.size()][];
    for (int i = 0; i < tables.length; i++) {
      ChunkCode code = codes.get(i);
      tables[i] = code.tableMode() ? code.table() : null;
    }
    return tables;
  }

  /**
   * Adds recorded chunks to {@code seq} in order; a shape that several table-mode chunks recorded
   * becomes one method, called with each chunk's table.
   */
  private static void addShared(ChunkSequence seq, List<ChunkCode> codes) {
    Map<ChunkCode.Shape, Integer> uses = new HashMap<>();
    for (ChunkCode c : codes) {
      if (c.tableMode()) {
        uses.merge(c.shape(), 1, Integer::sum);
      }
    }
    for (ChunkCode c : codes) {
      seq.add(c, c.tableMode() && uses.get(c.shape()) > 1);
    }
  }

  /** Every generated class file by internal name; the kernel class is the last one. */
  Map<String, byte[]> generate() {
    eval = true;
    planning = true;
    emitEval();
    int chunks = chunk + 1;
    findExports();
    findKept();
    boolean[] dropped = new boolean[kept.length];
    for (int net : layout.combOrder) {
      dropped[net] = !kept[net];
    }
    layout.dropUnstored(dropped);
    planning = false;
    splitCalls = 0;
    chunk = -1;
    sequence = ChunkSequence.gated(className + "_e", classes);
    emitEval();
    endChunk();
    if (chunk + 1 != chunks) {
      throw new IllegalStateException("eval of " + flat.topName() + " has " + (chunk + 1) + " chunks, planned " + chunks);
    }
    addShared(sequence, evalCodes);
    sharedMethods = sequence.sharedMethods();
    sharedCalls = sequence.sharedCalls();
    List<ChunkSequence.Step> eval = sequence.finish();
    this.eval = false;

    sequence = ChunkSequence.tabled(className + "_t", classes);
    chunkUnit = layout.clocked.isEmpty() ? -1 : units.unitOf(layout.clocked.get(0));
    beginChunk();
    for (int net : layout.clocked) {
      splitIfFull(units.unitOf(net));
      emitNext(net);
    }
    for (int mi = 0; mi < flat.memories().size(); mi++) {
      FlatMemory m = flat.memories().get(mi);
      for (FlatMemory.WritePort w : m.writePorts()) {
        splitIfFull(units.unitOf(w.addr()));
        emitWrite(mi, m, w);
      }
    }
    endChunk();
    addShared(sequence, tickCodes);
    sharedMethods += sequence.sharedMethods();
    List<ChunkSequence.Step> tick = sequence.finish();

    ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_MAXS | ClassWriter.COMPUTE_FRAMES) {
      @Override
      protected String getCommonSuperClass(String a, String b) {
        return "java/lang/Object";
      }
    };
    cw.visit(V17, ACC_PUBLIC | ACC_FINAL | ACC_SUPER, className, null, KERNEL, null);
    MethodVisitor init = cw.visitMethod(ACC_PUBLIC, "<init>", "()V", null, null);
    init.visitCode();
    init.visitVarInsn(ALOAD, 0);
    init.visitMethodInsn(INVOKESPECIAL, KERNEL, "<init>", "()V", false);
    init.visitInsn(RETURN);
    init.visitMaxs(0, 0);
    init.visitEnd();
    emitEntry(cw, "eval", eval, true);
    emitEntry(cw, "tick", tick, false);
    cw.visitEnd();
    classes.put(className, cw.toByteArray());
    return classes;
  }

  // --- chunks --------------------------------------------------------------------------------------

  private void emitEval() {
    int[] unit = evalUnits();
    chunkUnit = unit.length == 0 ? -1 : unit[0];
    beginChunk();
    for (int i = 0; i < unit.length; i++) {
      int net = layout.combOrder[i];
      splitIfFull(unit[i]);
      if (planning) {
        chunkFirst[net] = chunk;
      }
      emitComb(net);
      if (planning) {
        chunkLast[net] = chunk;
      }
    }
    if (planning) {
      endChunk();
    }
  }

  /**
   * The unit each net of the comb order is emitted with: its repeated instance's, except that a
   * run of fewer than {@link #SMALL_RUN} consecutive nets of one unit (or of no unit: the logic
   * between two PEs) joins the chunk before it. Cutting at every change of instance would make
   * hundreds of chunks of a few nets, each costing a call and an activity check per settle; the
   * small runs around one instance are usually the same for every instance, so the chunk that
   * takes them in can still be shared.
   */
  private int[] evalUnits() {
    int[] order = layout.combOrder;
    int[] unit = new int[order.length];
    int previous = -1;
    for (int from = 0; from < order.length; ) {
      int u = units.unitOf(order[from]);
      int to = from + 1;
      while (to < order.length && units.unitOf(order[to]) == u) {
        to++;
      }
      int effective = to - from < SMALL_RUN && from > 0 ? previous : u;
      Arrays.fill(unit, from, to, effective);
      previous = effective;
      from = to;
    }
    return unit;
  }

  /** After planning: which nets later chunks read, and which chunks always report a change. */
  private void findExports() {
    for (int net : layout.combOrder) {
      for (int in : CombOrder.inputsOf(flat, net)) {
        if (CombOrder.isComb(flat, in) && chunkLast[in] < chunkFirst[net]) {
          exported[in] = true;
        }
      }
      if (chunkLast[net] > chunkFirst[net]) {
        alwaysChanged.set(chunkFirst[net], chunkLast[net] + 1);
      }
    }
  }

  /**
   * Which combinational nets must be stored in {@code s}. Most nets of a big design are unnamed
   * intermediates read only by the operators right after them in the same chunk, which take them
   * from a local: storing them would only add memory traffic and code. A net is kept when it is
   * the value of a named net or of an assertion (peeks, waves and checks read those), when a later
   * chunk reads it, when a clock edge reads it (registers, read ports and write ports are computed
   * by the tick chunks), when it is wider than 64 bits or spans chunks, or when a wide operator
   * reads or computes it (the {@code WideOps} helpers work on {@code s}).
   */
  private void findKept() {
    for (int net = 0; net < kept.length; net++) {
      if (flat.net(net).named()) {
        kept[flat.source(net)] = true;
      }
    }
    for (var a : flat.assertions()) {
      kept[flat.source(a.cond())] = true;
      if (a.resetNet() >= 0) {
        kept[flat.source(a.resetNet())] = true;
      }
    }
    for (int net : layout.clocked) {
      FlatDriver d = flat.net(net).driver();
      if (d instanceof FlatDriver.Register r) {
        kept[flat.source(r.next())] = true;
        if (r.reset() != null) {
          kept[flat.source(r.resetNet())] = true;
        }
      } else {
        FlatDriver.MemRead mr = (FlatDriver.MemRead) d;
        FlatMemory.ReadPort rp = flat.memories().get(mr.memory()).readPorts().get(mr.port());
        kept[flat.source(rp.addr())] = true;
        if (rp.enable() >= 0) {
          kept[flat.source(rp.enable())] = true;
        }
      }
    }
    for (FlatMemory m : flat.memories()) {
      for (FlatMemory.WritePort w : m.writePorts()) {
        kept[flat.source(w.addr())] = true;
        kept[flat.source(w.data())] = true;
        kept[flat.source(w.enable())] = true;
        if (w.mask() >= 0) {
          kept[flat.source(w.mask())] = true;
        }
      }
    }
    for (int net : layout.combOrder) {
      if (exported[net] || width(net) > 64 || chunkFirst[net] != chunkLast[net]) {
        kept[net] = true;
      }
      if (flat.net(net).driver() instanceof FlatDriver.Operation op && !narrowOperation(net, op)) {
        // the helper reads its operands from s and writes its result there, even a narrow one
        kept[net] = true;
        for (int a : op.args()) {
          kept[flat.source(a)] = true;
        }
      }
    }
  }

  /** Whether {@code op} (computing {@code net}) is emitted inline, reading its operands through {@link #load}. */
  private boolean narrowOperation(int net, FlatDriver.Operation op) {
    boolean narrow = width(net) <= 64;
    for (int a : op.args()) {
      narrow &= width(a) <= 64;
    }
    return narrow;
  }

  /** Who reads what, from the chunk of every net (see {@link ActivityPlan}). */
  private ActivityPlan plan() {
    int chunks = chunk + 1;
    List<BitSet> chunkReaders = new ArrayList<>();
    for (int c = 0; c < chunks; c++) {
      chunkReaders.add(new BitSet());
    }
    Map<Integer, BitSet> netReaders = new HashMap<>();
    Map<Integer, BitSet> memoryReaders = new HashMap<>();
    for (int net : layout.combOrder) {
      int first = chunkFirst[net];
      int last = chunkLast[net];
      for (int c = first; c < last; c++) {
        chunkReaders.get(c).set(c + 1); // the rest of a net that spans chunks
      }
      for (int in : CombOrder.inputsOf(flat, net)) {
        if (CombOrder.isComb(flat, in)) {
          if (chunkLast[in] < first) {
            chunkReaders.get(chunkLast[in]).set(first, last + 1);
          }
        } else if (!(flat.net(in).driver() instanceof FlatDriver.Const)) {
          netReaders.computeIfAbsent(in, k -> new BitSet()).set(first, last + 1);
        }
      }
      if (flat.net(net).driver() instanceof FlatDriver.MemRead mr) {
        memoryReaders.computeIfAbsent(mr.memory(), k -> new BitSet()).set(first, last + 1);
      }
    }
    int[][] byChunk = new int[chunks][];
    for (int c = 0; c < chunks; c++) {
      byChunk[c] = chunkReaders.get(c).stream().toArray();
    }
    int[][] byNet = new int[flat.nets().size()][];
    netReaders.forEach((n, b) -> byNet[n] = b.stream().toArray());
    int[][] byMemory = new int[flat.memories().size()][];
    memoryReaders.forEach((m, b) -> byMemory[m] = b.stream().toArray());
    return new ActivityPlan(byChunk, byNet, byMemory);
  }

  /**
   * Starts recording a chunk; in table mode when it computes nets of a repeated instance
   * ({@link #chunkUnit}), so that the same code can serve every instance of the module.
   */
  private void beginChunk() {
    bytes = 0;
    cache.clear();
    if (eval) {
      chunk++;
    }
    tableMode = chunkUnit >= 0;
    planSlots.clear();
    code = planning ? null : new ChunkCode(tableMode);
    mv = planning ? NOWHERE : code;
    if (eval) {
      nextLocal = tableMode ? FIRST_TABLE_LOCAL : FIRST_GATED_LOCAL;
    } else {
      nextLocal = tableMode ? FIRST_TABLE_TICK_LOCAL : FIRST_LOCAL;
    }
    changedLocal = tableMode ? ChunkSequence.TABLE_CHANGED : ChunkSequence.CHANGED;
    if (eval && !planning && alwaysChanged.get(chunk)) {
      pushLong(-1);
      localInsn(LSTORE, changedLocal);
    }
  }

  private void endChunk() {
    if (!planning) {
      (eval ? evalCodes : tickCodes).add(code);
      code = null;
    }
    mv = null;
  }

  /**
   * Starts a new chunk once this one is past {@link #CHUNK_BYTES}, or (eval) when the next net
   * belongs to another repeated instance ({@code unit}, see {@link RepeatedInstances}) than the
   * chunk's. Safe between any two nets (and between the pieces of a wide result): every value
   * that a later chunk reads is stored in {@code s}, so the next chunk starts with no cached
   * locals and reloads what it needs.
   */
  private void splitIfFull() {
    splitIfFull(chunkUnit);
  }

  private void splitIfFull(int unit) {
    boolean split;
    if (eval && !planning) {
      // cut where the planning pass did: the chunk of every net is known from there
      split = splits.get(splitCalls++);
    } else {
      split = bytes > CHUNK_BYTES || unit != chunkUnit;
      if (eval && split) {
        splits.set(splitCalls);
      }
      if (eval) {
        splitCalls++;
      }
    }
    if (split) {
      endChunk();
      chunkUnit = unit;
      beginChunk();
    }
  }

  /**
   * {@code eval()} or {@code tick()}: loads {@code s} and {@code m} (and for the gated eval the
   * activity), runs the steps. The caller of {@code tick()} commits the shadow.
   */
  private void emitEntry(ClassWriter cw, String name, List<ChunkSequence.Step> steps, boolean gated) {
    MethodVisitor m = cw.visitMethod(ACC_PUBLIC | ACC_FINAL, name, "()V", null, null);
    m.visitCode();
    m.visitVarInsn(ALOAD, 0);
    m.visitFieldInsn(GETFIELD, KERNEL, "s", "[J");
    m.visitVarInsn(ASTORE, 1);
    m.visitVarInsn(ALOAD, 0);
    m.visitFieldInsn(GETFIELD, KERNEL, "m", "[[J");
    m.visitVarInsn(ASTORE, 2);
    if (gated) {
      m.visitVarInsn(ALOAD, 0);
      m.visitFieldInsn(GETFIELD, KERNEL, "activity", "Lveneer/sim/jvm/kernel/Activity;");
      m.visitVarInsn(ASTORE, 3);
      m.visitVarInsn(ALOAD, 0);
      m.visitFieldInsn(GETFIELD, KERNEL, "tables", "[[I");
      m.visitVarInsn(ASTORE, 4);
    } else {
      m.visitVarInsn(ALOAD, 0);
      m.visitFieldInsn(GETFIELD, KERNEL, "tickTables", "[[I");
      m.visitVarInsn(ASTORE, 3);
    }
    for (ChunkSequence.Step step : steps) {
      m.visitVarInsn(ALOAD, 1);
      m.visitVarInsn(ALOAD, 2);
      m.visitVarInsn(ALOAD, 3);
      if (gated) {
        m.visitVarInsn(ALOAD, 4);
      }
      m.visitMethodInsn(INVOKESTATIC, step.owner(), step.name(), gated ? ChunkSequence.GATED_STEP : ChunkSequence.TABLED_STEP,
          false);
    }
    m.visitInsn(RETURN);
    m.visitMaxs(0, 0);
    m.visitEnd();
  }

  // --- instruction helpers that count bytes ------------------------------------------------------

  private void insn(int opcode) {
    mv.visitInsn(opcode);
    bytes += 1;
  }

  private void pushInt(int v) {
    if (v >= -1 && v <= 5) {
      mv.visitInsn(ICONST_0 + v);
      bytes += 1;
    } else if (v >= Byte.MIN_VALUE && v <= Byte.MAX_VALUE) {
      mv.visitIntInsn(BIPUSH, v);
      bytes += 2;
    } else if (v >= Short.MIN_VALUE && v <= Short.MAX_VALUE) {
      mv.visitIntInsn(SIPUSH, v);
      bytes += 3;
    } else {
      mv.visitLdcInsn(v); // its constant-pool entry is counted when the chunk is replayed
      bytes += 3;
    }
  }

  private void pushLong(long v) {
    if (v == 0 || v == 1) {
      mv.visitInsn(v == 0 ? LCONST_0 : LCONST_1);
      bytes += 1;
    } else {
      mv.visitLdcInsn(v);
      bytes += 3;
    }
  }

  private void localInsn(int opcode, int local) {
    mv.visitVarInsn(opcode, local);
    bytes += local < 256 ? 2 : 4;
  }

  private void invoke(String owner, String name, String desc) {
    mv.visitMethodInsn(INVOKESTATIC, owner, name, desc, false);
    bytes += 3;
  }

  private void loadS() {
    mv.visitVarInsn(ALOAD, S);
    bytes += 1;
  }

  private void loadMem(int memory) {
    mv.visitVarInsn(ALOAD, M);
    bytes += 1;
    pushOffset(memory);
    insn(AALOAD);
  }

  /**
   * Pushes a state offset or memory index: in a table-mode chunk as a slot of its table (so the
   * same code serves every instance of a module), else as a number.
   */
  private void pushOffset(int value) {
    if (!tableMode) {
      pushInt(value);
      return;
    }
    int k;
    if (code != null) {
      k = code.slotOf(value);
      code.slot(k);
    } else {
      k = planSlots.computeIfAbsent(value, v -> planSlots.size());
    }
    bytes += 2 + ChunkCode.pushBytes(k); // aload, the slot, iaload
  }

  private int newLocal() {
    int l = nextLocal;
    nextLocal += 2;
    return l;
  }

  /** Pushes the value of a net of up to 64 bits. */
  private void load(int net) {
    int src = flat.source(net);
    if (flat.net(src).driver() instanceof FlatDriver.Const c) {
      pushLong(c.value().longValue());
      return;
    }
    Integer local = cache.get(src);
    if (local != null) {
      localInsn(LLOAD, local);
      return;
    }
    if (layout.offset[src] < 0) {
      throw new IllegalStateException("net " + FlatNetlist.describe(flat.net(src)) + " of " + flat.topName()
          + " is read outside its chunk but was not kept in the state array");
    }
    loadS();
    pushOffset(layout.offset[src]);
    insn(LALOAD);
    int l = newLocal();
    insn(DUP2);
    localInsn(LSTORE, l);
    cache.put(src, l);
  }

  /**
   * Stores the long on the stack as the value of {@code net} (a source net): in a local for the
   * rest of the chunk, and in {@code s} unless nothing outside the chunk reads it ({@link #kept}).
   */
  private void store(int net) {
    int l = newLocal();
    localInsn(LSTORE, l);
    cache.put(net, l);
    if (!planning && !kept[net]) {
      return;
    }
    if (exported[net]) {
      // changed |= old ^ new
      loadS();
      pushOffset(layout.offset[net]);
      insn(LALOAD);
      localInsn(LLOAD, l);
      insn(LXOR);
      localInsn(LLOAD, changedLocal);
      insn(LOR);
      localInsn(LSTORE, changedLocal);
    }
    loadS();
    pushOffset(layout.offset[net]);
    localInsn(LLOAD, l);
    insn(LASTORE);
  }

  private void maskTo(int width) {
    if (width < 64) {
      pushLong((1L << width) - 1);
      insn(LAND);
    }
  }

  private void signExtend(int width) {
    if (width < 64) {
      pushInt(64 - width);
      insn(LSHL);
      pushInt(64 - width);
      insn(LSHR);
    }
  }

  /** Turns the long on the stack into 1 if it is non-zero, else 0. */
  private void nonZero() {
    insn(DUP2);
    insn(LNEG);
    insn(LOR);
    pushInt(63);
    insn(LUSHR);
  }

  private void flip() {
    pushLong(1);
    insn(LXOR);
  }

  // --- combinational nets --------------------------------------------------------------------------

  private int width(int net) {
    return flat.net(net).width();
  }

  private void emitComb(int net) {
    FlatDriver d = flat.net(net).driver();
    if (d instanceof FlatDriver.MemRead mr) {
      FlatMemory m = flat.memories().get(mr.memory());
      FlatMemory.ReadPort rp = m.readPorts().get(mr.port());
      if (m.width() <= 64) {
        loadMem(mr.memory());
        load(rp.addr());
        invoke(NARROW, "read", "([JJ)J");
        store(net);
      } else {
        int[] old = snapshot(net);
        loadS();
        pushOffset(layout.offset[net]);
        pushInt(m.width());
        loadMem(mr.memory());
        load(rp.addr());
        invoke(WIDE, "read", "([JII[JJ)V");
        compare(net, old);
      }
      return;
    }
    FlatDriver.Operation op = (FlatDriver.Operation) d;
    if (narrowOperation(net, op)) {
      emitNarrow(op, width(net));
      store(net);
    } else {
      int[] old = snapshot(net);
      emitWide(net, op);
      compare(net, old);
    }
  }

  /**
   * For an exported net that a helper computes straight into {@code s}: keeps its old words in
   * locals, for {@link #compare}. Null when there is nothing to compare (not exported, or split
   * over chunks, whose chunks always report a change).
   */
  private int[] snapshot(int net) {
    if (planning || !exported[net] || chunkFirst[net] != chunkLast[net]) {
      return null;
    }
    int[] old = new int[StateLayout.words(width(net))];
    for (int i = 0; i < old.length; i++) {
      loadS();
      pushOffset(layout.offset[net] + i);
      insn(LALOAD);
      old[i] = newLocal();
      localInsn(LSTORE, old[i]);
    }
    return old;
  }

  /** {@code changed |= old ^ new} for each word kept by {@link #snapshot}. */
  private void compare(int net, int[] old) {
    if (old == null) {
      return;
    }
    for (int i = 0; i < old.length; i++) {
      loadS();
      pushOffset(layout.offset[net] + i);
      insn(LALOAD);
      localInsn(LLOAD, old[i]);
      insn(LXOR);
      localInsn(LLOAD, changedLocal);
      insn(LOR);
      localInsn(LSTORE, changedLocal);
    }
  }

  private void emitNarrow(FlatDriver.Operation op, int w) {
    int[] a = op.args();
    int p = op.param();
    int aw = width(a[0]);
    switch (op.op()) {
      case ADD, SUB, MUL -> {
        load(a[0]);
        load(a[1]);
        insn(op.op() == Op.ADD ? LADD : op.op() == Op.SUB ? LSUB : LMUL);
        maskTo(w);
      }
      case AND, OR, XOR -> {
        load(a[0]);
        load(a[1]);
        insn(op.op() == Op.AND ? LAND : op.op() == Op.OR ? LOR : LXOR);
      }
      case NOT -> {
        load(a[0]);
        pushLong(w == 64 ? -1L : (1L << w) - 1);
        insn(LXOR);
      }
      case SHL -> {
        if (p >= w) {
          pushLong(0);
        } else {
          load(a[0]);
          pushInt(p);
          insn(LSHL);
          maskTo(w);
        }
      }
      case SHRU -> {
        if (p >= aw) {
          pushLong(0);
        } else {
          load(a[0]);
          pushInt(p);
          insn(LUSHR);
        }
      }
      case SHRS -> {
        load(a[0]);
        signExtend(aw);
        pushInt(Math.min(p, 63));
        insn(LSHR);
        maskTo(w);
      }
      case DSHL, DSHRU, DSHRS -> {
        load(a[0]);
        load(a[1]);
        pushInt(w);
        invoke(NARROW, op.op().name().toLowerCase(Locale.ROOT), "(JJI)J");
      }
      case EQ, NE -> {
        load(a[0]);
        load(a[1]);
        insn(LXOR);
        nonZero();
        if (op.op() == Op.EQ) {
          flip();
        }
      }
      case LTU, LEU -> {
        boolean le = op.op() == Op.LEU;
        // a <= b is !(b < a)
        int x = le ? a[1] : a[0];
        int y = le ? a[0] : a[1];
        load(x);
        load(y);
        if (aw < 64) {
          insn(LSUB);
          pushInt(63);
          insn(LUSHR);
        } else {
          invoke(NARROW, "ltu64", "(JJ)J");
        }
        if (le) {
          flip();
        }
      }
      case LTS, LES -> {
        boolean le = op.op() == Op.LES;
        int x = le ? a[1] : a[0];
        int y = le ? a[0] : a[1];
        load(x);
        signExtend(aw);
        load(y);
        signExtend(aw);
        if (aw < 64) {
          insn(LSUB);
          pushInt(63);
          insn(LUSHR);
        } else {
          invoke(NARROW, "lts64", "(JJ)J");
        }
        if (le) {
          flip();
        }
      }
      case MUX -> {
        // b ^ ((a ^ b) & -sel): no branch for the CPU to mispredict
        load(a[2]);
        load(a[1]);
        load(a[2]);
        insn(LXOR);
        load(a[0]);
        insn(LNEG);
        insn(LAND);
        insn(LXOR);
      }
      case CAT -> {
        load(a[0]);
        for (int i = 1; i < a.length; i++) {
          pushInt(width(a[i]));
          insn(LSHL);
          load(a[i]);
          insn(LOR);
        }
      }
      case SLICE -> {
        load(a[0]);
        if (p > 0) {
          pushInt(p);
          insn(LUSHR);
        }
        if (p + w < aw) {
          maskTo(w);
        }
      }
      case ZEXT -> load(a[0]);
      case SEXT -> {
        load(a[0]);
        signExtend(aw);
        maskTo(w);
      }
      case ANDR -> {
        load(a[0]);
        pushLong(aw == 64 ? -1L : (1L << aw) - 1);
        insn(LXOR);
        nonZero();
        flip();
      }
      case ORR -> {
        load(a[0]);
        nonZero();
      }
      case XORR -> {
        load(a[0]);
        invoke("java/lang/Long", "bitCount", "(J)I");
        insn(ICONST_1);
        insn(IAND);
        insn(I2L);
      }
      default -> throw new IllegalStateException("no code for operator " + op.op());
    }
  }

  private void emitWide(int net, FlatDriver.Operation op) {
    int[] a = op.args();
    int d = layout.offset[net];
    int w = width(net);
    // A narrow result computed by a helper lives only in the array: forget any stale local.
    cache.remove(net);
    if (op.op() == Op.MUX) {
      loadS();
      pushOffset(d);
      pushInt(w);
      load(a[0]);
      pushOffset(layout.at(a[1]));
      pushOffset(layout.at(a[2]));
      invoke(WIDE, "mux", "([JIIJII)V");
      return;
    }
    if (op.op() == Op.CAT) {
      loadS();
      pushOffset(d);
      pushInt(w);
      invoke(WIDE, "clear", "([JII)V");
      int at = w;
      for (int arg : a) {
        // a concatenation of thousands of nets would not fit one method
        splitIfFull();
        at -= width(arg);
        loadS();
        pushOffset(d);
        pushInt(w);
        pushOffset(layout.at(arg));
        pushInt(width(arg));
        pushInt(at);
        invoke(WIDE, "deposit", "([JIIIII)V");
      }
      return;
    }
    loadS();
    pushOffset(d);
    pushInt(w);
    pushOffset(layout.at(a[0]));
    pushInt(width(a[0]));
    if (a.length > 1) {
      pushOffset(layout.at(a[1]));
    } else {
      pushInt(-1);
    }
    pushInt(a.length > 1 ? width(a[1]) : 0);
    pushInt(op.param());
    invoke(WIDE, op.op().name().toLowerCase(Locale.ROOT), WIDE_OP);
  }

  // --- clock edge ----------------------------------------------------------------------------------

  /** Computes the next value of one clocked net into its shadow slot. */
  private void emitNext(int net) {
    int shadow = layout.offset[net] + layout.stateLength;
    int w = width(net);
    FlatDriver d = flat.net(net).driver();
    if (d instanceof FlatDriver.Register r) {
      if (w <= 64) {
        loadS();
        pushOffset(shadow);
        if (r.reset() == null) {
          load(r.next());
        } else {
          // next ^ ((reset ^ next) & -inReset)
          load(r.next());
          pushLong(r.reset().longValue());
          load(r.next());
          insn(LXOR);
          load(r.resetNet());
          insn(LNEG);
          insn(LAND);
          insn(LXOR);
        }
        insn(LASTORE);
      } else if (r.reset() == null) {
        loadS();
        pushOffset(shadow);
        pushInt(w);
        pushOffset(layout.at(r.next()));
        invoke(WIDE, "copy", "([JIII)V");
      } else {
        loadS();
        pushOffset(shadow);
        pushInt(w);
        load(r.resetNet());
        pushOffset(layout.wideReset[net]);
        pushOffset(layout.at(r.next()));
        invoke(WIDE, "mux", "([JIIJII)V");
      }
      return;
    }
    FlatDriver.MemRead mr = (FlatDriver.MemRead) d;
    FlatMemory.ReadPort rp = flat.memories().get(mr.memory()).readPorts().get(mr.port());
    if (w <= 64) {
      loadS();
      pushOffset(shadow);
      loadMem(mr.memory());
      load(rp.addr());
      loadEnable(rp.enable());
      load(net);
      invoke(NARROW, "readSync", "([JJJJ)J");
      insn(LASTORE);
    } else {
      loadS();
      pushOffset(shadow);
      pushInt(w);
      loadMem(mr.memory());
      load(rp.addr());
      loadEnable(rp.enable());
      pushOffset(layout.offset[net]);
      invoke(WIDE, "readSync", "([JII[JJJI)V");
    }
  }

  private void loadEnable(int enableNet) {
    if (enableNet < 0) {
      pushLong(1);
    } else {
      load(enableNet);
    }
  }

  private void emitWrite(int mi, FlatMemory m, FlatMemory.WritePort wp) {
    if (m.width() <= 64) {
      loadMem(mi);
      load(wp.addr());
      load(wp.data());
      load(wp.enable());
      if (wp.mask() < 0) {
        invoke(NARROW, "write", "([JJJJ)V");
      } else {
        load(wp.mask());
        pushInt(wp.maskGranule());
        invoke(NARROW, "writeMasked", "([JJJJJI)V");
      }
    } else {
      loadS();
      loadMem(mi);
      pushInt(m.width());
      load(wp.addr());
      load(wp.enable());
      pushOffset(layout.at(wp.data()));
      if (wp.mask() < 0) {
        pushInt(-1);
      } else {
        pushOffset(layout.at(wp.mask()));
      }
      pushInt(wp.mask() < 0 ? 0 : width(wp.mask()));
      pushInt(wp.maskGranule());
      invoke(WIDE, "write", "([J[JIJJIIII)V");
    }
  }

  /** The initial state array: constants and wide reset values filled in, everything else zero. */
  static long[] initialState(StateLayout layout) {
    long[] s = new long[layout.size];
    FlatNetlist flat = layout.flat;
    for (int i = 0; i < flat.nets().size(); i++) {
      FlatDriver d = flat.net(i).driver();
      int w = flat.net(i).width();
      if (d instanceof FlatDriver.Const c && flat.source(i) == i) {
        storeBig(s, layout.offset[i], w, c.value());
      }
      if (layout.wideReset[i] >= 0) {
        storeBig(s, layout.wideReset[i], w, ((FlatDriver.Register) d).reset());
      }
    }
    return s;
  }

  static void storeBig(long[] s, int off, int width, BigInteger v) {
    for (int i = 0, n = StateLayout.words(width); i < n; i++) {
      s[off + i] = v.shiftRight(64 * i).longValue();
    }
  }
}
