package veneer.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import veneer.runtime.Device;
import veneer.runtime.Veneer;
import veneer.runtime.image.RollbackPolicy;
import veneer.runtime.image.TrustStore;
import veneer.runtime.image.VerifiedImage;

/** {@code veneer load}: verifies a signed image and loads it through the device's management function. */
@Command(name = "load", mixinStandardHelpOptions = true,
    description = {"Load a signed image into a device through its management function (PF0).",
        "The image is verified first (signature by a trusted key, shell interface id, rollback); "
            + "only a verified payload reaches the configuration port. The rollback file's minimum is "
            + "raised after a successful load. A simulated device lives as long as the command.",
        "Example: ./veneer load out/demo/overlay.vimg --trust out/demo/keys/release.pub "
            + "--rollback rollback.txt"})
final class LoadCommand implements Callable<Integer> {
  @Parameters(paramLabel = "IMAGE", description = "The signed image file.")
  Path image;

  @Option(names = "--trust", required = true, paramLabel = "PATH", description = "Trust store: a public key file or a directory of them.")
  Path trust;

  @Option(names = "--rollback", required = true, paramLabel = "FILE",
      description = "Anti-rollback state (created if missing; raised after a successful load).")
  Path rollback;

  @Option(names = "--device", paramLabel = "URI", description = "The device (default ${DEFAULT-VALUE}).")
  String device = Veneer.DEFAULT_URI;

  @Override
  public Integer call() throws Exception {
    if (!Files.isRegularFile(image)) {
      throw new IllegalArgumentException("image: expected a file, found " + (Files.exists(image) ? "a directory" : "nothing")
          + " at " + image);
    }
    byte[] bytes = Files.readAllBytes(image);
    TrustStore store = TrustStore.load(trust);
    RollbackPolicy policy = RollbackPolicy.load(rollback);
    try (Device dev = Veneer.open(device)) {
      System.out.printf("device %s: identity 0x%08x, shell interface %s%n", device, dev.management().identity(),
          dev.management().shellInterfaceId());
      VerifiedImage v = dev.management().load(bytes, store, policy);
      System.out.println("verified: " + v.header().roleKind() + " variant " + v.header().variantIdUnsigned() + " \""
          + v.header().variantName() + "\" version " + v.header().imageVersion() + ", signed by "
          + v.signer().hex().substring(0, 16) + "…");
      System.out.println("loaded: " + dev.management().register("load_words") + " words through the configuration port,"
          + " active variant " + dev.management().register("active_variant"));
      System.out.println("rollback minimum for " + v.header().roleKind() + " variant " + v.header().variantIdUnsigned()
          + " is now " + v.header().imageVersion() + " (" + rollback + ")");
    }
    return 0;
  }
}
