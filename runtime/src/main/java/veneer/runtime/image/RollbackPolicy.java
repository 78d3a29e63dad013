package veneer.runtime.image;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.TreeMap;

/**
 * Anti-rollback: the minimum image version accepted per (role kind, variant id). An image older
 * than the minimum is refused, so a known-bad older build cannot be reloaded once a newer one has
 * been loaded. The minimum rises only through {@link #recordLoaded} (after a successful load) or
 * {@link #raiseMinimum}; it never falls. A policy loaded from a file writes every change back
 * to that file atomically (temporary file, then rename).
 *
 * <p>File form, one rule per line: {@code <OVERLAY|RTL> <variant id> <minimum version>}; lines
 * starting with # are comments.
 *
 * <pre>{@code
 * RollbackPolicy rollback = RollbackPolicy.load(Path.of("/var/lib/veneer/rollback"));
 * VerifiedImage image = ImageVerifier.verify(bytes, shellId, trust, rollback);
 * device.management().load(image);      // the loading path, once it exists
 * rollback.recordLoaded(image);         // from now on older versions are refused
 * }</pre>
 */
public final class RollbackPolicy {

  private final Path file;
  private final Map<String, Long> minimums = new TreeMap<>();

  private RollbackPolicy(Path file) {
    this.file = file;
  }

  /** A policy that starts empty and is not persisted (tests, simulation). */
  public static RollbackPolicy inMemory() {
    return new RollbackPolicy(null);
  }

  /** Reads the policy file, or starts empty if it does not exist; changes are written back to it. */
  public static RollbackPolicy load(Path file) throws IOException {
    RollbackPolicy policy = new RollbackPolicy(file);
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      return policy;
    }
    String[] lines = text.split("\r?\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      policy.parseRule(line, file + ":" + (i + 1));
    }
    return policy;
  }

  private void parseRule(String line, String where) throws KeyFileException {
    String[] fields = line.split("\\s+");
    if (fields.length != 3) {
      throw new KeyFileException(where + ": expected \"<OVERLAY|RTL> <variant id> <minimum version>\", found \"" + line + "\"");
    }
    RoleKind kind;
    try {
      kind = RoleKind.valueOf(fields[0]);
    } catch (IllegalArgumentException e) {
      throw new KeyFileException(where + ": expected role kind OVERLAY or RTL, found \"" + fields[0] + "\"");
    }
    long variant = parseNumber(fields[1], 0xFFFF_FFFFL, "variant id", where);
    long minimum = parseNumber(fields[2], Long.MAX_VALUE, "minimum version", where);
    minimums.merge(key(kind, variant), minimum, Math::max);
  }

  private static long parseNumber(String text, long max, String what, String where) throws KeyFileException {
    try {
      long value = Long.parseLong(text);
      if (value >= 0 && value <= max) {
        return value;
      }
    } catch (NumberFormatException e) {
      // reported below with the same message as an out-of-range value
    }
    throw new KeyFileException(where + ": expected " + what + " 0.." + max + ", found \"" + text + "\"");
  }

  /** The lowest image version accepted for this role kind and (unsigned) variant id; 0 if no rule. */
  public synchronized long minimumVersion(RoleKind kind, long variantId) {
    return minimums.getOrDefault(key(kind, variantId), 0L);
  }

  /** Raises the minimum to this image's version after it was loaded successfully. */
  public void recordLoaded(VerifiedImage image) throws IOException {
    ImageHeader header = image.header();
    raiseMinimum(header.roleKind(), header.variantIdUnsigned(), header.imageVersion());
  }

  /** Raises the minimum for a role kind and variant; a lower value than the current one is ignored. */
  public synchronized void raiseMinimum(RoleKind kind, long variantId, long version) throws IOException {
    if (variantId < 0 || variantId > 0xFFFF_FFFFL) {
      throw new IllegalArgumentException("variant id: expected 0..4294967295, found " + variantId);
    }
    if (version < 0) {
      throw new IllegalArgumentException("minimum version: expected 0.." + Long.MAX_VALUE + ", found " + version);
    }
    String key = key(kind, variantId);
    if (version <= minimums.getOrDefault(key, 0L)) {
      return;
    }
    minimums.put(key, version);
    if (file != null) {
      persist();
    }
  }

  /** The text form, deterministic (rules sorted). */
  public synchronized String toText() {
    StringBuilder text = new StringBuilder("# Veneer rollback policy: <role kind> <variant id> <minimum accepted image version>\n");
    minimums.forEach((key, minimum) -> text.append(key).append(' ').append(minimum).append('\n'));
    return text.toString();
  }

  private void persist() throws IOException {
    Path absolute = file.toAbsolutePath();
    Path temporary = Files.createTempFile(absolute.getParent(), "." + absolute.getFileName(), ".tmp");
    try {
      Files.writeString(temporary, toText(), StandardCharsets.UTF_8);
      try {
        Files.move(temporary, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(temporary);
    }
  }

  /** Zero-padded variant id so the sorted text lists variants in numeric order. */
  private static String key(RoleKind kind, long variantId) {
    return kind.name() + " " + String.format("%010d", variantId);
  }

  @Override
  public synchronized String toString() {
    return "RollbackPolicy" + minimums;
  }
}
