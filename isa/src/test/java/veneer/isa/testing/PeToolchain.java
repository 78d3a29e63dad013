package veneer.isa.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import veneer.isa.elf.ElfFile;
import veneer.isa.pe.ArrayGlobalMemory;
import veneer.isa.pe.PeConfig;
import veneer.isa.pe.PeModel;
import veneer.isa.pe.RunResult;

/** Builds test bodies twice — for the PE (pe-sdk) and for qemu-riscv32 — and runs both. */
public final class PeToolchain {
    private static final List<String> FLAGS = List.of("-march=rv32im_zicsr", "-mabi=ilp32", "-O2", "-nostdlib",
            "-ffreestanding", "-fno-builtin", "-static");

    private PeToolchain() {
    }

    /** The repository's pe-sdk folder (tests run in the isa module directory). */
    public static Path sdk() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("pe-sdk/pe.ld"))) {
                return p.resolve("pe-sdk");
            }
        }
        throw new AssertionError("pe-sdk/pe.ld not found above " + Path.of("").toAbsolutePath());
    }

    /** Compiles and links sources (C or .S) for the PE. */
    public static Path buildForPe(Path dir, String name, Path... sources) {
        Path sdk = sdk();
        List<String> cmd = Tools.cmd(Tools.GCC);
        cmd.addAll(FLAGS);
        cmd.addAll(List.of("-I" + sdk, "-T", sdk.resolve("pe.ld").toString(), sdk.resolve("crt0.S").toString()));
        for (Path s : sources) {
            cmd.add(s.toString());
        }
        Path out = dir.resolve(name + ".pe.elf");
        cmd.addAll(List.of("-o", out.toString()));
        check(dir, cmd);
        return out;
    }

    /** Compiles and links the same sources for qemu-riscv32 (Linux user mode). */
    public static Path buildForQemu(Path dir, String name, Path... sources) {
        Path sdk = sdk();
        List<String> cmd = Tools.cmd(Tools.GCC);
        cmd.addAll(FLAGS);
        cmd.addAll(List.of("-DVENEER_QEMU", "-I" + sdk, sdk.resolve("qemu_start.S").toString()));
        for (Path s : sources) {
            cmd.add(s.toString());
        }
        Path out = dir.resolve(name + ".qemu.elf");
        cmd.addAll(List.of("-o", out.toString()));
        check(dir, cmd);
        return out;
    }

    /** Runs a PE executable on a fresh model. */
    public static RunResult runOnPe(Path elf, int threads, long budget) {
        PeModel pe = new PeModel(PeConfig.defaults().withThreads(threads), new ArrayGlobalMemory(1 << 16));
        pe.load(ElfFile.read(elf));
        return pe.run(budget);
    }

    /** Runs a qemu executable. */
    public static Tools.Result runOnQemu(Path elf) {
        return Tools.run(elf.getParent(), List.of(Tools.QEMU, elf.toString()));
    }

    private static void check(Path dir, List<String> cmd) {
        Tools.Result r = Tools.run(dir, cmd);
        if (r.exitCode() != 0) {
            throw new AssertionError(String.join(" ", cmd) + " failed:\n" + r.stderr());
        }
    }
}
