package dev.gatehouse.hostile;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.testing.TestUserPool;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.function.Consumer;

/** Forgeries of the pool's genuine ID token: re-encoded parts, other keys, other algorithms. */
final class Jwts {

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final TestUserPool.PoolKey STRANGER = TestUserPool.newKey();

    private Jwts() {}

    static String part(String token, int index) {
        return token.split("\\.")[index];
    }

    static ObjectNode decode(String segment) {
        try {
            return (ObjectNode) LaunchedSuite.JSON.readTree(Base64.getUrlDecoder().decode(segment));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String encode(Object json) {
        return B64.encodeToString(json.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** The token with its header changed, the original signature kept. */
    static String header(String token, Consumer<ObjectNode> change) {
        ObjectNode header = decode(part(token, 0));
        change.accept(header);
        return encode(header) + "." + part(token, 1) + "." + part(token, 2);
    }

    /** The token with its claims changed, the original signature kept. */
    static String claims(String token, Consumer<ObjectNode> change) {
        ObjectNode claims = decode(part(token, 1));
        change.accept(claims);
        return part(token, 0) + "." + encode(claims) + "." + part(token, 2);
    }

    /** The genuine claims, changed, signed RS256 by a key the pool never published. */
    static String strangerSigned(String token, boolean sameKid, Consumer<ObjectNode> change) {
        ObjectNode claims = decode(part(token, 1));
        change.accept(claims);
        String kid = sameKid ? decode(part(token, 0)).path("kid").asText() : STRANGER.kid();
        @SuppressWarnings("unchecked")
        Map<String, Object> map = LaunchedSuite.JSON.convertValue(claims, Map.class);
        return TestUserPool.sign(new TestUserPool.PoolKey(kid, STRANGER.pair()), map);
    }

    /** {@code alg: none}, no signature. */
    static String unsigned(String token, String alg) {
        ObjectNode header = decode(part(token, 0));
        header.put("alg", alg);
        return encode(header) + "." + part(token, 1) + ".";
    }

    /** HS256 keyed with the text of the pool's public JWKS (the classic key-confusion attack). */
    static String hmacSigned(String token, byte[] key) {
        ObjectNode header = decode(part(token, 0));
        header.put("alg", "HS256");
        String input = encode(header) + "." + part(token, 1);
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(key, "HmacSHA256"));
            return input
                    + "."
                    + B64.encodeToString(mac.doFinal(input.getBytes(StandardCharsets.US_ASCII)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
