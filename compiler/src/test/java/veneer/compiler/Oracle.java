package veneer.compiler;

import veneer.compiler.interp.IrInterpreter;
import veneer.compiler.ir.IrPrinter;
import veneer.compiler.ir.IrVerifier;
import veneer.compiler.ir.KernelIr;
import veneer.compiler.pass.Pass;
import veneer.compiler.pass.Passes;
import veneer.kernel.JvmKernelRunner;
import veneer.kernel.KernelFailure;
import veneer.kernel.WorkRange;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The test oracle: runs a kernel on the JVM and through the IR interpreter — after the front end
 * and after every pass of a pipeline — and fails unless failure and memory are identical.
 */
public final class Oracle {
  private Oracle() {
  }

  /** Outcome of one run: the failure (if any) and the arrays afterwards. */
  public record Run(Optional<KernelFailure> failure, Object[] memory) {
  }

  /** Runs on the JVM on a deep copy of {@code args}. */
  public static Run jvm(Class<?> owner, String kernel, WorkRange range, Object[] args) {
    Object[] copy = deepCopy(args);
    return new Run(JvmKernelRunner.run(owner, kernel, range, copy), copy);
  }

  /** Runs the IR on a deep copy of {@code args}. */
  public static Run ir(KernelIr ir, WorkRange range, Object[] args) {
    Object[] copy = deepCopy(args);
    return new Run(IrInterpreter.run(ir, range, copy), copy);
  }

  /** Checks JVM == IR after the front end and after each standard pass; returns the JVM run. */
  public static Run check(Class<?> owner, String kernel, WorkRange range, Object... args) {
    return check(owner, kernel, Passes.standard(), range, args);
  }

  /** Checks JVM == IR after the front end and after each of {@code passes}. */
  public static Run check(Class<?> owner, String kernel, List<Pass> passes, WorkRange range, Object... args) {
    Run expected = jvm(owner, kernel, range, args);
    KernelIr ir = KernelCompiler.frontEnd(owner, kernel);
    compare(expected, ir(ir, range, args), "front end", ir);
    for (Pass p : passes) {
      p.run(ir);
      try {
        IrVerifier.verify(ir);
      } catch (IllegalStateException e) {
        throw new AssertionError("after pass " + p.name() + ": " + e.getMessage(), e);
      }
      compare(expected, ir(ir, range, args), p.name(), ir);
    }
    return expected;
  }

  /** Fails unless both runs failed the same way and left the same memory. */
  public static void compare(Run expected, Run actual, String stage, KernelIr ir) {
    if (!expected.failure().equals(actual.failure())) {
      throw new AssertionError("after " + stage + ": JVM failure " + expected.failure().map(Object::toString).orElse("none")
          + " but IR failure " + actual.failure().map(Object::toString).orElse("none") + "\n" + IrPrinter.print(ir));
    }
    for (int i = 0; i < expected.memory().length; i++) {
      if (!Arrays.deepEquals(new Object[] {expected.memory()[i]}, new Object[] {actual.memory()[i]})) {
        throw new AssertionError("after " + stage + ": argument " + i + " differs:\n JVM " + describe(expected.memory()[i])
            + "\n IR  " + describe(actual.memory()[i]) + "\n" + IrPrinter.print(ir));
      }
    }
  }

  private static String describe(Object o) {
    String s = Arrays.deepToString(new Object[] {o});
    return s.length() > 400 ? s.substring(0, 400) + "..." : s;
  }

  /** Copies arrays so each run starts from the same inputs. */
  public static Object[] deepCopy(Object[] args) {
    Object[] c = args.clone();
    for (int i = 0; i < c.length; i++) {
      Object a = c[i];
      if (a instanceof int[] x) {
        c[i] = x.clone();
      } else if (a instanceof long[] x) {
        c[i] = x.clone();
      } else if (a instanceof short[] x) {
        c[i] = x.clone();
      } else if (a instanceof byte[] x) {
        c[i] = x.clone();
      } else if (a instanceof char[] x) {
        c[i] = x.clone();
      } else if (a instanceof boolean[] x) {
        c[i] = x.clone();
      }
    }
    return c;
  }
}
