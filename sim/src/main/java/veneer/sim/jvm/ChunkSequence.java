package veneer.sim.jvm;

import static org.objectweb.asm.Opcodes.*;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;

/**
 * One entry point of a compiled design ({@code eval} or {@code tick}) as an ordered sequence of
 * static chunk methods {@code (long[] s, long[][] m)}, spread over as many generated classes as
 * the class-file format needs, so that no design is too large to compile.
 *
 * <p>A class file holds at most 65,535 constant-pool entries, and a big design's chunks refer to
 * far more distinct constants than that (every state offset above 32,767 and every 64-bit literal
 * is an entry). So chunks go into <em>part</em> classes, each closed while it is safely within the
 * limit: {@link #constant} counts every entry the code asks for, and a part takes no new chunk once
 * {@link #CONSTANT_BUDGET} is passed or it holds {@link #MAX_CALLS} chunks. Each part has a
 * {@code run(s, m)} method that calls its chunks in order; if there are more than
 * {@link #MAX_CALLS} parts, caller classes group them, level by level, so every method stays below
 * HotSpot's 8000-byte limit for JIT compilation.
 *
 * <pre>{@code
 * ChunkSequence eval = new ChunkSequence("veneer/sim/jvm/kernel/Gen1_Top_e", classes);
 * MethodVisitor mv = eval.beginChunk();   // s in local 0, m in local 1
 * eval.constant(1234567, 1);              // before each ldc
 * ...
 * eval.endChunk();
 * List<ChunkSequence.Step> roots = eval.finish();  // call these in order
 * }</pre>
 *
 * <p>A sequence made by {@link #tabled} takes its chunks recorded ({@link #add}): a chunk recorded in
 * table mode reads its state offsets from an {@code int[]} (the sequence's tables, one per chunk),
 * and when several chunks record the same code ({@link ChunkCode#shape}), one method holds it and
 * each chunk is a call of it with its own table. Its parts and callers take the tables as third
 * argument ({@link #TABLED_STEP}).
 *
 * <p>A sequence made by {@link #gated} is tabled and runs each chunk only when an
 * {@link veneer.sim.jvm.kernel.Activity} says it is dirty: its chunks return a {@code long} that
 * is non-zero when a value that later chunks read changed (the chunk keeps it in local
 * {@link #CHANGED}, which starts at zero), and its parts and callers take the activity and the
 * chunks' tables as third and fourth arguments ({@link #GATED_STEP}).
 */
final class ChunkSequence {
  /** Descriptor of every chunk, part and caller method. */
  static final String STEP = "([J[[J)V";
  /** Descriptor of the part and caller methods of a gated sequence. */
  static final String GATED_STEP = "([J[[JLveneer/sim/jvm/kernel/Activity;[[I)V";
  /** Descriptor of the chunks of a gated sequence: they return non-zero when a value they export changed. */
  static final String GATED_CHUNK = "([J[[J)J";
  /** Descriptor of a gated chunk recorded in table mode: its third argument is its table ({@link ChunkCode#TABLE}). */
  static final String TABLE_CHUNK = "([J[[J[I)J";
  /** Descriptor of the part and caller methods of a tabled (ungated) sequence. */
  static final String TABLED_STEP = "([J[[J[[I)V";
  /** Descriptor of a chunk of a tabled (ungated) sequence recorded in table mode. */
  static final String TABLE_STEP = "([J[[J[I)V";
  /** The {@code long} local of a gated chunk that collects changes (it returns it). */
  static final int CHANGED = 2;
  /** The change accumulator of a table-mode chunk, after the table. */
  static final int TABLE_CHANGED = 3;
  private static final String ACTIVITY = "veneer/sim/jvm/kernel/Activity";
  /**
   * Chunks per part of a gated sequence: the part's {@code run} spends about 27 bytes on each (ask
   * the activity, load the table, call, test the result, report it), which keeps it under 8000 bytes.
   */
  static final int GATED_MAX_CALLS = 200;
  /** Chunks per part of a tabled sequence: about 10 bytes per call with its table. */
  static final int TABLED_MAX_CALLS = 500;
  /** Calls per caller method: 5 bytes each keeps it under HotSpot's 8000-byte HugeMethodLimit. */
  static final int MAX_CALLS = 1000;
  /**
   * Constant-pool entries after which a part takes no new chunk. A chunk adds at most about 3,500
   * (about 5,000 bytes of code, 3 bytes and 2 entries per 64-bit literal), and the helper methods
   * and the part's own names a few hundred, so a part stays well below 65,535.
   */
  static final int CONSTANT_BUDGET = 50_000;
  /** Entries of a method reference: Methodref, NameAndType, two Utf8 and the Class with its Utf8. */
  static final int METHOD_REF_ENTRIES = 6;

