package dev.gatehouse.identity.oidc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.logging.Log;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.RSAPublicKeySpec;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One provider's RSA keys by {@code kid}, fetched (on a worker thread) from its JWKS and kept for
 * the cache TTL; an unknown {@code kid} triggers one refetch at most every 30 seconds, so rotated
 * keys are picked up and a flood of forged kids does not become a flood of fetches.
 */
final class JwksCache {

    private static final Duration REFETCH_GAP = Duration.ofSeconds(30);

    private final ObjectMapper json;
    private final String issuer;
    private final Optional<String> jwksUri;
    private final Duration ttl;
    private final Duration timeout;
    private final HttpClient http;
    private volatile Map<String, PublicKey> keys = Map.of();
    private volatile long fetchedAtNanos;
    private volatile boolean fetched;

    JwksCache(
            ObjectMapper json,
            String issuer,
            Optional<String> jwksUri,
            Duration ttl,
            Duration timeout) {
        this.json = json;
        this.issuer = issuer;
        this.jwksUri = jwksUri;
        this.ttl = ttl;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    synchronized Optional<PublicKey> key(String kid) {
        long age = System.nanoTime() - fetchedAtNanos;
        boolean stale = !fetched || age > ttl.toNanos();
        boolean unknown = !keys.containsKey(kid) && age > REFETCH_GAP.toNanos();
        if (stale || unknown) {
            refresh();
        }
        return Optional.ofNullable(keys.get(kid));
    }

    private void refresh() {
        fetchedAtNanos = System.nanoTime();
        fetched = true;
        try {
            String uri =
                    jwksUri.isPresent()
                            ? jwksUri.get()
                            : get(stripSlash(issuer) + "/.well-known/openid-configuration")
                                    .path("jwks_uri")
                                    .asText();
            Map<String, PublicKey> loaded = new HashMap<>();
            for (JsonNode key : get(uri).path("keys")) {
                if ("RSA".equals(key.path("kty").asText()) && key.hasNonNull("kid")) {
                    loaded.put(key.get("kid").asText(), rsa(key));
                }
            }
            keys = Map.copyOf(loaded);
        } catch (Exception e) {
            Log.warnf("cannot load the JWKS of %s: %s", issuer, e.getMessage());
        }
    }

    private JsonNode get(String uri) throws Exception {
        HttpResponse<byte[]> response =
                http.send(
                        HttpRequest.newBuilder(URI.create(uri)).timeout(timeout).GET().build(),
                        HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(uri + " answered " + response.statusCode());
        }
        return json.readTree(response.body());
    }

    private static PublicKey rsa(JsonNode key) throws Exception {
        Base64.Decoder url = Base64.getUrlDecoder();
        BigInteger n = new BigInteger(1, url.decode(key.path("n").asText()));
        BigInteger e = new BigInteger(1, url.decode(key.path("e").asText()));
        return KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(n, e));
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
