package dev.gatehouse.auth.iam.credentials;

import dev.gatehouse.auth.api.Sha256;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Fresh access key ids, secrets and session tokens in AWS's formats, from a CSPRNG: ids are {@code
 * AKIA} (long-term) or {@code ASIA} (temporary) followed by 16 characters of the base-32 alphabet
 * AWS uses; secrets are 40 characters of {@code [A-Za-z0-9/+]}.
 */
public final class KeyMaterial {

    static final String LONG_TERM_PREFIX = "AKIA";
    static final String TEMPORARY_PREFIX = "ASIA";

    private static final char[] ID_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".toCharArray();
    private static final char[] SECRET_ALPHABET =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789/+".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private KeyMaterial() {}

    static String newAccessKeyId(String prefix) {
        return prefix + random(ID_ALPHABET, 16);
    }

    static String newSecretAccessKey() {
        return random(SECRET_ALPHABET, 40);
    }

    /** An opaque session token: 96 random bytes, URL-safe base64 (AWS tokens are longer still). */
    static String newSessionToken() {
        byte[] bytes = new byte[96];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Whether {@code id} is shaped like an AWS access key id of the given prefix. */
    static boolean isAccessKeyId(String id, String prefix) {
        if (id == null || id.length() != 20 || !id.startsWith(prefix)) {
            return false;
        }
        for (int i = 4; i < 20; i++) {
            char c = id.charAt(i);
            if (!((c >= 'A' && c <= 'Z') || (c >= '2' && c <= '7'))) {
                return false;
            }
        }
        return true;
    }

    static boolean isSecretAccessKey(String secret) {
        return secret != null && secret.length() == 40 && secret.matches("[A-Za-z0-9/+]{40}");
    }

    /**
     * The stable unique id AWS shows as {@code caller}/{@code user} for a principal: {@code AIDA}
     * for users, {@code AROA} for roles, then 17 characters derived from the ARN.
     */
    static String uniqueId(String arn, boolean role) {
        byte[] digest = Sha256.digest(arn.getBytes(StandardCharsets.UTF_8));
        StringBuilder id = new StringBuilder(role ? "AROA" : "AIDA");
        for (int i = 0; i < 17; i++) {
            id.append(ID_ALPHABET[(digest[i] & 0xff) % 32]);
        }
        return id.toString();
    }

    private static String random(char[] alphabet, int length) {
        char[] out = new char[length];
        for (int i = 0; i < length; i++) {
            out[i] = alphabet[RANDOM.nextInt(alphabet.length)];
        }
        return new String(out);
    }
}
