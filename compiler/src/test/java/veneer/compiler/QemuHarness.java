package veneer.compiler;

import veneer.compiler.launch.DeviceLaunch;
import veneer.kernel.KernelFailure;
import veneer.kernel.WorkRange;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Runs a kernel compiled with {@link CompileOptions#withQemuUser(boolean)} under qemu-riscv32: links it
 * into src/test/resources/qemu/harness.S with riscv64-unknown-elf-gcc, feeds the argument block and the
 * global memory image (laid out by {@link DeviceLaunch}, as a device host does) on stdin and reads the
 * global memory back from stdout. Fails loudly when a tool is missing.
 */
public final class QemuHarness {
  private static final String GCC = "riscv64-unknown-elf-gcc";
  private static final String QEMU = "qemu-riscv32";
  private static final int GLOBAL_BYTES = 0x10_0000;
  private static final int SCRATCHPAD_BYTES = 0x4000;

  private QemuHarness() {
  }

  /** Runs {@code k} on {@code pes} x {@code threads} emulated threads; fills {@code args}' arrays; returns the failure. */
  public static Optional<KernelFailure> run(CompiledKernel k, WorkRange range, int pes, int threads, Object... args) {
    Path dir;
    try {
      dir = Files.createTempDirectory("veneer-qemu");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try {
      Path bin = dir.resolve("kernel.bin");
      int[] image = k.imemImage();
      ByteBuffer code = ByteBuffer.allocate(4 * image.length).order(ByteOrder.LITTLE_ENDIAN);
      for (int w : image) {
        code.putInt(w);
      }
      Files.write(bin, code.array());
      Path resources = Path.of("src/test/resources/qemu").toAbsolutePath();
      Path elf = dir.resolve("harness.elf");
      exec(dir, null, List.of(GCC, "-march=rv32im_zicsr", "-mabi=ilp32", "-nostdlib", "-static", "-Wl,--no-relax",
          "-Wa,-I" + dir, "-T", resources.resolve("harness.ld").toString(), resources.resolve("harness.S").toString(),
          "-o", elf.toString()), "gcc-riscv64-unknown-elf");

      DeviceLaunch plan = DeviceLaunch.of(k, range, pes, threads, SCRATCHPAD_BYTES);
      long[] at = new long[args.length];
      int next = 0x40;
      for (int i = 0; i < args.length; i++) {
        at[i] = DeviceLaunch.peAddress(next);
        next += (plan.imageBytes(i, args[i]) + 15) & ~15;
      }
      int table = next;
      int size = table + plan.failureTableBytes();
      if (size > GLOBAL_BYTES) {
        throw new IllegalArgumentException("the harness has " + GLOBAL_BYTES + " bytes of global memory, the launch needs " + size);
      }
      byte[] global = new byte[size];
      for (int i = 0; i < args.length; i++) {
        byte[] b = plan.image(i, args[i]);
        System.arraycopy(b, 0, global, (int) (at[i] - 0x8000_0000L), b.length);
      }
      int[] words = plan.argumentWords(DeviceLaunch.peAddress(table), args, at);
      ByteBuffer in = ByteBuffer.allocate(12 + 256 + size).order(ByteOrder.LITTLE_ENDIAN);
      in.putInt(pes).putInt(threads).putInt(size);
      for (int w : words) {
        in.putInt(w);
      }
      in.put(global);
      byte[] out = exec(dir, in.array(), List.of(QEMU, elf.toString()), "qemu-user");
      if (out.length != size) {
        throw new AssertionError("the harness wrote " + out.length + " bytes, expected " + size);
      }
      for (int i = 0; i < args.length; i++) {
        int off = (int) (at[i] - 0x8000_0000L);
        byte[] b = new byte[plan.imageBytes(i, args[i])];
        System.arraycopy(out, off, b, 0, b.length);
        plan.readBack(i, b, args[i]);
      }
      ByteBuffer t = ByteBuffer.wrap(out, table, plan.failureTableBytes()).order(ByteOrder.LITTLE_ENDIAN);
      int[] records = new int[plan.failureTableBytes() / 4];
      for (int i = 0; i < records.length; i++) {
        records[i] = t.getInt();
      }
      return plan.failure(records);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      deleteAll(dir);
    }
  }

  private static void deleteAll(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] exec(Path dir, byte[] stdin, List<String> cmd, String debianPackage) throws IOException {
    Process p;
    try {
      p = new ProcessBuilder(new ArrayList<>(cmd)).directory(dir.toFile()).redirectError(dir.resolve("stderr.txt").toFile()).start();
    } catch (IOException e) {
      throw new AssertionError(cmd.get(0) + " is missing: install the Debian package " + debianPackage + " (./veneer test installs it)", e);
    }
    if (stdin != null) {
      // from another thread, so that the input and the output pipes cannot block each other
      Thread writer = new Thread(() -> {
        try (var os = p.getOutputStream()) {
          os.write(stdin);
        } catch (IOException ignored) {
          // the process ended early; its exit code says why
        }
      });
      writer.start();
    } else {
      p.getOutputStream().close();
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (InputStream is = p.getInputStream()) {
      is.transferTo(out);
    }
    try {
      if (!p.waitFor(60, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new AssertionError(String.join(" ", cmd) + " did not finish in 60 s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
    if (p.exitValue() != 0) {
      throw new AssertionError(String.join(" ", cmd) + " exited with " + p.exitValue() + ":\n"
          + Files.readString(dir.resolve("stderr.txt")) + (stdin == null ? new String(out.toByteArray()) : ""));
    }
    return out.toByteArray();
  }
}
