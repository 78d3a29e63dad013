package veneer.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import veneer.examples.ExampleImages;
import veneer.examples.ExampleOutcome;
import veneer.examples.Examples;
import veneer.examples.RtlVectorAdd;
import veneer.kernel.JvmKernelRunner;
import veneer.kernel.WorkRange;
import veneer.runtime.Device;
import veneer.runtime.ImageDecision;
import veneer.runtime.ImagePolicy;
import veneer.runtime.LoadFailedException;
import veneer.runtime.Veneer;
import veneer.runtime.image.ImageRejectedException;
import veneer.runtime.image.ImageVerifier;
import veneer.runtime.image.KeyFingerprint;
import veneer.runtime.image.KeyPairs;
import veneer.runtime.image.RoleKind;
import veneer.runtime.image.RollbackPolicy;
import veneer.runtime.image.SigningKey;
import veneer.runtime.image.TrustStore;
import veneer.runtime.image.VerifiedImage;

/**
 * The device part of {@code veneer demo}: a key, a signed overlay image, a simulated device
 * loaded through PF0, the example kernels run through PF1 (DMA in, launch, interrupt, DMA out)
 * and checked against the JVM, the refusals, and the table of figures.
 */
final class DeviceDemo {
  private final Path out;
  private int failures;

  DeviceDemo(Path out) {
    this.out = out;
  }

  /** Runs every step on {@code uri}; returns the number of failed checks. */
  int run(String uri) throws IOException {
    step("4. A signing key and a signed overlay image (Role variant 3, the PE array)");
    SigningKey key = KeyPairs.generate();
    Path keys = out.resolve("keys");
    Files.createDirectories(keys);
    Files.deleteIfExists(keys.resolve("release.key"));
    KeyPairs.savePrivate(key, keys.resolve("release.key"));
    KeyPairs.savePublic(key.publicKey(), keys.resolve("release.pub"));
    TrustStore trust = TrustStore.builder().trust(key.publicKey()).build();
    RollbackPolicy rollback = RollbackPolicy.inMemory();
    System.out.println("   key " + KeyFingerprint.of(key.publicKey()).hex().substring(0, 16) + "… -> " + keys);

    try (Device dev = Veneer.open(uri)) {
      byte[] image = ExampleImages.overlay(dev.management().shellInterfaceId(), key, 1);
      Path file = out.resolve("overlay.vimg");
      Files.write(file, image);
      System.out.println("   " + file + ": " + image.length + " bytes");

      step("5. Open " + uri + " and load the image through the management function (PF0)");
      System.out.printf("   device identity 0x%08x, shell interface %s%n", dev.management().identity(),
          dev.management().shellInterfaceId());
      load(dev, image, trust, rollback);

      step("6. Kernels on the overlay through the user function (PF1): DMA in, launch, interrupt, DMA out");
      String shape = OverlayShape.of(dev.user());
      System.out.println("   overlay " + shape + " (PEs x threads per PE, the array's shape register)");
      List<ExampleOutcome> outcomes = new ArrayList<>();
      for (Examples.Case c : Examples.standard(EndToEndBench.VECTOR_LENGTH, EndToEndRun.SEED)) {
        ExampleOutcome o = c.run(dev.user());
        outcomes.add(o);
        check(o.matches(), o.name() + ": " + o.detail());
      }

      step("7. Refusals");
      refusals(dev, image, key, trust, rollback);

      step("8. RTL user logic: reconfigure to the vector-add Role (variant 1) and drive its registers");
      rtl(dev, key, trust, rollback);

      step("9. Figures (" + uri + ", overlay " + shape
          + "; DRAM roofline 64 B/cycle; bytes moved = the kernels' array bytes read + written)");
      System.out.print(table(outcomes));
      System.out.println("   (compile ms is wall clock: the first kernel also pays for loading the compiler)");
    } catch (LoadFailedException e) {
      fail("a good image was refused: " + e.getMessage());
    }
    return failures;
  }

