package veneer.runtime.image;

import java.time.Instant;
import java.util.Objects;

/**
 * Builds and signs an image. Every field except the notes is required; nothing is taken from the
 * clock or the environment, so the same inputs and key give a byte-identical image (Ed25519
 * signatures are deterministic).
 *
 * <pre>{@code
 * byte[] image = ImageBuilder.create()
 *         .shellInterfaceId(ShellInterfaceId.parse("0123456789abcdef0011223344556677"))
 *         .role(RoleKind.OVERLAY, 1, "pe-array-16")
 *         .imageVersion(7)
 *         .toolVersion("veneer 0.1.0")
 *         .buildTimestamp(Instant.parse("2025-01-01T00:00:00Z"))
 *         .notes("nightly build")
 *         .resources(new ResourceSummary(41_200, 63_000, 96, 32))
 *         .configurationData(frames)         // framed as a PartialBitstream for this shell and variant
 *         .sign(KeyPairs.loadPrivate(Path.of("release.key")));
 * }</pre>
 */
public final class ImageBuilder {

  private ShellInterfaceId shellInterfaceId;
  private RoleKind roleKind;
  private Long variantId;
  private String variantName;
  private Long imageVersion;
  private String toolVersion;
  private Instant buildTimestamp;
  private String notes = "";
  private ResourceSummary resources;
  private byte[] configurationData;
  private PartialBitstream bitstream;

  private ImageBuilder() {
  }

  /** Starts an empty builder. */
  public static ImageBuilder create() {
    return new ImageBuilder();
  }

  /** The Shell interface the Role was built against. */
  public ImageBuilder shellInterfaceId(ShellInterfaceId id) {
    this.shellInterfaceId = Objects.requireNonNull(id, "shellInterfaceId");
    return this;
  }

  /** Role kind, variant id (0..4294967295) and variant name (at most 255 bytes, printable). */
  public ImageBuilder role(RoleKind kind, long variantId, String variantName) {
    if (variantId < 0 || variantId > 0xFFFF_FFFFL) {
      throw new IllegalArgumentException("variant id: expected 0..4294967295, found " + variantId);
    }
    HeaderText.encode("variant name", variantName, HeaderText.MAX_VARIANT_NAME_BYTES, false);
    this.roleKind = Objects.requireNonNull(kind, "kind");
    this.variantId = variantId;
    this.variantName = variantName;
    return this;
  }

  /** Anti-rollback version, 0..2^63-1; raise it with every release of this role kind and variant. */
  public ImageBuilder imageVersion(long version) {
    if (version < 0) {
      throw new IllegalArgumentException("image version: expected 0.." + Long.MAX_VALUE + ", found " + version);
    }
    this.imageVersion = version;
    return this;
  }

  /** Version of the tool that built the Role (at most 255 bytes, printable). */
  public ImageBuilder toolVersion(String toolVersion) {
    HeaderText.encode("tool version", toolVersion, HeaderText.MAX_TOOL_VERSION_BYTES, false);
    this.toolVersion = toolVersion;
    return this;
  }

  /** Build time, chosen by the caller (stored in milliseconds). */
  public ImageBuilder buildTimestamp(Instant timestamp) {
    this.buildTimestamp = Objects.requireNonNull(timestamp, "timestamp");
    return this;
  }

  /** Free text (at most 4096 bytes; line feed and tab allowed). Optional, default empty. */
  public ImageBuilder notes(String notes) {
    HeaderText.encode("notes", notes, HeaderText.MAX_NOTES_BYTES, true);
    this.notes = notes;
    return this;
  }

  /** Resource counts reported by the build. */
  public ImageBuilder resources(ResourceSummary resources) {
    this.resources = Objects.requireNonNull(resources, "resources");
    return this;
  }

  /** Raw configuration data; the builder frames it as a {@link PartialBitstream}. */
  public ImageBuilder configurationData(byte[] data) {
    this.configurationData = data.clone();
    this.bitstream = null;
    return this;
  }

  /** An already framed bitstream; its variant id and shell id must match this image's. */
  public ImageBuilder bitstream(PartialBitstream bitstream) {
    this.bitstream = Objects.requireNonNull(bitstream, "bitstream");
    this.configurationData = null;
    return this;
  }

  /** Signs and returns the complete image file. */
  public byte[] sign(SigningKey key) {
    Objects.requireNonNull(key, "key");
    require(shellInterfaceId, "shell interface id", "shellInterfaceId(...)");
    require(roleKind, "role", "role(kind, variantId, variantName)");
    require(imageVersion, "image version", "imageVersion(...)");
    require(toolVersion, "tool version", "toolVersion(...)");
    require(buildTimestamp, "build timestamp", "buildTimestamp(...)");
    require(resources, "resources", "resources(...)");
    if (configurationData == null && bitstream == null) {
      throw new IllegalStateException("image: payload missing; call configurationData(...) or bitstream(...)");
    }
    PartialBitstream framed = bitstream != null ? bitstream : PartialBitstream.builder()
        .variantId(variantId).shellInterfaceId(shellInterfaceId).data(configurationData).build();
    if (Integer.toUnsignedLong(framed.variantId()) != variantId) {
      throw new IllegalStateException("image: bitstream variant id must equal the image's: expected " + variantId
          + ", found " + Integer.toUnsignedString(framed.variantId()));
    }
    if (!framed.shellInterfaceId().equals(shellInterfaceId)) {
      throw new IllegalStateException("image: bitstream shell interface id must equal the image's: expected "
          + shellInterfaceId.hex() + ", found " + framed.shellInterfaceId().hex());
    }
    byte[] payload = framed.toBytes();
    ImageHeader header = new ImageHeader(ImageLayout.FORMAT_VERSION, shellInterfaceId, roleKind,
        variantId.intValue(), variantName, imageVersion,
        new BuildInfo(toolVersion, buildTimestamp, notes), resources,
        payload.length, Sha256Digest.of(payload), key.fingerprint());
    return ImageWriter.write(header, payload, key);
  }

  private static void require(Object value, String what, String call) {
    if (value == null) {
      throw new IllegalStateException("image: " + what + " missing; call " + call);
    }
  }
}
