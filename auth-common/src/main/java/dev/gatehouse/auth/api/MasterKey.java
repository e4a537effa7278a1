package dev.gatehouse.auth.api;

import dev.gatehouse.auth.iam.config.IamConfig;
import dev.gatehouse.auth.iam.credentials.SecretCipher;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.spec.SecretKeySpec;

/**
 * The suite's master key ({@code gatehouse.iam.master-key}, exported as {@value #ENV}): seals the
 * secrets a service keeps in Redis (AES-256-GCM, the stable name of what is sealed bound as
 * associated data) and keys the HMACs it derives. Redis never sees it. Injecting this bean fails
 * with a message naming the setting, never the value, when the key is missing or malformed.
 */
@Singleton
public final class MasterKey {

    /** The environment variable the launcher and the deployment files set. */
    public static final String ENV = SecretCipher.MASTER_KEY_ENV;

    private final SecretCipher cipher;
    private final SecretKeySpec hmacKey;

    @Inject
    MasterKey(IamConfig config) {
        this(config.masterKey());
    }

    private MasterKey(Optional<String> base64) {
        this.cipher = SecretCipher.fromBase64(base64); // validates, naming the setting
        byte[] key = Base64.getDecoder().decode(base64.orElseThrow().trim());
        this.hmacKey = new SecretKeySpec(key, "HmacSHA256");
    }

    /**
     * The master key of base64 {@code base64} (32 bytes), as {@code gatehouse.iam.master-key} holds
     * it; for a tool or a service that reads it from elsewhere.
     *
     * @throws IllegalStateException naming the setting (never the value) when absent or malformed
     */
    public static MasterKey fromBase64(String base64) {
        return new MasterKey(Optional.ofNullable(base64));
    }

    /**
     * Seals {@code secret} bound to {@code name}, any stable name of what is sealed (a Redis key
     * and field).
     *
     * @return base64 of IV, ciphertext and tag
     */
    public String seal(String name, String secret) {
        return cipher.encrypt(name, secret);
    }

    /**
     * Opens a value {@link #seal sealed} under the same {@code name}; empty when it was sealed
     * under another master key or name, or altered.
     */
    public Optional<String> open(String name, String sealed) {
        return cipher.decrypt(name, sealed);
    }

    /** The master key as an HMAC-SHA256 key, to derive purpose-bound keys from. */
    public SecretKeySpec hmacSha256Key() {
        return hmacKey;
    }
}
