package dev.gatehouse.auth.cognito;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Reading the token out of the header, and the one-pass shape check and digest of a cache hit. */
class TokenSpanAndDigestTest {

    @ParameterizedTest(name = "[{0}] -> [{1}]")
    @CsvSource(
            delimiter = '|',
            textBlock =
                    """
                    a.b.c                | a.b.c
                    '  a.b.c  '          | a.b.c
                    Bearer a.b.c         | a.b.c
                    bEaReR   a.b.c       | a.b.c
                    ' Bearer a.b.c '     | a.b.c
                    Bearera.b.c          | Bearera.b.c
                    """)
    void findsTheTokenRawOrAfterBearer(String header, String token) {
        long span = BearerTokens.span(header);
        assertEquals(token, header.substring(BearerTokens.start(span), BearerTokens.end(span)));
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {"", "   ", "Bearer", "bearer  ", "Bearer "})
    void findsNoTokenInABlankHeaderOrABareBearer(String header) {
        assertEquals(-1, BearerTokens.span(header));
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(
            strings = {
                "a.b",
                "a.b.c.d",
                ".b.c",
                "a..c",
                "a.b.",
                "a.b.c=",
                "a.b+.c",
                "a.b/.c",
                "a.b .c",
                "a.bé.c",
                "a.b\u0000.c"
            })
    void refusesAnythingButThreeBase64UrlSegments(String token) {
        assertNull(TokenDigest.ofWellFormed(token, 0, token.length(), 100));
    }

    @org.junit.jupiter.api.Test
    void refusesATokenLongerThanTheLimitAndDigestsTheSignatureOfAGoodOneWithSha256()
            throws Exception {
        String token = "eyJh-_0." + "x".repeat(5000) + ".sig";
        assertNull(TokenDigest.ofWellFormed(token, 0, token.length(), token.length() - 1));
        TokenDigest.Presented presented =
                TokenDigest.ofWellFormed(token, 0, token.length(), 16_384);
        assertNotNull(presented);
        assertEquals(token.lastIndexOf('.'), presented.signedLength());
        assertTrue(
                presented.signs(
                        token.substring(0, token.lastIndexOf('.'))
                                .getBytes(StandardCharsets.US_ASCII)));
        assertFalse(presented.signs("eyJh-_0.x".getBytes(StandardCharsets.US_ASCII)));
        TokenDigest digest = presented.digest();
        ByteBuffer expected =
                ByteBuffer.wrap(
                        MessageDigest.getInstance("SHA-256")
                                .digest("sig".getBytes(StandardCharsets.US_ASCII)));
        assertEquals(
                new TokenDigest(
                        expected.getLong(),
                        expected.getLong(),
                        expected.getLong(),
                        expected.getLong()),
                digest);
        String header = "Bearer " + token;
        assertEquals(digest, TokenDigest.ofWellFormed(header, 7, header.length(), 16_384).digest());
        assertNotEquals(digest, TokenDigest.ofWellFormed("a.b.c", 0, 5, 16_384).digest());
    }
}
