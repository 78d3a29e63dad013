package veneer.compiler.pass;

import veneer.compiler.ir.KernelIr;

/**
 * One transformation of the IR, with one job. Passes run in the order of a {@code List<Pass>}
 * ({@link Passes#standard()}); each must leave the IR valid for {@link veneer.compiler.ir.IrVerifier}
 * and must not change what the kernel computes or where it fails.
 */
public interface Pass {
  /** Short name for messages and {@code --emit}. */
  String name();

  /** Transforms {@code ir} in place. */
  void run(KernelIr ir);
}