  /** A static {@code (long[], long[][])} method of a generated class. */
  record Step(String owner, String name) {}

  private final String prefix;
  private final Map<String, byte[]> classes;
  private final int maxCalls;
  private final int constantBudget;
  private final boolean gated;
  /** Chunks come recorded ({@link #add}) and the parts pass tables (every gated sequence is tabled). */
  private final boolean tabled;
  private final List<Integer> partIndices = new ArrayList<>();
  /** How each chunk of the open gated part passes a table: 0 none, 1 its own, 2 null. */
  private final List<Integer> partTables = new ArrayList<>();
  /** The method holding each shape shared by several chunks. */
  private final Map<ChunkCode.Shape, Step> shared = new HashMap<>();
  private final List<Step> partSteps = new ArrayList<>();
  private int sharedCalls;
  private final List<Step> parts = new ArrayList<>();
  private final List<String> partChunks = new ArrayList<>();
  private final Set<Object> partConstants = new HashSet<>();
  private ClassWriter part;
  private int entries;
  private MethodVisitor chunk;
  private int chunkCount;

  /**
   * @param prefix internal name that every generated class of this sequence starts with
   * @param classes receives each finished class file by internal name
   */
  ChunkSequence(String prefix, Map<String, byte[]> classes) {
    this(prefix, classes, MAX_CALLS, CONSTANT_BUDGET);
  }

  /** With smaller limits than the class-file format needs, so a test can reach every case. */
  ChunkSequence(String prefix, Map<String, byte[]> classes, int maxCalls, int constantBudget) {
    this(prefix, classes, maxCalls, constantBudget, false, false);
  }

  /** A sequence whose chunks run only when dirty (see the class comment). */
  static ChunkSequence gated(String prefix, Map<String, byte[]> classes) {
    return new ChunkSequence(prefix, classes, GATED_MAX_CALLS, CONSTANT_BUDGET, true, true);
  }

  /** A sequence of recorded chunks, each run at every call, shared where shapes repeat (see the class comment). */
  static ChunkSequence tabled(String prefix, Map<String, byte[]> classes) {
    return new ChunkSequence(prefix, classes, TABLED_MAX_CALLS, CONSTANT_BUDGET, false, true);
  }

  private ChunkSequence(String prefix, Map<String, byte[]> classes, int maxCalls, int constantBudget, boolean gated,
      boolean tabled) {
    if (maxCalls < 2 || maxCalls > MAX_CALLS || constantBudget < 0 || constantBudget > CONSTANT_BUDGET) {
      throw new IllegalArgumentException("expected 2 <= maxCalls <= " + MAX_CALLS + " and 0 <= constantBudget <= "
          + CONSTANT_BUDGET + ", got " + maxCalls + " and " + constantBudget);
    }
    this.prefix = prefix;
    this.classes = classes;
    this.maxCalls = maxCalls;
    this.constantBudget = constantBudget;
    this.gated = gated;
    this.tabled = tabled;
  }

  /** Index of the open chunk (of the last one, once closed) in the whole sequence, from 0. */
  int chunkIndex() {
    return chunkCount - 1;
  }

  /** Starts the next chunk method: {@code s} is in local 0, {@code m} in local 1. */
  MethodVisitor beginChunk() {
    if (tabled) {
      throw new IllegalStateException(prefix + " takes recorded chunks (add)");
    }
    if (chunk != null) {
      throw new IllegalStateException("chunk " + (chunkCount - 1) + " of " + prefix + " is still open");
    }
    if (part != null && (entries > constantBudget || partChunks.size() >= maxCalls)) {
      closePart();
    }
    if (part == null) {
      openPart();
    }
    partIndices.add(chunkCount);
    String name = "c" + chunkCount++;
    partChunks.add(name);
    entries += 3; // the part's run method refers to the chunk: Methodref, NameAndType, name
    chunk = part.visitMethod(ACC_STATIC | ACC_FINAL, name, STEP, null, null);
    chunk.visitCode();
    return chunk;
  }

