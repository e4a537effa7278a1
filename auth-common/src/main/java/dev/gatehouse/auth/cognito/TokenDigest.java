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

    /** The digest of a token already known to be ASCII (see {@link BearerTokens#isWellFormed}). */
    static TokenDigest of(String token) {
        ByteBuffer hash =
                ByteBuffer.wrap(SHA256.get().digest(token.getBytes(StandardCharsets.ISO_8859_1)));
        return new TokenDigest(hash.getLong(), hash.getLong(), hash.getLong(), hash.getLong());
    }
}
