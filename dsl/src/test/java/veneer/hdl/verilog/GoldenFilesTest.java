package veneer.hdl.verilog;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import veneer.hdl.designs.ReferenceDesigns;

/**
 * The emitted Verilog of small designs, compared byte for byte with files under
 * src/test/resources/golden/DESIGN/. After an intended change of the output, regenerate them with
 * {@code mvn -pl dsl test -Dtest=GoldenFilesTest -Dveneer.golden.update=true} and review the diff.
 */
class GoldenFilesTest {
  private static final Path GOLDEN = Path.of("src", "test", "resources", "golden");

  @ParameterizedTest
  @ValueSource(strings = {"counter", "fsm", "memory", "hierarchy"})
  void emittedVerilogMatchesGoldenFiles(String design) throws IOException {
    Map<String, String> files = VerilogEmitter.emit(ReferenceDesigns.elaborate(design));
    Path dir = GOLDEN.resolve(design);
    if (Boolean.getBoolean("veneer.golden.update")) {
      Files.createDirectories(dir);
      try (Stream<Path> old = Files.list(dir)) {
        for (Path p : old.collect(Collectors.toList())) {
          Files.delete(p);
        }
      }
      for (Map.Entry<String, String> e : files.entrySet()) {
        Files.writeString(dir.resolve(e.getKey()), e.getValue(), StandardCharsets.UTF_8);
      }
    }
    try (Stream<Path> golden = Files.list(dir)) {
      assertEquals(golden.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList()),
          files.keySet().stream().sorted().collect(Collectors.toList()), "the files of " + design);
    }
    for (Map.Entry<String, String> e : files.entrySet()) {
      String expected = Files.readString(dir.resolve(e.getKey()), StandardCharsets.UTF_8);
      assertEquals(expected, e.getValue(), design + "/" + e.getKey()
          + " differs from its golden file; if the change is intended, rerun with -Dveneer.golden.update=true");
    }
  }
}
