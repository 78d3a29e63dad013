package veneer.sim.jvm;

import java.util.HashMap;
import java.util.Map;

/**
 * Defines the classes generated for one design, on demand, in a loader of their own (so they are
 * unloaded with the simulator). The kernel class refers to its part classes by name, and the JVM
 * asks this loader for each one the first time it runs code that uses it.
 */
final class KernelLoader extends ClassLoader {
  private final Map<String, byte[]> classes;

  /** @param classes class files by internal name ({@code veneer/sim/jvm/kernel/Gen1_Top}) */
  KernelLoader(ClassLoader parent, Map<String, byte[]> classes) {
    super(parent);
    this.classes = new HashMap<>();
    classes.forEach((name, bytes) -> this.classes.put(name.replace('/', '.'), bytes));
  }

  @Override
  protected Class<?> findClass(String name) throws ClassNotFoundException {
    byte[] b;
    synchronized (classes) {
      b = classes.remove(name);
    }
    if (b == null) {
      throw new ClassNotFoundException(name);
    }
    return defineClass(name, b, 0, b.length);
  }
}
