package veneer.shell.mgmt;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** docs/shell-pcie.md shows the register maps exactly as the RTL is built from them. */
class RegisterMapDocTest {
  @Test
  void docsContainTheGeneratedRegisterMaps() throws Exception {
    Path doc = Path.of("..", "docs", "shell-pcie.md");
    String text = Files.readString(doc);
    for (String table : new String[] {ManagementRegisters.toMarkdown(), UserRegisters.toMarkdown()}) {
      assertTrue(text.contains(table), "docs/shell-pcie.md is out of date; it must contain:\n" + table);
    }
  }
}
