package veneer.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import veneer.runtime.image.ImageBuilder;
import veneer.runtime.image.ImageInspector;
import veneer.runtime.image.ImageSigner;
import veneer.runtime.image.ImageVerifier;
import veneer.runtime.image.KeyPairs;
import veneer.runtime.image.ResourceSummary;
import veneer.runtime.image.RoleKind;
import veneer.runtime.image.RollbackPolicy;
import veneer.runtime.image.ShellInterfaceId;
import veneer.runtime.image.SigningKey;
import veneer.runtime.image.TrustStore;
import veneer.runtime.image.VerifiedImage;

/** {@code veneer image}: build, inspect and verify signed Role images. */
@Command(name = "image", mixinStandardHelpOptions = true,
    description = "Signed Role images (partial bitstreams): build, sign, inspect, verify.",
    subcommands = {ImageCommand.Build.class, ImageCommand.Sign.class, ImageCommand.Inspect.class,
        ImageCommand.Verify.class})
final class ImageCommand {

  /** {@code veneer image build}: frames the configuration data and signs the image. */
  @Command(name = "build", mixinStandardHelpOptions = true,
      description = {"Build and sign an image from configuration data.",
          "Example: ./veneer image build --role overlay --variant 1 --name pe-array --shell-id 0123…ef",
          "         --version 3 --data role.bin --key keys/release.key --out overlay.vimg"})
  static final class Build implements Callable<Integer> {
    @Option(names = "--role", required = true, paramLabel = "overlay|rtl", description = "The kind of Role.")
    String role;

    @Option(names = "--variant", required = true, description = "The Role variant id the Shell selects.")
    long variant;

    @Option(names = "--name", required = true, description = "The variant's name.")
    String name;

    @Option(names = "--shell-id", required = true, paramLabel = "HEX", description = "The 128-bit shell interface id, 32 hex digits.")
    String shellId;

    @Option(names = "--version", required = true, description = "The anti-rollback image version.")
    long version;

    @Option(names = "--data", required = true, paramLabel = "FILE", description = "The configuration data.")
    Path data;

    @Option(names = "--key", required = true, paramLabel = "FILE", description = "The private signing key.")
    Path key;

    @Option(names = "--timestamp", paramLabel = "ISO-8601", description = "Build time recorded in the image (default now).")
    String timestamp;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "The image file to write.")
    Path out;

    @Override
    public Integer call() throws Exception {
      RoleKind kind = RoleKind.valueOf(role.toUpperCase(Locale.ROOT));
      byte[] image = ImageBuilder.create()
          .shellInterfaceId(ShellInterfaceId.parse(shellId))
          .role(kind, variant, name)
          .imageVersion(version)
          .toolVersion(new VersionProvider().getVersion()[0])
          .buildTimestamp(timestamp == null ? Instant.now() : Instant.parse(timestamp))
          .resources(new ResourceSummary(0, 0, 0, 0))
          .configurationData(Files.readAllBytes(data))
          .sign(KeyPairs.loadPrivate(key));
      Files.write(out, image);
      System.out.println("wrote " + out + " (" + image.length + " bytes)");
      return 0;
    }
  }

  /** {@code veneer image sign}: re-signs a validly signed image with another key. */
  @Command(name = "sign", mixinStandardHelpOptions = true,
      description = {"Re-sign an image with another key (for example a development build with the release key).",
          "The current signature is verified first against --trust, so a tampered image is never re-signed.",
          "Example: ./veneer image sign dev.vimg --trust keys/dev.pub --key keys/release.key --out release.vimg"})
  static final class Sign implements Callable<Integer> {
    @Parameters(paramLabel = "IMAGE")
    Path image;

    @Option(names = "--trust", required = true, paramLabel = "PATH",
        description = "Key file or trust store holding the image's current signer.")
    Path trust;

    @Option(names = "--key", required = true, paramLabel = "FILE", description = "The new private signing key.")
    Path key;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "The re-signed image to write.")
    Path out;

    @Override
    public Integer call() throws Exception {
      SigningKey newKey = KeyPairs.loadPrivate(key);
      byte[] signed = ImageSigner.resign(Files.readAllBytes(image), TrustStore.load(trust), newKey);
      Files.write(out, signed);
      System.out.println("wrote " + out + " (" + signed.length + " bytes), signed by " + newKey.fingerprint().hex());
      return 0;
    }
  }

  /** {@code veneer image inspect}: every header field, without verifying. */
  @Command(name = "inspect", mixinStandardHelpOptions = true, description = "Describe an image's header and sizes (no verification).")
  static final class Inspect implements Callable<Integer> {
    @Parameters(paramLabel = "IMAGE")
    Path image;

    @Override
    public Integer call() throws Exception {
      System.out.print(ImageInspector.describe(Files.readAllBytes(image)));
      return 0;
    }
  }

  /** {@code veneer image verify}: the checks the management function makes before loading. */
  @Command(name = "verify", mixinStandardHelpOptions = true,
      description = {"Verify an image as the management function would before loading it:",
          "signature, trusted and unrevoked key, shell interface id, anti-rollback version, framing."})
  static final class Verify implements Callable<Integer> {
    @Parameters(paramLabel = "IMAGE")
    Path image;

    @Option(names = "--shell-id", required = true, paramLabel = "HEX", description = "The device's shell interface id.")
    String shellId;

    @Option(names = "--trust", required = true, paramLabel = "PATH", description = "Trust store: a key file or a directory.")
    Path trust;

    @Option(names = "--rollback", paramLabel = "FILE", description = "Anti-rollback state (default: none).")
    Path rollback;

    @Override
    public Integer call() throws Exception {
      RollbackPolicy policy = rollback == null ? RollbackPolicy.inMemory() : RollbackPolicy.load(rollback);
      VerifiedImage v = ImageVerifier.verifyFile(image, ShellInterfaceId.parse(shellId), TrustStore.load(trust),
          policy, ImageVerifier.DEFAULT_MAX_IMAGE_BYTES);
      System.out.println("verified: " + v);
      return 0;
    }
  }
}
