package veneer.runtime.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;
import static veneer.runtime.image.ImageFixtures.KEY;
import static veneer.runtime.image.ImageFixtures.SHELL;
import static veneer.runtime.image.ImageFixtures.standard;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Seeded mutation fuzzing: every mutated image must be refused with an {@link ImageRejectedException}
 * (never another exception, never accepted), and the inspector must either describe it or throw
 * {@link ImageFormatException}. Set -Dveneer.fuzz.seed=N to replay; failures print seed and case.
 */
class ImageFuzzTest {

  private static final long SEED = Long.getLong("veneer.fuzz.seed", 0x5EED_1A6EL);
  private static final int OUTER_CASES = 4000;
  private static final int BITSTREAM_CASES = 1500;

  private enum Mutation { FLIP_BITS, SET_BYTE, TRUNCATE, INSERT, DELETE, APPEND, LENGTH_FIELD, FILL, SPLICE }

  private final TrustStore trust = TrustStore.builder().trust(KEY.publicKey())
      .revoke(ImageFixtures.OTHER_KEY.fingerprint()).build();

  private final List<byte[]> originals = List.of(
      standard().configurationData(new byte[0]).notes("").sign(KEY),
      standard().configurationData(ImageFixtures.data(7)).sign(KEY),
      standard().role(RoleKind.RTL, 70_000, "dma-loopback").configurationData(ImageFixtures.data(64)).sign(KEY));
  private final byte[] donor = standard().imageVersion(99).configurationData(ImageFixtures.data(64)).sign(ImageFixtures.OTHER_KEY);

  @Test
  void mutatedImagesAreAlwaysCleanlyRefused() {
    Map<Mutation, Integer> changed = new EnumMap<>(Mutation.class);
    Map<RejectionReason, Integer> reasons = new EnumMap<>(RejectionReason.class);
    for (int i = 0; i < OUTER_CASES; i++) {
      Random random = new Random(SEED + 0x9E37_79B9_7F4A_7C15L * i);
      byte[] original = originals.get(random.nextInt(originals.size()));
      Mutation mutation = Mutation.values()[random.nextInt(Mutation.values().length)];
      byte[] mutated = mutate(original, mutation, random);
      String where = "seed " + SEED + " case " + i + " mutation " + mutation + " (replay with -Dveneer.fuzz.seed=" + SEED + ")";
      boolean same = Arrays.equals(original, mutated);
      RejectionReason reason = verifyOutcome(mutated, same, where);
      if (!same) {
        changed.merge(mutation, 1, Integer::sum);
        reasons.merge(reason, 1, Integer::sum);
      }
      inspectOutcome(mutated, where);
    }
    // The fuzzer must really reach the deep checks, not only the magic.
    for (RejectionReason expected : List.of(RejectionReason.GARBAGE, RejectionReason.TRUNCATED, RejectionReason.MALFORMED,
        RejectionReason.UNKNOWN_KEY, RejectionReason.PAYLOAD_DIGEST_MISMATCH, RejectionReason.BAD_SIGNATURE)) {
      if (reasons.getOrDefault(expected, 0) == 0) {
        fail("seed " + SEED + ": no mutation was refused as " + expected + "; reasons seen " + reasons);
      }
    }
    assertEquals(Mutation.values().length, changed.size(), "every mutation kind produced changed images: " + changed);
  }

  /** Bitstreams mutated and then correctly signed: the framing checks alone must catch them. */
  @Test
  void mutatedBitstreamsInsideValidlySignedImagesAreRefused() {
    byte[] bitstream = PartialBitstream.builder().variantId(3).shellInterfaceId(SHELL).data(ImageFixtures.data(37)).build().toBytes();
    for (int i = 0; i < BITSTREAM_CASES; i++) {
      Random random = new Random(~SEED + 0x9E37_79B9_7F4A_7C15L * i);
      Mutation mutation = Mutation.values()[random.nextInt(Mutation.LENGTH_FIELD.ordinal())];
      byte[] mutated = mutate(bitstream, mutation, random);
      String where = "seed " + SEED + " bitstream case " + i + " mutation " + mutation;
      byte[] image = ImageWriter.write(header(mutated), mutated, KEY);
      boolean same = Arrays.equals(bitstream, mutated);
      RejectionReason reason = verifyOutcome(image, same, where);
      if (!same && reason != RejectionReason.BAD_BITSTREAM) {
        fail(where + ": expected BAD_BITSTREAM, got " + reason);
      }
      try {
        PartialBitstream parsed = PartialBitstream.parse(mutated);
        assertArrayEquals(bitstream, parsed.toBytes(), where + ": parser accepted a modified bitstream");
      } catch (ImageFormatException expected) {
        // a clean refusal
      } catch (RuntimeException e) {
        throw new AssertionError(where + ": PartialBitstream.parse threw " + e, e);
      }
    }
  }

