package veneer.runtime.image;

import java.time.Instant;
import java.util.Objects;

/**
 * How an image was built. The timestamp is given by the caller (never read from the clock here)
 * so that the same build inputs give a byte-identical image.
 *
 * <pre>{@code
 * new BuildInfo("veneer 0.1.0", Instant.parse("2025-01-01T00:00:00Z"), "nightly build 42")
 * }</pre>
 *
 * @param toolVersion the tool that built the Role, at most 255 bytes of UTF-8, no control characters
 * @param timestamp build time, stored with millisecond precision
 * @param notes free text, at most 4096 bytes of UTF-8; line feed and tab allowed
 */
public record BuildInfo(String toolVersion, Instant timestamp, String notes) {

  /** Checks the text rules and truncates the timestamp to milliseconds (what the file stores). */
  public BuildInfo {
    Objects.requireNonNull(toolVersion, "toolVersion");
    Objects.requireNonNull(timestamp, "timestamp");
    Objects.requireNonNull(notes, "notes");
    HeaderText.encode("tool version", toolVersion, HeaderText.MAX_TOOL_VERSION_BYTES, false);
    HeaderText.encode("notes", notes, HeaderText.MAX_NOTES_BYTES, true);
    timestamp = Instant.ofEpochMilli(timestamp.toEpochMilli());
  }
}
