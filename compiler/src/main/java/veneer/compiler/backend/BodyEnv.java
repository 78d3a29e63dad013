package veneer.compiler.backend;

import veneer.compiler.ir.Builtin;
import veneer.compiler.ir.Param;

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
}