  private static ImageHeader header(byte[] payload) {
    return new ImageHeader(1, SHELL, RoleKind.OVERLAY, 3, "pe-array-16", 7,
        new BuildInfo("veneer 0.1.0", ImageFixtures.TIMESTAMP, ""), new ResourceSummary(1, 2, 3, 4),
        payload.length, Sha256Digest.of(payload), KEY.fingerprint());
  }

  /** Returns the rejection reason, or null if the (unchanged) image was accepted. */
  private RejectionReason verifyOutcome(byte[] image, boolean unchanged, String where) {
    try {
      ImageVerifier.verify(image, SHELL, trust, RollbackPolicy.inMemory(), 1 << 20);
    } catch (ImageRejectedException e) {
      if (unchanged) {
        fail(where + ": an unmodified image was refused: " + e.getMessage());
      }
      if (!e.getMessage().contains("expected") || !e.getMessage().contains("found")) {
        fail(where + ": message does not say what was expected and found: " + e.getMessage());
      }
      return e.reason();
    } catch (RuntimeException | Error e) {
      throw new AssertionError(where + ": verifier threw " + e + " instead of ImageRejectedException", e);
    }
    if (!unchanged) {
      fail(where + ": a modified image was ACCEPTED");
    }
    return null;
  }

  private static void inspectOutcome(byte[] image, String where) {
    try {
      ImageInspector.describe(image);
    } catch (ImageFormatException expected) {
      // a clean refusal
    } catch (RuntimeException | Error e) {
      throw new AssertionError(where + ": inspector threw " + e + " instead of ImageFormatException", e);
    }
  }

  private byte[] mutate(byte[] original, Mutation mutation, Random random) {
    byte[] bytes = original.clone();
    int n = bytes.length;
    switch (mutation) {
      case FLIP_BITS -> {
        for (int k = 1 + random.nextInt(3); k > 0; k--) {
          bytes[random.nextInt(n)] ^= (byte) (1 << random.nextInt(8));
        }
        return bytes;
      }
      case SET_BYTE -> {
        bytes[random.nextInt(n)] = (byte) random.nextInt(256);
        return bytes;
      }
      case TRUNCATE -> {
        return Arrays.copyOf(bytes, random.nextInt(n));
      }
      case INSERT -> {
        int at = random.nextInt(n + 1);
        byte[] extra = new byte[1 + random.nextInt(16)];
        random.nextBytes(extra);
        byte[] out = new byte[n + extra.length];
        System.arraycopy(bytes, 0, out, 0, at);
        System.arraycopy(extra, 0, out, at, extra.length);
        System.arraycopy(bytes, at, out, at + extra.length, n - at);
        return out;
      }
      case DELETE -> {
        int at = random.nextInt(n);
        int count = 1 + random.nextInt(Math.min(32, n - at));
        byte[] out = new byte[n - count];
        System.arraycopy(bytes, 0, out, 0, at);
        System.arraycopy(bytes, at + count, out, at, n - at - count);
        return out;
      }
      case APPEND -> {
        byte[] out = Arrays.copyOf(bytes, n + 1 + random.nextInt(100));
        for (int i = n; i < out.length; i++) {
          out[i] = (byte) random.nextInt(256);
        }
        return out;
      }
      case LENGTH_FIELD -> {
        int[] u16Fields = {ImageLayout.OFF_HEADER_LENGTH, ImageLayout.OFF_VARIANT_NAME_LENGTH,
            ImageLayout.OFF_TOOL_VERSION_LENGTH, ImageLayout.OFF_NOTES_LENGTH, n - 66};
        long[] extremes = {0, 1, 0x7FFF, 0xFFFF, 0xFFFF_FFFFL, Long.MAX_VALUE, -1, n, n - 1, n + 1};
        long value = random.nextBoolean() ? extremes[random.nextInt(extremes.length)] : random.nextLong();
        int choice = random.nextInt(u16Fields.length + 2);
        if (choice < u16Fields.length) {
          ImageFixtures.putU16(bytes, u16Fields[choice], (int) value);
        } else if (choice == u16Fields.length) {
          ImageFixtures.putU64(bytes, ImageLayout.OFF_PAYLOAD_LENGTH, value);
        } else {
          int lengthWord = ImageFixtures.payloadOffset(original) + 28;
          for (int i = 0; i < 4; i++) {
            bytes[lengthWord + i] = (byte) (value >>> (8 * i));
          }
        }
        return bytes;
      }
      case FILL -> {
        int at = random.nextInt(n);
        Arrays.fill(bytes, at, Math.min(n, at + 1 + random.nextInt(64)), random.nextBoolean() ? (byte) 0 : (byte) 0xFF);
        return bytes;
      }
      case SPLICE -> {
        int at = random.nextInt(n);
        int count = Math.min(Math.min(n - at, donor.length - at), 1 + random.nextInt(64));
        if (count > 0) {
          System.arraycopy(donor, at, bytes, at, count);
        }
        return bytes;
      }
      default -> throw new AssertionError(mutation);
    }
  }
}
