package veneer.shell.dma;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import veneer.shell.msix.MsixRegisters;

/** docs/shell-dma.md shows the register maps exactly as the Java declarations build them. */
class DmaRegisterDocTest {
  @Test
  void docsMatchTheDeclarations() throws IOException {
    Path doc = Path.of("..", "docs", "shell-dma.md");
    String text = Files.readString(doc).replace("\r\n", "\n");
    for (String table : new String[] {DmaRegisters.CHANNELS.toMarkdown(), DmaRegisters.WINDOWS.toMarkdown(),
        MsixRegisters.toMarkdown()}) {
      assertTrue(text.contains(table.replace("\r\n", "\n")), "docs/shell-dma.md is out of date; paste:\n\n" + table);
    }
  }
}
