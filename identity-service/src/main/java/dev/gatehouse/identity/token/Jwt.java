package dev.gatehouse.identity.token;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Compact RS256 JWS exactly as Cognito writes it: header {@code {"kid":...,"alg":"RS256"}} and
 * nothing else (no {@code typ}), claims in Cognito's order.
 */
public final class Jwt {

    private static final Base64.Decoder URL_DECODER = Base64.getUrlDecoder();

    private Jwt() {}

    public static String sign(ObjectMapper json, SigningKey key, Map<String, Object> claims) {
        Map<String, String> header = new LinkedHashMap<>();
        header.put("kid", key.kid());
        header.put("alg", "RS256");
        try {
            String input =
                    SigningKey.URL.encodeToString(json.writeValueAsBytes(header))
                            + "."
                            + SigningKey.URL.encodeToString(json.writeValueAsBytes(claims));
            return input + "." + SigningKey.URL.encodeToString(key.sign(input));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * OpenID's {@code at_hash}: the left half of SHA-256 over the access token's ASCII, base64url
     * without padding (OIDC Core 3.1.3.6, for RS256).
     */
    public static String atHash(String accessToken) {
        try {
            byte[] digest =
                    java.security.MessageDigest.getInstance("SHA-256")
                            .digest(accessToken.getBytes(StandardCharsets.US_ASCII));
            return SigningKey.URL.encodeToString(java.util.Arrays.copyOf(digest, 16));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The claims of a token signed by {@code key} with RS256, if it is one. */
    public static Optional<JsonNode> verify(ObjectMapper json, SigningKey key, String token) {
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3 || token.length() > 16 * 1024) {
            return Optional.empty();
        }
        try {
            JsonNode header = json.readTree(URL_DECODER.decode(parts[0]));
            if (!"RS256".equals(header.path("alg").asText())
                    || !key.kid().equals(header.path("kid").asText())) {
                return Optional.empty();
            }
            String input = parts[0] + "." + parts[1];
            if (!key.verify(input, URL_DECODER.decode(parts[2]))) {
                return Optional.empty();
            }
            JsonNode claims =
                    json.readTree(new String(URL_DECODER.decode(parts[1]), StandardCharsets.UTF_8));
            return claims != null && claims.isObject() ? Optional.of(claims) : Optional.empty();
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