  private void load(Device dev, byte[] image, TrustStore trust, RollbackPolicy rollback) throws LoadFailedException {
    try {
      VerifiedImage v = ImageVerifier.verify(image, dev.management().shellInterfaceId(), trust, rollback);
      System.out.println("   ok: format and framing of " + v.header().roleKind() + " variant " + v.header().variantId()
          + " \"" + v.header().variantName() + "\" version " + v.header().imageVersion());
      System.out.println("   ok: payload SHA-256 equals the header's digest");
      System.out.println("   ok: Ed25519 signature by trusted key " + v.signer().hex().substring(0, 16) + "…");
      System.out.println("   ok: built for this shell interface " + v.header().shellInterfaceId());
      System.out.println("   ok: version " + v.header().imageVersion() + " is not below the rollback minimum");
    } catch (ImageRejectedException e) {
      fail("verification refused a good image: " + e.getMessage());
      return;
    }
    long okBefore = dev.management().register("loads_ok");
    dev.management().load(image, trust, rollback);
    long words = dev.management().register("load_words");
    long variant = dev.management().register("active_variant");
    check(variant == ExampleImages.OVERLAY && dev.management().register("loads_ok") == okBefore + 1,
        "configuration port: " + words + " words streamed, status OK, active variant " + variant);
  }

  private void refusals(Device dev, byte[] image, SigningKey key, TrustStore trust, RollbackPolicy rollback) {
    byte[] tampered = image.clone();
    tampered[tampered.length - 100] ^= 1;
    long words = dev.management().register("load_words");
    long loads = dev.management().register("loads_ok") + dev.management().register("loads_failed");
    try {
      dev.management().load(tampered, trust, rollback);
      fail("a tampered image was loaded");
    } catch (LoadFailedException e) {
      boolean untouched = dev.management().register("load_words") == words
          && dev.management().register("loads_ok") + dev.management().register("loads_failed") == loads;
      check(untouched, "tampered image refused (" + e.rejection() + "), nothing reached the device: " + e.getMessage());
    }
    dev.management().serveUserRequests(trust, rollback, ImagePolicy.allowVariants(RoleKind.OVERLAY, ExampleImages.OVERLAY));
    byte[] other = ExampleImages.rtlVectorAdd(dev.management().shellInterfaceId(), key, 1);
    ImageDecision d = dev.user().requestImage(other);
    check(!d.accepted(), "user function asked for RTL variant 1: refused by management: " + d.reason());
    ImageDecision u = dev.user().requestImage(ExampleImages.overlay(dev.management().shellInterfaceId(),
        KeyPairs.generate(), 9));
    check(!u.accepted(), "user function asked for an overlay signed by an unknown key: refused by management: "
        + u.reason());
    dev.management().stopServingUserRequests();
  }

  private void rtl(Device dev, SigningKey key, TrustStore trust, RollbackPolicy rollback) {
    try {
      dev.management().load(ExampleImages.rtlVectorAdd(dev.management().shellInterfaceId(), key, 1), trust, rollback);
      Random r = new Random(2);
      int[] a = r.ints(512).toArray();
      int[] b = r.ints(512).toArray();
      int[] expected = new int[512];
      JvmKernelRunner.run(veneer.examples.VectorAdd.class, "add", WorkRange.of(512), a, b, expected);
      RtlVectorAdd.Result result = RtlVectorAdd.onDevice(dev.user(), a, b);
      check(Arrays.equals(expected, result.output()), "RTL vector add of 512 elements: " + result.cycles()
          + " cycles (the Role's CYCLES register), equal to the JVM");
    } catch (LoadFailedException e) {
      fail("the RTL image was refused: " + e.getMessage());
    }
  }

  static String table(List<ExampleOutcome> outcomes) {
    return KernelFigures.table(outcomes).render().lines().map(l -> "   " + l).reduce("", (x, y) -> x + y + "\n");
  }

  private void check(boolean ok, String what) {
    if (ok) {
      System.out.println("   ok: " + what);
    } else {
      fail(what);
    }
  }

  private void fail(String what) {
    System.out.println("   FAIL: " + what);
    failures++;
  }

  private static void step(String title) {
    System.out.println();
    System.out.println(title);
  }
}
