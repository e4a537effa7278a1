package dev.gatehouse.auth.usageplan.controlplane;

import dev.gatehouse.auth.iam.credentials.SecretCipher;
import java.util.Optional;

/**
 * Seals API key values at rest (AES-256-GCM under the suite's master key, bound to the key id), as
 * IAM secrets are, so that {@code includeValue} can return them; absent when {@code
 * gatehouse.metering.reveal-values=false} or no master key is configured, and then only the SHA-256
 * of a value is kept.
 */
public final class ApiKeyValueSeal {

    private final Optional<SecretCipher> cipher;

    public ApiKeyValueSeal(Optional<SecretCipher> cipher) {
        this.cipher = cipher;
    }

    public boolean keepsValues() {
        return cipher.isPresent();
    }

    /** The sealed value, or null when values are not kept. */
    public String seal(String keyId, String value) {
        return cipher.map(c -> c.encrypt("apikey:" + keyId, value)).orElse(null);
    }

    public Optional<String> open(String keyId, String sealed) {
        if (sealed == null) {
            return Optional.empty();
        }
        return cipher.flatMap(c -> c.decrypt("apikey:" + keyId, sealed));
    }
}
