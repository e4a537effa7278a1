package dev.gatehouse.auth.cognito;

import dev.gatehouse.auth.crypto.Sha256;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/** The SHA-256 of a token: the result cache's key, so the cache never holds a usable token. */
record TokenDigest(long a, long b, long c, long d) {

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
        ByteBuffer hash = ByteBuffer.wrap(Sha256.digest(bytes, length));
        return new TokenDigest(hash.getLong(), hash.getLong(), hash.getLong(), hash.getLong());
    }
}
