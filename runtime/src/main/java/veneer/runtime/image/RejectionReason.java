package veneer.runtime.image;

/** Why {@link ImageVerifier} refused an image. Stable codes: scripts and logs may match on them. */
public enum RejectionReason {
  /** The image is larger than the configured cap; it was not parsed. */
  TOO_LARGE,
  /** The input is not a Veneer image (wrong magic). */
  GARBAGE,
  /** The input ends before the header, payload or signature block it declares. */
  TRUNCATED,
  /** A Veneer image, but written in a format version this verifier does not know. */
  UNSUPPORTED_FORMAT,
  /** Structurally wrong: lengths that disagree, reserved bytes set, invalid text, trailing bytes. */
  MALFORMED,
  /** Signed with a key the trust store does not contain. */
  UNKNOWN_KEY,
  /** Signed with a key whose fingerprint the trust store lists as revoked. */
  REVOKED_KEY,
  /** The payload's SHA-256 differs from the digest in the header: the payload was altered. */
  PAYLOAD_DIGEST_MISMATCH,
  /** The Ed25519 signature does not verify over header and payload: header or signature altered. */
  BAD_SIGNATURE,
  /** Built for a different shell interface than the device has. */
  WRONG_SHELL,
  /** Image version below the minimum the rollback policy accepts for this role kind and variant. */
  OLD_VERSION,
  /** The payload's partial-bitstream framing is invalid (sync word, lengths, CRC-32, ids). */
  BAD_BITSTREAM
}
