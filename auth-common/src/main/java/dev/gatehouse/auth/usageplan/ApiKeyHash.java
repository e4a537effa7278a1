package dev.gatehouse.auth.usageplan;

import dev.gatehouse.auth.api.Sha256;
import java.security.SecureRandom;

/** API key values: generation and the only form in which they are stored, a SHA-256 hash. */
public final class ApiKeyHash {

    private static final String ALPHANUMERIC =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final String ID_CHARS = "abcdefghijklmnopqrstuvwxyz0123456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private ApiKeyHash() {}

    /** Lower-case hex SHA-256 of the value's UTF-8 bytes. */
    public static String sha256(String value) {
        return Sha256.hex(value);
    }

    /** A new key value: 40 alphanumeric characters from a CSPRNG, like AWS-generated keys. */
    public static String newValue() {
        return random(ALPHANUMERIC, 40);
    }

    /** A new key id: 10 lower-case alphanumerics, like AWS's API key ids. */
    public static String newId() {
        return random(ID_CHARS, 10);
    }

    private static String random(String alphabet, int length) {
        StringBuilder value = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            value.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return value.toString();
    }
}
