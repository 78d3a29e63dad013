package veneer.runtime.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static veneer.runtime.image.ImageFixtures.KEY;
import static veneer.runtime.image.ImageFixtures.OTHER_KEY;
import static veneer.runtime.image.ImageFixtures.SHELL;
import static veneer.runtime.image.ImageFixtures.payloadOffset;
import static veneer.runtime.image.ImageFixtures.standardImage;
import static veneer.runtime.image.ImageFixtures.trusting;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ImageSignerTest {

  @Test
  void resignedImageVerifiesUnderTheNewKeyOnlyAndKeepsEverythingElse() throws Exception {
    byte[] original = standardImage();
    byte[] resigned = ImageSigner.resign(original, trusting(KEY), OTHER_KEY);

    VerifiedImage v = ImageVerifier.verify(resigned, SHELL, trusting(OTHER_KEY), RollbackPolicy.inMemory());
    VerifiedImage before = ImageVerifier.verify(original, SHELL, trusting(KEY), RollbackPolicy.inMemory());
    assertEquals(OTHER_KEY.fingerprint(), v.header().signerFingerprint());
    assertEquals(before.header().withSigner(OTHER_KEY.fingerprint()), v.header());
    assertArrayEquals(before.payload(), v.payload());

    ImageRejectedException e = assertThrows(ImageRejectedException.class,
        () -> ImageVerifier.verify(resigned, SHELL, trusting(KEY), RollbackPolicy.inMemory()));
    assertEquals(RejectionReason.UNKNOWN_KEY, e.reason());
  }

  @Test
  void aTamperedImageIsNotResigned() {
    byte[] tampered = standardImage();
    tampered[payloadOffset(tampered) + 40] ^= 1;
    ImageRejectedException e = assertThrows(ImageRejectedException.class,
        () -> ImageSigner.resign(tampered, trusting(KEY), OTHER_KEY));
    assertEquals(RejectionReason.PAYLOAD_DIGEST_MISMATCH, e.reason());
  }

  @Test
  void anImageByAnUntrustedSignerIsNotResigned() {
    ImageRejectedException e = assertThrows(ImageRejectedException.class,
        () -> ImageSigner.resign(standardImage(), trusting(OTHER_KEY), OTHER_KEY));
    assertEquals(RejectionReason.UNKNOWN_KEY, e.reason());
    assertTrue(e.getMessage().contains(KEY.fingerprint().hex()), e.getMessage());
  }

  @Test
  void theInputArrayIsLeftAsItWas() throws Exception {
    byte[] original = standardImage();
    byte[] copy = Arrays.copyOf(original, original.length);
    ImageSigner.resign(original, trusting(KEY), OTHER_KEY);
    assertArrayEquals(copy, original);
  }
}
