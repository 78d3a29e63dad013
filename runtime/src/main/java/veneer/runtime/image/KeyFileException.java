package veneer.runtime.image;

import java.io.IOException;

/**
 * A key, trust-store or rollback-policy file could be read but its content is wrong. The message
 * names the file, the line, what was expected and what was found.
 */
public final class KeyFileException extends IOException {

  KeyFileException(String message) {
    super(message);
  }

  KeyFileException(String message, Throwable cause) {
    super(message, cause);
  }
}
