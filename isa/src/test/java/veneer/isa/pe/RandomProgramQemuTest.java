package veneer.isa.pe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import veneer.isa.testing.PeToolchain;
import veneer.isa.testing.Tools;

/** Seeded random instruction sequences end with the same registers on the PE model and under qemu. */
class RandomProgramQemuTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16})
    void registersMatchQemu(long seed) throws IOException {
        Path body = dir.resolve("body.S");
        Files.writeString(body, RandomProgramGenerator.generate(seed, 300));
        Path main = dir.resolve("dump_main.c");
        try (InputStream in = getClass().getResourceAsStream("/pe-programs/dump_main.c")) {
            Files.copy(in, main);
        }
        Path pe = PeToolchain.buildForPe(dir, "rand" + seed, body, main);
        Path qemu = PeToolchain.buildForQemu(dir, "rand" + seed, body, main);
        RunResult onPe = PeToolchain.runOnPe(pe, 1, 5_000_000);
        Tools.Result onQemu = PeToolchain.runOnQemu(qemu);
        assertEquals(0, onQemu.exitCode(), "seed " + seed + ": qemu " + onQemu.stderr());
        assertTrue(onPe.passed(), "seed " + seed + ": PE run " + onPe);
        assertEquals(27, onQemu.stdout().lines().count(), "seed " + seed);
        assertEquals(onQemu.stdout(), onPe.console(), "seed " + seed + " (rerun RandomProgramGenerator.generate(seed, 300) to see the program)");
    }
}
