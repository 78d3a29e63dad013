package veneer.shell;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** docs/shell.md shows the partition region and the configuration-port bits exactly as the RTL uses them. */
class ShellDocTest {
  @Test
  void docsContainTheGeneratedPartitionRegisterMap() throws Exception {
    String text = Files.readString(Path.of("..", "docs", "shell.md"));
    String table = PartitionRegisters.toMarkdown();
    assertTrue(text.contains(table), "docs/shell.md is out of date; it must contain:\n" + table);
  }
}
