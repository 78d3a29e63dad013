package veneer.compiler.tool;

import veneer.compiler.CompileOptions;
import veneer.compiler.CompiledKernel;
import veneer.compiler.KernelCompiler;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The work behind {@code veneer compile CLASS[#METHOD] --emit ir|asm|elf --out DIR}: compiles one
 * kernel (or every {@code @Kernel} method of the class when no method is given) and writes
 * {@code Class.method.ir}, {@code .s} (disassembly with the argument layout and timings as
 * comments) or {@code .elf} into the directory. Returns the files written.
 *
 * <pre>{@code
 * List<Path> written = CompileTool.run("com.acme.Kernels", "add", "elf", Path.of("out"));
 * }</pre>
 */
public final class CompileTool {
  private CompileTool() {
  }

  /** What can be emitted. */
  public enum Emit { IR, ASM, ELF }

  /**
   * Compiles {@code className}'s kernel {@code method} (null: all its {@code @Kernel} methods)
   * and writes what {@code emit} names ("ir", "asm" or "elf") to {@code outDir}.
   */
  public static List<Path> run(String className, String method, String emit, Path outDir) {
    Emit what;
    try {
      what = Emit.valueOf(emit.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--emit must be ir, asm or elf, found " + emit);
    }
    Class<?> owner;
    try {
      owner = Class.forName(className);
    } catch (ClassNotFoundException e) {
      throw new IllegalArgumentException("class " + className + " is not on the class path", e);
    }
    List<String> methods = new ArrayList<>();
    if (method != null) {
      methods.add(method);
    } else {
      for (java.lang.reflect.Method m : owner.getDeclaredMethods()) {
        if (m.isAnnotationPresent(veneer.kernel.Kernel.class)) {
          methods.add(m.getName());
        }
      }
      methods.sort(null);
      if (methods.isEmpty()) {
        throw new IllegalArgumentException("class " + className + " has no @Kernel method");
      }
    }
    List<Path> written = new ArrayList<>();
    try {
      Files.createDirectories(outDir);
      for (String m : methods) {
        CompiledKernel k = KernelCompiler.compile(owner, m, CompileOptions.defaults());
        Path p;
        switch (what) {
          case IR -> {
            p = outDir.resolve(k.name() + ".ir");
            Files.writeString(p, k.ir(), StandardCharsets.UTF_8);
          }
          case ASM -> {
            p = outDir.resolve(k.name() + ".s");
            Files.writeString(p, asmText(k), StandardCharsets.UTF_8);
          }
          default -> {
            p = outDir.resolve(k.name() + ".elf");
            Files.write(p, k.elf());
          }
        }
        written.add(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write to " + outDir, e);
    }
    return written;
  }

  private static String asmText(CompiledKernel k) {
    StringBuilder sb = new StringBuilder("# ").append(k.name()).append(k.teamMode() ? " (team mode)" : " (item mode)").append('\n');
    sb.append("# argument block: words 0..16 launch header (15: PEs, 16: failure table), then\n");
    k.layout().describe().lines().forEach(l -> sb.append("#   ").append(l).append('\n'));
    k.timings().forEach((stage, ns) -> sb.append(String.format(Locale.ROOT, "# %-9s %8.3f ms%n", stage, ns / 1e6)));
    return sb.append(k.asm()).toString();
  }
}
