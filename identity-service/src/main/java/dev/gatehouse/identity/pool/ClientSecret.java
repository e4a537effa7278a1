package dev.gatehouse.identity.pool;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * An app client's secret ({@code GenerateSecret}). Held only here, in memory; {@link #toString()}
 * never shows it, so a record that carries it can be logged safely.
 */
public final class ClientSecret {

    /** {@code ClientSecretType}: 24-64 of {@code [\w+]}. */
    public static final String PATTERN = "[\\w+]{24,64}";

    private final byte[] value;

    public ClientSecret(String value) {
        if (!value.matches(PATTERN)) {
            throw new IllegalArgumentException(
                    "a client secret is 24-64 letters, digits, '_' or '+'");
        }
        this.value = value.getBytes(StandardCharsets.UTF_8);
    }

    /** The secret itself, for the one place that shows it once (never a log line). */
    public String reveal() {
        return new String(value, StandardCharsets.UTF_8);
    }

    /** Whether {@code presented} is this secret, in constant time. */
    public boolean matches(String presented) {
        return presented != null
                && MessageDigest.isEqual(value, presented.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * {@code SECRET_HASH}: Base64(HMAC-SHA256(key = secret, message = username + clientId)) (spec
     * 2.10).
     */
    public String secretHash(String username, String clientId) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(value, "HmacSHA256"));
            return Base64.getEncoder()
                    .encodeToString(
                            mac.doFinal((username + clientId).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return "ClientSecret[***]";
    }
}
