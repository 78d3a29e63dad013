package veneer.runtime.image;

/**
 * A byte sequence is not a well-formed Veneer image or partial bitstream.
 *
 * <p>The message always names the field, the byte offset where it was read, what the format
 * expects there and what was found, for example:
 * <pre>{@code
 * header length at byte offset 10: expected 152 + string lengths = 171, found 4000
 * }</pre>
 */
public final class ImageFormatException extends Exception {

  /** What kind of malformation, so callers can map it to a rejection reason. */
  public enum Problem {
    /** The input does not start with the expected magic: it is not this kind of file at all. */
    NOT_THIS_FORMAT,
    /** The input ends before a field the format (or a length in it) says must be present. */
    TRUNCATED,
    /** A format version this reader does not understand. */
    UNSUPPORTED_VERSION,
    /** Anything else: lengths that disagree, reserved bits set, bad text, trailing bytes, CRC. */
    MALFORMED
  }

  private final Problem problem;
  private final long offset;

  ImageFormatException(Problem problem, String field, long offset, String expected, String found) {
    super(field + " at byte offset " + offset + ": expected " + expected + ", found " + found);
    this.problem = problem;
    this.offset = offset;
  }

  /** The kind of malformation. */
  public Problem problem() {
    return problem;
  }

  /** Byte offset (from the start of the parsed input) of the field that is wrong. */
  public long offset() {
    return offset;
  }
}
