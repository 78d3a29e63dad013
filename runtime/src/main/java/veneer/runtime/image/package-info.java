/**
 * Signed Role images: the file format, the partial-bitstream framing it carries, signing keys,
 * trust store, anti-rollback policy and the verifier that stands between an image file and the
 * management function's configuration port. Byte layouts: docs/image-format.md.
 *
 * <pre>{@code
 * SigningKey key = KeyPairs.generate();
 * byte[] image = ImageBuilder.create()...sign(key);
 * TrustStore trust = TrustStore.builder().trust(key.publicKey()).build();
 * VerifiedImage verified = ImageVerifier.verify(image, shellId, trust, RollbackPolicy.inMemory());
 * }</pre>
 */
package veneer.runtime.image;
