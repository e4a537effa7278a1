package dev.gatehouse.auth.cognito;

import dev.gatehouse.auth.api.Sha256;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * The SHA-256 of a token's signature segment: the result cache's key. An RS256 signature names the
 * one header and payload it signs, so the cache stores those (claims the service reads anyway) and
 * compares them, but never the signature itself: it never holds a usable token, and a hit hashes
 * about a third of the token.
 */
record TokenDigest(long a, long b, long c, long d) {

    /**
     * A well-formed token's digest, and its signed part (header.payload): the first {@code
     * signedLength} bytes of {@code bytes}, this thread's scratch buffer, valid until the thread
     * presents the next token.
     */
    record Presented(TokenDigest digest, byte[] bytes, int signedLength) {

        /** Whether the signed part is exactly {@code signedPart}. */
        boolean signs(byte[] signedPart) {
            return signedPart.length == signedLength
                    && Arrays.equals(bytes, 0, signedLength, signedPart, 0, signedLength);
        }

        /** A copy of the signed part, to remember with a verified token. */
        byte[] signedPart() {
            return Arrays.copyOf(bytes, signedLength);
        }
    }

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
     * The digest of the signature segment of {@code text[start, end)} if that is three non-empty
     * base64url segments of at most {@code maxLength} characters and nothing else; null otherwise.
     * Checking and copying every character is one pass.
     */
    static Presented ofWellFormed(String text, int start, int end, int maxLength) {
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
        int signedLength = -1;
        for (int i = 0; i < length; i++) {
            char c = text.charAt(start + i);
            byte kind = c < 128 ? CLASSES[c] : 0;
            if (kind == BASE64URL) {
                segment++;
            } else if (kind == DOT && segment > 0 && dots < 2) {
                dots++;
                segment = 0;
                signedLength = i;
            } else {
                return null;
            }
            bytes[i] = (byte) c;
        }
        if (dots != 2 || segment == 0) {
            return null;
        }
        ByteBuffer hash = ByteBuffer.wrap(Sha256.digest(bytes, signedLength + 1, segment));
        return new Presented(
                new TokenDigest(hash.getLong(), hash.getLong(), hash.getLong(), hash.getLong()),
                bytes,
                signedLength);
    }
}
