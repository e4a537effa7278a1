package dev.gatehouse.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stand-in user pool for the authorizer tests: RSA keys generated per run, a JWKS endpoint on a
 * free port (it counts its downloads and can be taken down), and tokens minted with the JDK in
 * Cognito's exact shape.
 */
public final class TestUserPool implements AutoCloseable {

    public static final String POOL_ID = "us-east-1_TestPool1";
    public static final String WEB_CLIENT = "4b1ka6rh0r8q6kpaetj2ls3f0c";
    public static final String OTHER_CLIENT = "7otherclient000000000000000";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();

    /** A signing key and its {@code kid} (Cognito's kids are 44-character base64). */
    public record PoolKey(String kid, KeyPair pair) {}

    private final HttpServer server;
    private final List<PoolKey> published = new CopyOnWriteArrayList<>();
    private final AtomicInteger downloads = new AtomicInteger();
    private final AtomicBoolean down = new AtomicBoolean();

    private TestUserPool() throws IOException {
        published.add(newKey());
        published.add(newKey());
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext(
                "/" + POOL_ID + "/.well-known/jwks.json",
                exchange -> {
                    downloads.incrementAndGet();
                    byte[] body =
                            down.get()
                                    ? "unavailable".getBytes(StandardCharsets.UTF_8)
                                    : jwks().getBytes(StandardCharsets.UTF_8);
                    exchange.getResponseHeaders().add("Content-Type", "application/json");
                    exchange.sendResponseHeaders(down.get() ? 503 : 200, body.length);
                    exchange.getResponseBody().write(body);
                    exchange.close();
                });
        server.start();
    }

    public static TestUserPool start() {
        try {
            return new TestUserPool();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String issuer() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/" + POOL_ID;
    }

    public int downloads() {
        return downloads.get();
    }

    public void setDown(boolean isDown) {
        down.set(isDown);
    }

    /** The key the pool signs ID tokens with. */
    public PoolKey idKey() {
        return published.get(0);
    }

    /** Publishes a new key (a rotation) and returns it. */
    public PoolKey rotate() {
        PoolKey key = newKey();
        published.add(key);
        return key;
    }

    /** A fresh key pair that is never published. */
    public static PoolKey newKey() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            byte[] kid = new byte[32];
            new java.security.SecureRandom().nextBytes(kid);
            return new PoolKey(
                    Base64.getEncoder().encodeToString(kid), generator.generateKeyPair());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The claims of a fresh ID token for {@code client}, valid for an hour. */
    public Map<String, Object> idClaims(String client) {
        long now = Instant.now().getEpochSecond();
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("sub", "5f2c1b7e-6a0d-4c3e-9b8a-1d2e3f4a5b6c");
        claims.put("email_verified", true);
        claims.put("iss", issuer());
        claims.put("cognito:username", "alice");
        claims.put("origin_jti", UUID.randomUUID().toString());
        claims.put("aud", client);
        claims.put("event_id", UUID.randomUUID().toString());
        claims.put("token_use", "id");
        claims.put("auth_time", now);
        claims.put("exp", now + 3600);
        claims.put("iat", now);
        claims.put("jti", UUID.randomUUID().toString());
        claims.put("email", "alice@example.com");
        claims.put("cognito:groups", List.of("buyers"));
        return claims;
    }

    /** The claims of a fresh access token for {@code client}. */
    public Map<String, Object> accessClaims(String client, String scope) {
        long now = Instant.now().getEpochSecond();
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("sub", "5f2c1b7e-6a0d-4c3e-9b8a-1d2e3f4a5b6c");
        claims.put("iss", issuer());
        claims.put("client_id", client);
        claims.put("token_use", "access");
        claims.put("scope", scope);
        claims.put("auth_time", now);
        claims.put("exp", now + 3600);
        claims.put("iat", now);
        claims.put("jti", UUID.randomUUID().toString());
        claims.put("username", "alice");
        return claims;
    }

    /** A valid ID token of the web client. */
    public String idToken() {
        return sign(idKey(), idClaims(WEB_CLIENT));
    }

    /** RS256 with {@code key}, header {@code {"kid","alg"}} as Cognito writes it. */
    public static String sign(PoolKey key, Map<String, Object> claims) {
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("kid", key.kid());
        header.put("alg", "RS256");
        String input = segment(header) + "." + segment(claims);
        try {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(key.pair().getPrivate());
            rsa.update(input.getBytes(StandardCharsets.US_ASCII));
            return input + "." + B64URL.encodeToString(rsa.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** base64url of the JSON of {@code value}. */
    public static String segment(Object value) {
        try {
            return B64URL.encodeToString(JSON.writeValueAsBytes(value));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String jwks() {
        List<Map<String, Object>> keys = new ArrayList<>();
        for (PoolKey key : published) {
            RSAPublicKey rsa = (RSAPublicKey) key.pair().getPublic();
            Map<String, Object> jwk = new LinkedHashMap<>();
            jwk.put("alg", "RS256");
            jwk.put("e", B64URL.encodeToString(unsigned(rsa.getPublicExponent().toByteArray())));
            jwk.put("kid", key.kid());
            jwk.put("kty", "RSA");
            jwk.put("n", B64URL.encodeToString(unsigned(rsa.getModulus().toByteArray())));
            jwk.put("use", "sig");
            keys.add(jwk);
        }
        try {
            return JSON.writeValueAsString(Map.of("keys", keys));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] unsigned(byte[] twosComplement) {
        return twosComplement.length > 1 && twosComplement[0] == 0
                ? java.util.Arrays.copyOfRange(twosComplement, 1, twosComplement.length)
                : twosComplement;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
