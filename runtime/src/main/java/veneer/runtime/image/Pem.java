package veneer.runtime.image;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The PEM text form (RFC 7468): "-----BEGIN LABEL-----", base64 lines, "-----END LABEL-----".
 * Lines outside blocks are handed back to the caller, which decides whether they are allowed.
 */
final class Pem {

  static final String PRIVATE_KEY = "PRIVATE KEY";
  static final String PUBLIC_KEY = "PUBLIC KEY";
  private static final int LINE_WIDTH = 64;

  /** One decoded block and the line (1-based) of its BEGIN marker. */
  record Block(String label, byte[] der, int line) {
  }

  /** A non-blank line outside any block. */
  record Line(int number, String text) {
  }

  /** Blocks and the other non-blank lines of a text. */
  record Document(List<Block> blocks, List<Line> otherLines) {
  }

  private Pem() {
  }

  static String encode(String label, byte[] der) {
    String base64 = Base64.getEncoder().encodeToString(der);
    StringBuilder text = new StringBuilder("-----BEGIN ").append(label).append("-----\n");
    for (int i = 0; i < base64.length(); i += LINE_WIDTH) {
      text.append(base64, i, Math.min(base64.length(), i + LINE_WIDTH)).append('\n');
    }
    return text.append("-----END ").append(label).append("-----\n").toString();
  }

  static Document parse(String text, String source) throws KeyFileException {
    List<Block> blocks = new ArrayList<>();
    List<Line> others = new ArrayList<>();
    String[] lines = text.split("\r?\n", -1);
    String openLabel = null;
    int openLine = 0;
    StringBuilder base64 = new StringBuilder();
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      int number = i + 1;
      if (openLabel == null) {
        if (line.startsWith("-----BEGIN ") && line.endsWith("-----")) {
          openLabel = line.substring(11, line.length() - 5);
          openLine = number;
          base64.setLength(0);
        } else if (line.startsWith("-----END ")) {
          throw new KeyFileException(source + ":" + number + ": expected a \"-----BEGIN ...-----\" line before an END line, found \"" + line + "\"");
        } else if (!line.isEmpty()) {
          others.add(new Line(number, line));
        }
      } else if (line.startsWith("-----END ")) {
        String expected = "-----END " + openLabel + "-----";
        if (!line.equals(expected)) {
          throw new KeyFileException(source + ":" + number + ": expected \"" + expected + "\", found \"" + line + "\"");
        }
        try {
          blocks.add(new Block(openLabel, Base64.getDecoder().decode(base64.toString()), openLine));
        } catch (IllegalArgumentException e) {
          throw new KeyFileException(source + ":" + openLine + ": expected base64 text in the " + openLabel
              + " block, found invalid base64 (" + e.getMessage() + ")");
        }
        openLabel = null;
      } else {
        base64.append(line);
      }
    }
    if (openLabel != null) {
      throw new KeyFileException(source + ":" + openLine + ": expected \"-----END " + openLabel
          + "-----\" to close the block opened here, found the end of the file");
    }
    return new Document(blocks, others);
  }
}
