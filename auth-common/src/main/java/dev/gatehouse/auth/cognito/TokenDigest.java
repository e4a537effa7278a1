package dev.gatehouse.auth.cognito;

import dev.gatehouse.auth.crypto.Sha256;
import java.nio.ByteBuffer;

/** The SHA-256 of a token: the result cache's key, so the cache never holds a usable token. */
record TokenDigest(long a, long b, long c, long d) {

    private static final byte BASE64URL = 1;
    private static final byte DOT = 2;

    /** The class of each ASCII character in a compact JWS; anything else is 0 (refused). */
    private static final byte[] CLASSES = new byte[128];

    static {
        for (char c = 'A'; c <= 'Z'; c++) {
            CLASSES[c] = BASE64URL;
        }
        for (char c = 'a'; c <= 'z'; c++) {
            CLASSES[c] = BASE64URL;
        }
        for (char c = '0'; c <= '9'; c++) {
            CLASSES[c] = BASE64URL;
        }
        CLASSES['-'] = BASE64URL;
        CLASSES['_'] = BASE64URL;
        CLASSES['.'] = DOT;
    }

    /** Per-thread scratch for the token's bytes: a cache hit allocates almost nothing. */
    private static final ThreadLocal<byte[]> SCRATCH =
            ThreadLocal.withInitial(() -> new byte[4096]);

    /**
     * The digest of {@code text[start, end)} if it is three non-empty base64url segments of at most
     * {@code maxLength} characters and nothing else; null otherwise. Checking and copying the bytes
     * to hash is one pass, so a malformed token costs no hashing and a good one no extra copy.
     */
    static TokenDigest ofWellFormed(String text, int start, int end, int maxLength) {
        int length = end - start;
        if (length > maxLength) {
            return null;
        }
        byte[] bytes = SCRATCH.get();
        if (bytes.length < length) {
            bytes = new byte[length];
            SCRATCH.set(bytes);
        }
        int dots = 0;
        int segment = 0;
        for (int i = 0; i < length; i++) {
            char c = text.charAt(start + i);
            byte kind = c < 128 ? CLASSES[c] : 0;
            if (kind == BASE64URL) {
                segment++;
            } else if (kind == DOT && segment > 0) {
                dots++;
                segment = 0;
            } else {
                return null;
            }
            bytes[i] = (byte) c;
        }
        if (dots != 2 || segment == 0) {
            return null;
        }
        ByteBuffer hash = ByteBuffer.wrap(Sha256.digest(bytes, length));
        return new TokenDigest(hash.getLong(), hash.getLong(), hash.getLong(), hash.getLong());
    }
}
