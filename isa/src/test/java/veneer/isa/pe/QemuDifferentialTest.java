package veneer.isa.pe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import veneer.isa.testing.PeToolchain;
import veneer.isa.testing.Tools;

/** The same C/assembly bodies built for the PE and for qemu-riscv32 print the same and end the same. */
class QemuDifferentialTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"arith.c", "sort.c", "strings.c", "recursion.c", "failcode.c", "asm_loop.S+asm_helpers.c"})
    void peAndQemuAgree(String sources) throws IOException {
        List<Path> files = new ArrayList<>();
        for (String name : sources.split("\\+")) {
            try (InputStream in = getClass().getResourceAsStream("/pe-programs/" + name)) {
                Path p = dir.resolve(name);
                Files.copy(in, p);
                files.add(p);
            }
        }
        String name = sources.replaceAll("[^a-z_]", "_");
        Path pe = PeToolchain.buildForPe(dir, name, files.toArray(new Path[0]));
        Path qemu = PeToolchain.buildForQemu(dir, name, files.toArray(new Path[0]));
        RunResult onPe = PeToolchain.runOnPe(pe, 4, 20_000_000);
        Tools.Result onQemu = PeToolchain.runOnQemu(qemu);
        assertEquals(RunResult.StopReason.TOHOST, onPe.reason(), () -> "PE run: " + onPe);
        assertTrue(onQemu.stdout().length() > 5, "qemu printed: " + onQemu.stdout());
        assertEquals(onQemu.stdout(), onPe.console(), "console output");
        assertEquals(onQemu.exitCode(), onPe.failureCode(), "exit code (qemu) vs tohost failure code (PE)");
        for (int t = 1; t < 4; t++) {
            assertEquals(ThreadStatus.EXITED, onPe.threads().get(t).status(), "threads without thread_main exit");
        }
    }
}
