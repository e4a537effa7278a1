package dev.gatehouse.auth.iam.credentials;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts secret access keys at rest in Redis with AES-256-GCM under the suite's master key. The
 * access key id is the associated data, so a ciphertext copied onto another key's record does not
 * decrypt.
 */
public final class SecretCipher {

    /** The environment variable the launcher and the manifests use for the master key. */
    public static final String MASTER_KEY_ENV = "GATEHOUSE_IAM_MASTER_KEY";

    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;

    private SecretCipher(byte[] key) {
        this.key = new SecretKeySpec(key, "AES");
    }

    /**
     * The cipher for a base64 master key of 32 bytes; the exception names the setting, never the
     * value.
     */
    public static SecretCipher fromBase64(Optional<String> masterKey) {
        if (masterKey.isEmpty() || masterKey.get().isBlank()) {
            throw new IllegalStateException(
                    "gatehouse.iam.master-key is not set: export "
                            + MASTER_KEY_ENV
                            + " (base64 of 32 random bytes, e.g. `openssl rand -base64 32`); the"
                            + " launcher generates one");
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(masterKey.get().trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("gatehouse.iam.master-key is not valid base64");
        }
        if (bytes.length != 32) {
            throw new IllegalStateException(
                    "gatehouse.iam.master-key must be 32 bytes (base64), not " + bytes.length);
        }
        return new SecretCipher(bytes);
    }

    /**
     * Seals {@code secret} (AES-256-GCM, random 96-bit IV) bound to {@code accessKeyId} as
     * associated data: any stable name of what is sealed (an access key id, a Redis field).
     *
     * @return base64 of IV followed by ciphertext and tag
     */
    public String encrypt(String accessKeyId, String secret) {
        try {
            byte[] iv = new byte[IV_BYTES];
            RANDOM.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(accessKeyId.getBytes(StandardCharsets.US_ASCII));
            byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder()
                    .encodeToString(
                            ByteBuffer.allocate(IV_BYTES + sealed.length)
                                    .put(iv)
                                    .put(sealed)
                                    .array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is required of every JVM", e);
        }
    }

    /**
     * Opens a value sealed by {@link #encrypt} for the same {@code accessKeyId}; empty when it was
     * sealed under another master key, for another id, or altered.
     */
    public Optional<String> decrypt(String accessKeyId, String sealedBase64) {
        try {
            byte[] all = Base64.getDecoder().decode(sealedBase64);
            if (all.length <= IV_BYTES) {
                return Optional.empty();
            }
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, all, 0, IV_BYTES));
            cipher.updateAAD(accessKeyId.getBytes(StandardCharsets.US_ASCII));
            byte[] plain = cipher.doFinal(all, IV_BYTES, all.length - IV_BYTES);
            return Optional.of(new String(plain, StandardCharsets.UTF_8));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
