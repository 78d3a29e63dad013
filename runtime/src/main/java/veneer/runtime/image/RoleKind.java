package veneer.runtime.image;

/**
 * What a Role image contains: the soft-processor overlay or user RTL. The code is the byte stored
 * in the image header.
 */
public enum RoleKind {
  /** An overlay configuration (array of RV32IM processing elements). */
  OVERLAY(1),
  /** User logic written in RTL. */
  RTL(2);

  private final int code;

  RoleKind(int code) {
    this.code = code;
  }

  /** The header byte for this kind. */
  public int code() {
    return code;
  }

  /** The kind for a header byte, or {@code null} if no kind has that code. */
  static RoleKind fromCode(int code) {
    for (RoleKind kind : values()) {
      if (kind.code == code) {
        return kind;
      }
    }
    return null;
  }
}
