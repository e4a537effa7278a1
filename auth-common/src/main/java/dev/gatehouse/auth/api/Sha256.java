package dev.gatehouse.auth.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 for the request path (API key hashes, SigV4 payload and canonical-request hashes, session
 * tokens, JWT cache keys): one digest per thread, so no provider lookup per call.
 */
public final class Sha256 {

    private static final ThreadLocal<MessageDigest> DIGEST =
            ThreadLocal.withInitial(
                    () -> {
                        try {
                            return MessageDigest.getInstance("SHA-256");
                        } catch (NoSuchAlgorithmException e) {
                            throw new IllegalStateException("SHA-256 is required of every JVM", e);
                        }
                    });

    private Sha256() {}

    /** The digest of {@code length} bytes of {@code bytes} from the start. */
    public static byte[] digest(byte[] bytes, int length) {
        return digest(bytes, 0, length);
    }

    /** The digest of {@code length} bytes of {@code bytes} from {@code offset}. */
    public static byte[] digest(byte[] bytes, int offset, int length) {
        MessageDigest digest = DIGEST.get();
        digest.update(bytes, offset, length);
        return digest.digest();
    }

    public static byte[] digest(byte[] bytes) {
        return digest(bytes, bytes.length);
    }

    /** Lower-case hex of the digest. */
    public static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(digest(bytes));
    }

    /** Lower-case hex of the digest of the text's UTF-8 bytes. */
    public static String hex(String text) {
        return hex(text.getBytes(StandardCharsets.UTF_8));
    }
}
