package dev.gatehouse.stores.events;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.gatehouse.auth.sigv4.SigV4Verifier;
import dev.gatehouse.auth.sigv4.SignatureClaim;
import dev.gatehouse.auth.sigv4.SignedRequest;
import dev.gatehouse.redis.local.FreePort;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A real HTTP server standing in for fanout-service's {@code POST /events} on a free port, which a
 * test starts and stops: down (nothing listens), failing (503) or up (202 after verifying the SigV4
 * signature with auth-common's verifier against stores-service's test credentials).
 */
public class FanoutStandIn implements QuarkusTestResourceLifecycleManager {

    public static final String KEY_ID = "AKIASTORESTESTPUBLSH";
    public static final String SECRET = "StoresServiceTestPublisherSecret00000000";

    /** One accepted publication: the body and whether its signature verified. */
    public record Published(String body, boolean signatureValid) {}

    public static final List<Published> published = new CopyOnWriteArrayList<>();
    public static volatile int attempts;
    public static volatile boolean failing;

    private static final SigV4Verifier VERIFIER =
            new SigV4Verifier("us-east-1", SigV4Verifier.EXECUTE_API, false);
    private static int port;
    private static HttpServer server;

    @Override
    public Map<String, String> start() {
        port = FreePort.pick();
        return Map.of(
                "quarkus.rest-client.fanout.url",
                "http://127.0.0.1:" + port,
                "gatehouse.stores.events.relay",
                "true",
                "%test.gatehouse.stores.events.relay",
                "true",
                // Tests sweep the outbox themselves (OutboxRelay.sweepOnce).
                "gatehouse.stores.events.relay-interval",
                "1h",
                "gatehouse.signing.access-key-id",
                KEY_ID,
                "gatehouse.signing.secret-access-key",
                SECRET);
    }

    @Override
    public void stop() {
        down();
    }

    /** fanout-service comes up on its port. */
    public static synchronized void up() {
        if (server != null) {
            return;
        }
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 64);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/events", FanoutStandIn::handle);
        server.start();
    }

    /** fanout-service goes away: connections are refused. */
    public static synchronized void down() {
        if (server != null) {
            server.stop(0);
            server = null;
        }
    }

    private static void handle(HttpExchange exchange) throws IOException {
        attempts++;
        byte[] body = exchange.getRequestBody().readAllBytes();
        if (failing) {
            exchange.sendResponseHeaders(503, -1);
            exchange.close();
            return;
        }
        boolean valid = verifies(exchange, body);
        published.add(new Published(new String(body, StandardCharsets.UTF_8), valid));
        byte[] answer =
                ("{\"eventId\":\"" + UUID.randomUUID() + "\"}").getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(valid ? 202 : 403, answer.length);
        exchange.getResponseBody().write(answer);
        exchange.close();
    }

    private static boolean verifies(HttpExchange exchange, byte[] body) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        exchange.getRequestHeaders()
                .forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), values));
        SignedRequest request =
                new SignedRequest(
                        exchange.getRequestMethod(),
                        exchange.getRequestURI().getRawPath(),
                        java.util.Objects.requireNonNullElse(
                                exchange.getRequestURI().getRawQuery(), ""),
                        headers,
                        body);
        return VERIFIER.parse(request, Instant.now()) instanceof SignatureClaim claim
                && KEY_ID.equals(claim.accessKeyId())
                && VERIFIER.verify(request, claim, SECRET).isEmpty();
    }
}
