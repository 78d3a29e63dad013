package veneer.shell.overlay;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import veneer.compiler.asm.Assembler;

/**
 * An assembled overlay kernel: its IMEM words and symbols, built in the JVM with the compiler's
 * assembler (GNU as syntax), so the test needs no cross toolchain.
 */
record OverlayKernel(int[] words, Assembler.Result assembled) {
  /** The array's vector-add kernel, overlay-rtl/src/test/resources/array/vecadd.S: arguments a, b, c. */
  static OverlayKernel vectorAdd() {
    return of(read("overlay-rtl/src/test/resources/array/vecadd.S"), "vecadd.S");
  }

  /**
   * overlay-rtl/src/test/resources/array/misaligned.S: like vecadd.S, but work-item
   * {@code args[3]} loads {@code a + 1} at the label {@code boom} (cause 4, mtval the address).
   */
  static OverlayKernel misalignedLoad() {
    return of(read("overlay-rtl/src/test/resources/array/misaligned.S"), "misaligned.S");
  }

  static OverlayKernel of(String source, String file) {
    Assembler.Result r = Assembler.assemble(source, file);
    return new OverlayKernel(r.textWords(), r);
  }

  /** The address of label {@code name}. */
  long symbol(String name) {
    Integer v = assembled.symbols().get(name);
    if (v == null) {
      throw new AssertionError("the kernel has no label " + name + "; it has " + assembled.symbols().keySet());
    }
    return Integer.toUnsignedLong(v);
  }

  /** Reads {@code relative} from the repository root (found above the working directory). */
  private static String read(String relative) {
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      Path f = p.resolve(relative);
      if (Files.isRegularFile(f)) {
        try {
          return Files.readString(f);
        } catch (IOException e) {
          throw new AssertionError("cannot read " + f, e);
        }
      }
    }
    throw new AssertionError(relative + " not found above " + Path.of("").toAbsolutePath());
  }
}
