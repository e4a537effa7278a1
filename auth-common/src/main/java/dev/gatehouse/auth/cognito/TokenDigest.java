package dev.gatehouse.auth.cognito;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** The SHA-256 of a token: the result cache's key, so the cache never holds a usable token. */
record TokenDigest(long a, long b, long c, long d) {

    private static final ThreadLocal<MessageDigest> SHA256 =
            ThreadLocal.withInitial(
                    () -> {
                        try {
                            return MessageDigest.getInstance("SHA-256");
                        } catch (NoSuchAlgorithmException e) {
                            throw new IllegalStateException(e);
                        }
                    });

    /** Per-thread scratch for the token's bytes: the hot path of a cache hit allocates little. */
    private static final ThreadLocal<byte[]> SCRATCH =
            ThreadLocal.withInitial(() -> new byte[4096]);

    /** The digest of a token already known to be ASCII (see {@link BearerTokens#isWellFormed}). */
    static TokenDigest of(String token) {
        int length = token.length();
        byte[] bytes = SCRATCH.get();
        if (bytes.length < length) {
            bytes = token.getBytes(StandardCharsets.ISO_8859_1);
        } else {
            token.getBytes(0, length, bytes, 0);
        }
        MessageDigest sha256 = SHA256.get();
        sha256.update(bytes, 0, length);
        ByteBuffer hash = ByteBuffer.wrap(sha256.digest());
        return new TokenDigest(hash.getLong(), hash.getLong(), hash.getLong(), hash.getLong());
    }
}
