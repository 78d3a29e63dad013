package veneer.cli;

import java.lang.reflect.Array;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import veneer.compiler.backend.ArgumentLayout;
import veneer.examples.ExampleDevice;
import veneer.kernel.JvmKernelRunner;
import veneer.kernel.KernelFailure;
import veneer.kernel.WorkRange;
import veneer.runtime.Device;
import veneer.runtime.KernelException;
import veneer.runtime.KernelHandle;
import veneer.runtime.LaunchResult;

/** {@code veneer run}: one kernel on a simulated device's overlay, checked against the JVM. */
@Command(name = "run", mixinStandardHelpOptions = true,
    description = {"Run a @Kernel method on the overlay of a simulated device and check it against the JVM.",
        "The device gets a freshly signed overlay image first. Array parameters get --size seeded random",
        "elements unless given with --arg; every scalar parameter needs --arg NAME=VALUE.",
        "Example: ./veneer run veneer.examples.VectorAdd#add --size 1024",
        "Example: ./veneer run veneer.examples.MatrixMultiply#multiply --size 64 --global 8,8 --arg n=8"})
final class RunCommand implements Callable<Integer> {
  @Parameters(paramLabel = "CLASS#METHOD", description = "The kernel, e.g. veneer.examples.VectorAdd#add.")
  String kernel;

  @Option(names = "--size", paramLabel = "N", description = "Elements of every array not given with --arg (default ${DEFAULT-VALUE}).")
  int size = 256;

  @Option(names = "--global", paramLabel = "X[,Y]", description = "The work range (default: --size).")
  String global;

  @Option(names = "--arg", paramLabel = "NAME=VALUE", description = "A parameter's value: a number, or numbers separated by commas.")
  List<String> args = new ArrayList<>();

  @Option(names = "--seed", description = "Seed of the random inputs (default ${DEFAULT-VALUE}).")
  long seed = 1;

  @Option(names = "--device", paramLabel = "URI", description = "sim:jvm or sim:verilator (default ${DEFAULT-VALUE}).")
  String device = "sim:jvm";

  @Option(names = "--timeout", paramLabel = "CYCLES", description = "Device cycles to wait for completion (default ${DEFAULT-VALUE}).")
  long timeout = KernelHandle.DEFAULT_TIMEOUT_CYCLES;

  @Override
  public Integer call() throws Exception {
    int hash = kernel.indexOf('#');
    if (hash <= 0 || hash == kernel.length() - 1) {
      throw new IllegalArgumentException("kernel: expected CLASS#METHOD such as veneer.examples.VectorAdd#add, found '"
          + kernel + "'");
    }
    if (size < 1) {
      throw new IllegalArgumentException("--size: expected at least 1, found " + size);
    }
    Class<?> owner = loadClass(kernel.substring(0, hash));
    Method method = JvmKernelRunner.findKernel(owner, kernel.substring(hash + 1));
    WorkRange range = range();
    try (Device dev = ExampleDevice.openWithOverlay(device)) {
      KernelHandle k = dev.user().kernel(owner, method.getName()).withTimeout(timeout);
      List<String> names = k.compiled().layout().params().stream().map(ArgumentLayout.Slot::name).toList();
      Object[] inputs = KernelArguments.build(method, names, given(), size, seed);
      Object[] onDevice = KernelArguments.copy(inputs);
      Object[] onJvm = KernelArguments.copy(inputs);
      Optional<KernelFailure> jvm = JvmKernelRunner.run(method, range, onJvm);
      Optional<KernelFailure> failure = Optional.empty();
      LaunchResult result = null;
      try {
        result = k.launch(range, onDevice);
      } catch (KernelException e) {
        failure = Optional.of(e.failure());
        System.out.println(e.getMessage());
      }
      System.out.printf("%s over %s on %s: compiled in %.1f ms, %d words of code%n", k.name(), range, device,
          k.compileNanos() / 1e6, k.compiled().imemImage().length);
      int mismatches = 0;
      for (int i = 0; i < inputs.length; i++) {
        if (inputs[i] != null && inputs[i].getClass().isArray()) {
          String d = Differences.first(onJvm[i], onDevice[i]);
          boolean written = Differences.first(inputs[i], onDevice[i]) != null;
          System.out.println("  " + names.get(i) + (written ? " (written)" : "") + ": " + Differences.preview(onDevice[i])
              + (d == null ? "" : "   MISMATCH: " + d));
          mismatches += d == null ? 0 : 1;
        }
      }
      if (result != null) {
        System.out.println("profile: " + result.profile());
      }
      if (!Objects.equals(jvm, failure)) {
        System.out.println("MISMATCH: the JVM reports " + jvm.map(Object::toString).orElse("no failure") + ", the device "
            + failure.map(Object::toString).orElse("no failure"));
        mismatches++;
      }
      System.out.println(mismatches == 0 ? "ok: the device equals the JVM" : "FAIL: " + mismatches + " difference(s) from the JVM");
      return mismatches == 0 ? 0 : 1;
    }
  }

  private WorkRange range() {
    if (global == null) {
      return WorkRange.of(size);
    }
    String[] p = global.split(",");
    try {
      if (p.length == 1) {
        return WorkRange.of(Integer.parseInt(p[0].strip()));
      } else if (p.length == 2) {
        return WorkRange.of2d(Integer.parseInt(p[0].strip()), Integer.parseInt(p[1].strip()), 1, 1);
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException("--global: expected X or X,Y (positive numbers), found '" + global + "'");
  }

  private Map<String, String> given() {
    Map<String, String> m = new LinkedHashMap<>();
    for (String a : args) {
      int eq = a.indexOf('=');
      if (eq <= 0) {
        throw new IllegalArgumentException("--arg: expected NAME=VALUE, found '" + a + "'");
      }
      m.put(a.substring(0, eq).strip(), a.substring(eq + 1).strip());
    }
    return m;
  }

  private static Class<?> loadClass(String name) {
    try {
      return Class.forName(name);
    } catch (ClassNotFoundException e) {
      throw new IllegalArgumentException("kernel class: " + name + " is not on the class path");
    }
  }

  /** Array comparison and short previews for the output. */
  static final class Differences {
    private Differences() {}

    static String first(Object expected, Object actual) {
      int n = Array.getLength(expected);
      for (int i = 0; i < n; i++) {
        if (!Array.get(expected, i).equals(Array.get(actual, i))) {
          return "element " + i + ": JVM " + Array.get(expected, i) + ", device " + Array.get(actual, i);
        }
      }
      return null;
    }

    static String preview(Object array) {
      int n = Array.getLength(array);
      StringBuilder sb = new StringBuilder("[");
      for (int i = 0; i < Math.min(n, 8); i++) {
        sb.append(i == 0 ? "" : ", ").append(Array.get(array, i));
      }
      return sb.append(n > 8 ? ", … (" + n + " elements)]" : "]").toString();
    }
  }
}