  /**
   * Adds the next chunk of a tabled or gated sequence: a method of its own, or when {@code share} (several
   * chunks record this shape), a call of the one method that holds the shape, with the chunk's
   * table. Returns the chunk's index.
   */
  int add(ChunkCode code, boolean share) {
    if (!tabled) {
      throw new IllegalStateException(prefix + " takes chunks through beginChunk, not recorded ones");
    }
    if (part != null && (entries > constantBudget || partChunks.size() >= maxCalls)) {
      closePart();
    }
    if (part == null) {
      openPart();
    }
    int index = chunkCount++;
    partIndices.add(index);
    partChunks.add(null);
    String owner = partName();
    Step target;
    if (share) {
      target = shared.get(code.shape());
      if (target == null) {
        target = new Step(owner, "s" + shared.size());
        define(target.name(), code, true);
        shared.put(code.shape(), target);
      }
      partTables.add(1);
      sharedCalls++;
    } else {
      target = new Step(owner, "c" + index);
      define(target.name(), code, false);
      partTables.add(code.tableMode() ? 2 : 0);
    }
    partSteps.add(target);
    // the run method's call: a method reference, and the index as an int when it is large
    constant(target.owner() + "." + target.name(), owner.equals(target.owner()) ? 4 : METHOD_REF_ENTRIES);
    return index;
  }

  private void define(String name, ChunkCode code, boolean tableReads) {
    boolean table = code.tableMode();
    MethodVisitor mv = part.visitMethod(ACC_STATIC | ACC_FINAL, name, chunkDescriptor(table), null, null);
    mv.visitCode();
    int changed = table ? TABLE_CHANGED : CHANGED;
    if (gated) {
      mv.visitInsn(LCONST_0);
      mv.visitVarInsn(LSTORE, changed);
    }
    code.replay(mv, tableReads, this::constant);
    if (gated) {
      mv.visitVarInsn(LLOAD, changed);
      mv.visitInsn(LRETURN);
    } else {
      mv.visitInsn(RETURN);
    }
    mv.visitMaxs(0, 0);
    mv.visitEnd();
  }

  private String chunkDescriptor(boolean table) {
    if (gated) {
      return table ? TABLE_CHUNK : GATED_CHUNK;
    }
    return table ? TABLE_STEP : STEP;
  }

  private String stepDescriptor() {
    return gated ? GATED_STEP : tabled ? TABLED_STEP : STEP;
  }

  /** Loads the table of the chunk {@code index} of the open part: its own, null, or nothing (a direct chunk). */
  private void loadTable(MethodVisitor m, int i, int index, int tablesLocal) {
    int table = partTables.get(i);
    if (table == 1) {
      m.visitVarInsn(ALOAD, tablesLocal);
      pushIndex(m, index);
      m.visitInsn(AALOAD);
    } else if (table == 2) {
      m.visitInsn(ACONST_NULL);
    }
  }

  /** Chunks that call a shared method. */
  int sharedCalls() {
    return sharedCalls;
  }

  /** Distinct methods holding shapes shared by several chunks. */
  int sharedMethods() {
    return shared.size();
  }

  /** Ends the open chunk. */
  void endChunk() {
    chunk.visitInsn(RETURN);
    chunk.visitMaxs(0, 0);
    chunk.visitEnd();
    chunk = null;
  }

  /**
   * Notes that the open chunk refers to a constant-pool entry: {@code key} identifies it (equal
   * keys share one entry), {@code cost} is how many entries it takes when new.
   */
  void constant(Object key, int cost) {
    if (partConstants.add(key)) {
      entries += cost;
    }
  }

  /** Ends the sequence; returns the methods to call, in order (at most {@link #MAX_CALLS}, or the test limit). */
  List<Step> finish() {
    if (chunk != null) {
      throw new IllegalStateException("chunk " + (chunkCount - 1) + " of " + prefix + " is still open");
    }
    if (part != null) {
      closePart();
    }
    List<Step> level = parts;
    for (int depth = 1; level.size() > maxCalls; depth++) {
      List<Step> callers = new ArrayList<>();
      for (int from = 0; from < level.size(); from += maxCalls) {
        String owner = prefix + "_L" + depth + "_" + callers.size();
        ClassWriter cw = newClass(owner);
        caller(cw, "run", level.subList(from, Math.min(level.size(), from + maxCalls)), stepDescriptor());
        finishClass(owner, cw);
        callers.add(new Step(owner, "run"));
      }
      level = callers;
    }
    return level;
  }

  /** Number of part classes so far (for tests and reports). */
  int partCount() {
    return parts.size() + (part == null ? 0 : 1);
  }

  private void openPart() {
    part = newClass(partName());
    partChunks.clear();
    partIndices.clear();
    partTables.clear();
    partSteps.clear();
    partConstants.clear();
    entries = 32 + (gated ? 16 : 0); // class, super class, "run", the descriptor, the code attribute's name, slack
    // (and the activity's class and its two methods)
  }

  private String partName() {
    return prefix + parts.size();
  }

