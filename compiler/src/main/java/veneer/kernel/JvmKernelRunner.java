package veneer.kernel;

import java.lang.reflect.Array;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Phaser;

/**
 * Runs a kernel as plain Java over a {@link WorkRange}: the reference result of every launch.
 * Work-groups run one after another; the items of a group run on their own threads only when the
 * group has more than one item (so {@link WorkItem#barrier()} works). An item that fails stops,
 * the others go on; the failure of the lowest linear global id is reported.
 *
 * <pre>{@code
 * Optional<KernelFailure> f = JvmKernelRunner.run(VectorAdd.class, "add", WorkRange.of(n), a, b, c);
 * }</pre>
 */
public final class JvmKernelRunner {
  private JvmKernelRunner() {
  }

  /** Runs the {@code @Kernel} method {@code name} of {@code owner}; arrays are updated in place. */
  public static Optional<KernelFailure> run(Class<?> owner, String name, WorkRange range, Object... args) {
    return run(findKernel(owner, name), range, args);
  }

  /** Finds the unique static method {@code name} of {@code owner}. */
  public static Method findKernel(Class<?> owner, String name) {
    Method found = null;
    for (Method m : owner.getDeclaredMethods()) {
      if (m.getName().equals(name) && Modifier.isStatic(m.getModifiers())) {
        if (found != null) {
          throw new IllegalArgumentException("kernel name " + name + " is overloaded in " + owner.getName()
              + "; give kernels unique names");
        }
        found = m;
      }
    }
    if (found == null) {
      throw new IllegalArgumentException("no static method " + name + " in " + owner.getName());
    }
    return found;
  }

  /** Runs {@code kernel}; arrays in {@code args} are updated in place. */
  public static Optional<KernelFailure> run(Method kernel, WorkRange range, Object... args) {
    if (args.length != kernel.getParameterCount()) {
      throw new IllegalArgumentException("kernel " + kernel.getName() + " takes " + kernel.getParameterCount()
          + " arguments, found " + args.length);
    }
    kernel.setAccessible(true);
    boolean[] local = new boolean[args.length];
    for (int i = 0; i < args.length; i++) {
      local[i] = kernel.getParameters()[i].isAnnotationPresent(Local.class);
    }
    KernelFailure first = null;
    for (int g = 0; g < range.groupCount(); g++) {
      Object[] groupArgs = args.clone();
      for (int i = 0; i < args.length; i++) {
        if (local[i] && args[i] != null) {
          groupArgs[i] = Array.newInstance(args[i].getClass().getComponentType(), Array.getLength(args[i]));
        }
      }
      KernelFailure f = range.groupSize() == 1
          ? runItem(kernel, range.item(g, 0), groupArgs, () -> { })
          : runGroup(kernel, range, g, groupArgs);
      if (f != null && (first == null || f.workItem() < first.workItem())) {
        first = f;
      }
    }
    return Optional.ofNullable(first);
  }

  private static KernelFailure runGroup(Method kernel, WorkRange range, int group, Object[] args) {
    int n = range.groupSize();
    Phaser phaser = new Phaser(n);
    KernelFailure[] failures = new KernelFailure[n];
    RuntimeException[] errors = new RuntimeException[n];
    List<Thread> threads = new ArrayList<>();
    for (int l = 0; l < n; l++) {
      int item = l;
      Thread t = new Thread(() -> {
        try {
          failures[item] = runItem(kernel, range.item(group, item), args, phaser::arriveAndAwaitAdvance);
        } catch (RuntimeException e) {
          errors[item] = e;
        } finally {
          phaser.arriveAndDeregister();
        }
      }, "work-item-" + l);
      threads.add(t);
      t.start();
    }
    for (Thread t : threads) {
      try {
        t.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while running a work-group", e);
      }
    }
    KernelFailure first = null;
    for (int l = 0; l < n; l++) {
      if (errors[l] != null) {
        throw errors[l];
      }
      if (failures[l] != null && (first == null || failures[l].workItem() < first.workItem())) {
        first = failures[l];
      }
    }
    return first;
  }

  private static KernelFailure runItem(Method kernel, WorkItemId id, Object[] args, Runnable barrier) {
    WorkItem.enter(id, barrier);
    try {
      kernel.invoke(null, args);
      return null;
    } catch (IllegalAccessException e) {
      throw new IllegalStateException("cannot call kernel " + kernel, e);
    } catch (InvocationTargetException e) {
      return toFailure(e.getCause(), id);
    } finally {
      WorkItem.leave();
    }
  }

  private static KernelFailure toFailure(Throwable t, WorkItemId id) {
    KernelFailure.Kind kind;
    if (t instanceof ArrayIndexOutOfBoundsException) {
      kind = KernelFailure.Kind.BOUNDS;
    } else if (t instanceof NullPointerException) {
      kind = KernelFailure.Kind.NULL;
    } else if (t instanceof ArithmeticException) {
      kind = KernelFailure.Kind.DIV_ZERO;
    } else if (t instanceof RuntimeException r) {
      throw r;
    } else if (t instanceof Error e) {
      throw e;
    } else {
      throw new IllegalStateException("kernel threw " + t, t);
    }
    for (StackTraceElement e : t.getStackTrace()) {
      String c = e.getClassName();
      if (!c.startsWith("java.") && !c.startsWith("jdk.") && !c.startsWith("sun.")) {
        return new KernelFailure(kind, e.getFileName(), e.getLineNumber(), id.linearGlobalId());
      }
    }
    throw new IllegalStateException("kernel failure without a kernel frame: " + t, t);
  }
}
