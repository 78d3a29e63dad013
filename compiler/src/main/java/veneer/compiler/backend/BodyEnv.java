package veneer.compiler.backend;

import veneer.compiler.ir.Builtin;
import veneer.compiler.ir.Elem;
import veneer.compiler.ir.Instr;
import veneer.compiler.ir.Param;
import veneer.compiler.ir.Value;

/**
 * What instruction selection needs from the code around a function body: the launch loop for
 * the kernel, a plain prologue/epilogue for callees.
 */
interface BodyEnv {
  /** Register holding parameter {@code p} (two for i64: [lo, hi]). */
  int[] param(Param p);

  /** Register holding the length of array parameter {@code p}, or -1 to load it from the array header. */
  int paramLength(Param p);

  /** Whether a null check of {@code p} may be dropped (this body copy runs only when p != null). */
  boolean nonNull(Param p);

  /** Register with the value of built-in {@code b} in dimension {@code dim}, emitted into {@code at} if needed. */
  int builtin(Builtin b, int dim, MBlock at);

  /** Emits the code of a failing check with trap site {@code site} into the cold block {@code stub}. */
  void trap(MBlock stub, int site);

  /** Where a body returns to (kernel: the next work-item), or null for a callee (epilogue). */
  String returnTarget();

  /** Label taken after a call when the callee left a pending trap. */
  String pendingTarget();

  /** A register holding constant {@code c}, set once at the function's entry (loop-invariant by construction). */
  int constant(int c);

  /** Emits a work-group barrier starting in {@code at}; returns the block that continues. */
  MBlock barrier(MBlock at);

  /** Whether {@code check} is known to pass here, so it emits nothing (a coarsened block's hoisted checks). */
  default boolean elides(Instr check) {
    return false;
  }

  /** The value of branch condition {@code cond} when it is known here, else null. */
  default Boolean knownCondition(Value cond) {
    return null;
  }

  /**
   * Where element {@code index} of {@code array} is, when this body knows it without computing the index
   * (a coarsened block: {@code p[globalId(0)]} is at a fixed offset from the block's base); null otherwise.
   */
  default Access access(Value array, Value index, Elem e) {
    return null;
  }

  /** An element's address as base register + byte offset, and what the access touches. */
  record Access(int base, int offset, MemTag tag) {
  }
}
