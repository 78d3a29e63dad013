package veneer.isa.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the reference tools (GNU binutils/gcc for RISC-V, qemu-riscv32) and fails loudly if one is missing. */
public final class Tools {
    public static final String OBJDUMP = "riscv64-unknown-elf-objdump";
    public static final String READELF = "riscv64-unknown-elf-readelf";
    public static final String AS = "riscv64-unknown-elf-as";
    public static final String GCC = "riscv64-unknown-elf-gcc";
    public static final String QEMU = "qemu-riscv32";

    private Tools() {
    }

    /** The result of one tool run. */
    public record Result(int exitCode, String stdout, String stderr) {
    }

    /** Runs a command, returns its output; throws if it cannot start (naming the Debian package). */
    public static Result run(Path dir, List<String> command) {
        try {
            Path out = Files.createTempFile("veneer-tool", ".out");
            Path err = Files.createTempFile("veneer-tool", ".err");
            try {
                Process p = new ProcessBuilder(command).directory(dir.toFile())
                        .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
                if (!p.waitFor(60, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    throw new AssertionError("timed out after 60 s: " + String.join(" ", command));
                }
                return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                        Files.readString(err, StandardCharsets.UTF_8));
            } finally {
                Files.deleteIfExists(out);
                Files.deleteIfExists(err);
            }
        } catch (IOException e) {
            throw new AssertionError("cannot run '" + command.get(0) + "' (" + e.getMessage()
                    + "); install it: apt-get install " + packageOf(command.get(0)) + "  (or run ./veneer test)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Runs a command and requires exit code 0; returns stdout. */
    public static String check(Path dir, String... command) {
        Result r = run(dir, List.of(command));
        if (r.exitCode() != 0) {
            throw new AssertionError(String.join(" ", command) + " failed with exit code " + r.exitCode()
                    + "\nstdout:\n" + r.stdout() + "\nstderr:\n" + r.stderr());
        }
        return r.stdout();
    }

    /** A list builder for commands with many arguments. */
    public static List<String> cmd(String... parts) {
        return new ArrayList<>(List.of(parts));
    }

    private static String packageOf(String tool) {
        if (tool.equals(QEMU)) {
            return "qemu-user";
        }
        if (tool.equals(GCC)) {
            return "gcc-riscv64-unknown-elf picolibc-riscv64-unknown-elf";
        }
        return "binutils-riscv64-unknown-elf";
    }
}
