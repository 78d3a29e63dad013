package veneer.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import veneer.runtime.image.KeyFingerprint;
import veneer.runtime.image.KeyPairs;
import veneer.runtime.image.SigningKey;

/** {@code veneer keygen}: a new Ed25519 signing key for images. */
@Command(name = "keygen", mixinStandardHelpOptions = true,
    description = {"Create an Ed25519 key for signing images.",
        "Writes a private key file (mode 600, never overwritten) and its public key for the "
            + "device's trust store.",
        "Example: ./veneer keygen --out keys/release.key --public trust/release.pub"})
final class KeygenCommand implements Callable<Integer> {
  @Option(names = "--out", required = true, paramLabel = "FILE", description = "The private key file to create.")
  Path out;

  @Option(names = "--public", paramLabel = "FILE", description = "Also write the public key here (default FILE.pub).")
  Path publicKey;

  @Override
  public Integer call() throws Exception {
    SigningKey key = KeyPairs.generate();
    Path pub = publicKey != null ? publicKey : Path.of(out + ".pub");
    if (out.getParent() != null) {
      java.nio.file.Files.createDirectories(out.getParent());
    }
    if (pub.getParent() != null) {
      java.nio.file.Files.createDirectories(pub.getParent());
    }
    KeyPairs.savePrivate(key, out);
    KeyPairs.savePublic(key.publicKey(), pub);
    System.out.println("private key: " + out);
    System.out.println("public key:  " + pub);
    System.out.println("fingerprint: " + KeyFingerprint.of(key.publicKey()).hex());
    return 0;
  }
}