  private void closePart() {
    String owner = partName();
    List<Step> steps = new ArrayList<>();
    for (String c : partChunks) {
      steps.add(new Step(owner, c));
    }
    if (tabled) {
      steps = partSteps;
    }
    if (gated) {
      gatedRun(part, steps);
    } else if (tabled) {
      tabledRun(part, steps);
    } else {
      caller(part, "run", steps);
    }
    finishClass(owner, part);
    parts.add(new Step(owner, "run"));
    part = null;
  }

  private static ClassWriter newClass(String name) {
    ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_MAXS | ClassWriter.COMPUTE_FRAMES) {
      @Override
      protected String getCommonSuperClass(String a, String b) {
        return "java/lang/Object";
      }
    };
    cw.visit(V17, ACC_PUBLIC | ACC_FINAL | ACC_SUPER, name, null, "java/lang/Object", null);
    return cw;
  }

  private void finishClass(String name, ClassWriter cw) {
    cw.visitEnd();
    classes.put(name, cw.toByteArray());
  }

  /** A static method that calls {@code steps} in order with its own {@code (s, m)}. */
  static void caller(ClassWriter cw, String name, List<Step> steps) {
    caller(cw, name, steps, STEP);
  }

  /** A static method that calls {@code steps} in order, passing on all its arguments ({@code desc}). */
  private static void caller(ClassWriter cw, String name, List<Step> steps, String desc) {
    int args = desc.equals(GATED_STEP) ? 4 : desc.equals(TABLED_STEP) ? 3 : 2;
    MethodVisitor m = cw.visitMethod(ACC_PUBLIC | ACC_STATIC | ACC_FINAL, name, desc, null, null);
    m.visitCode();
    for (Step s : steps) {
      for (int a = 0; a < args; a++) {
        m.visitVarInsn(ALOAD, a);
      }
      m.visitMethodInsn(INVOKESTATIC, s.owner(), s.name(), desc, false);
    }
    m.visitInsn(RETURN);
    m.visitMaxs(0, 0);
    m.visitEnd();
  }

  /** A gated part's {@code run(s, m, activity)}: each dirty chunk runs, and reports a change. */
  private void gatedRun(ClassWriter cw, List<Step> steps) {
    MethodVisitor m = cw.visitMethod(ACC_PUBLIC | ACC_STATIC | ACC_FINAL, "run", GATED_STEP, null, null);
    m.visitCode();
    for (int i = 0; i < steps.size(); i++) {
      Step s = steps.get(i);
      int index = partIndices.get(i);
      Label skip = new Label();
      m.visitVarInsn(ALOAD, 2);
      pushIndex(m, index);
      m.visitMethodInsn(INVOKEVIRTUAL, ACTIVITY, "take", "(I)Z", false);
      m.visitJumpInsn(IFEQ, skip);
      m.visitVarInsn(ALOAD, 0);
      m.visitVarInsn(ALOAD, 1);
      loadTable(m, i, index, 3);
      m.visitMethodInsn(INVOKESTATIC, s.owner(), s.name(), chunkDescriptor(partTables.get(i) != 0), false);
      m.visitInsn(LCONST_0);
      m.visitInsn(LCMP);
      m.visitJumpInsn(IFEQ, skip);
      m.visitVarInsn(ALOAD, 2);
      pushIndex(m, index);
      m.visitMethodInsn(INVOKEVIRTUAL, ACTIVITY, "changed", "(I)V", false);
      m.visitLabel(skip);
    }
    m.visitInsn(RETURN);
    m.visitMaxs(0, 0);
    m.visitEnd();
  }

  /** A tabled part's {@code run(s, m, tables)}: every chunk in order, each with its table. */
  private void tabledRun(ClassWriter cw, List<Step> steps) {
    MethodVisitor m = cw.visitMethod(ACC_PUBLIC | ACC_STATIC | ACC_FINAL, "run", TABLED_STEP, null, null);
    m.visitCode();
    for (int i = 0; i < steps.size(); i++) {
      Step s = steps.get(i);
      m.visitVarInsn(ALOAD, 0);
      m.visitVarInsn(ALOAD, 1);
      loadTable(m, i, partIndices.get(i), 2);
      m.visitMethodInsn(INVOKESTATIC, s.owner(), s.name(), chunkDescriptor(partTables.get(i) != 0), false);
    }
    m.visitInsn(RETURN);
    m.visitMaxs(0, 0);
    m.visitEnd();
  }

  private static void pushIndex(MethodVisitor m, int index) {
    if (index <= Short.MAX_VALUE) {
      m.visitIntInsn(SIPUSH, index);
    } else {
      m.visitLdcInsn(index);
    }
  }
}
