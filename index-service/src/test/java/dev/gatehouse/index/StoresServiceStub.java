package dev.gatehouse.index;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.gatehouse.auth.api.GatewayResponses;
import dev.gatehouse.auth.sigv4.SigV4Rejection;
import dev.gatehouse.auth.sigv4.SigV4Verifier;
import dev.gatehouse.auth.sigv4.SignatureClaim;
import dev.gatehouse.auth.sigv4.SignatureParse;
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
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real HTTP server on a free port standing in for stores-service, so index-service's client is
 * exercised over real sockets, including refused connections, 5xx, slowness and 4xx.
 */
public class StoresServiceStub implements QuarkusTestResourceLifecycleManager {

    public enum Behaviour {
        HEALTHY,
        FAIL_ONCE_THEN_HEALTHY,
        ALWAYS_500,
        TOO_SLOW,
        REJECTS_WITH_400
    }

    /** The key index-service is configured with in tests. */
    public static final String API_KEY = "IndexServiceTestKey0000001";

    /** The access key index-service signs with in tests (test-only values). */
    static final String ACCESS_KEY_ID = "AKIAINDEXTESTSIGNER2";

    static final String SECRET_ACCESS_KEY = "IndexServiceTestSigningSecret00000000000";

    /**
     * The real verifier, so that index-service's signatures are checked as stores-service would.
     */
    private static final SigV4Verifier VERIFIER =
            new SigV4Verifier("us-east-1", SigV4Verifier.EXECUTE_API, true);

    public static volatile Behaviour behaviour = Behaviour.HEALTHY;
    public static final List<String> requests = new CopyOnWriteArrayList<>();
    private static final AtomicInteger calls = new AtomicInteger();
    private static HttpServer server;
    private static int port;

    static final String STORES =
            "[{\"id\":\"lis-001\",\"name\":\"Café"
                + " <Lumière>\",\"category\":\"cafe\",\"city\":\"Lisbon\",\"tags\":[\"coffee\"]},{\"id\":\"par-002\",\"name\":\"Étoile"
                + " Boulangerie\",\"category\":\"bakery\",\"city\":\"Paris\",\"tags\":[]}]";

    @Override
    public Map<String, String> start() {
        port = FreePort.pick();
        up();
        return Map.of(
                "quarkus.rest-client.stores.url",
                "http://127.0.0.1:" + port,
                "gatehouse.index.stores-api-key",
                API_KEY,
                "gatehouse.signing.access-key-id",
                ACCESS_KEY_ID,
                "gatehouse.signing.secret-access-key",
                SECRET_ACCESS_KEY);
    }

    /** Starts (or restarts) the stub on its port. */
    public static synchronized void up() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 50);
            server.setExecutor(Executors.newCachedThreadPool());
            server.createContext("/", StoresServiceStub::handle);
            server.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stops the stub: connections to stores-service are refused until {@link #up()}. */
    public static synchronized void down() {
        server.stop(0);
    }

    public static void reset() {
        behaviour = Behaviour.HEALTHY;
        requests.clear();
        calls.set(0);
    }

    private static void handle(HttpExchange exchange) throws IOException {
        byte[] bytes = exchange.getRequestBody().readAllBytes();
        String body = new String(bytes, StandardCharsets.UTF_8);
        requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI() + " " + body);
        SigV4Rejection rejection = verify(exchange, bytes);
        if (rejection != null) {
            respond(exchange, 403, GatewayResponses.messageBody(rejection.message()));
            return;
        }
        if (!API_KEY.equals(exchange.getRequestHeaders().getFirst("x-api-key"))) {
            respond(exchange, 403, "{\"message\":\"Forbidden\"}");
            return;
        }
        int call = calls.incrementAndGet();
        switch (behaviour) {
            case FAIL_ONCE_THEN_HEALTHY -> {
                if (call == 1) {
                    respond(exchange, 503, "{\"message\":\"Service Unavailable\"}");
                    return;
                }
            }
            case ALWAYS_500 -> {
                respond(exchange, 500, "{\"message\":\"Internal server error\"}");
                return;
            }
            case TOO_SLOW -> sleep(4_000);
            case REJECTS_WITH_400 -> {
                respond(exchange, 400, "{\"message\":\"query must be at most 200 characters\"}");
                return;
            }
            default -> {}
        }
        respond(exchange, 200, STORES);
    }

    /** Null when the request carries a valid signature by the test access key. */
    private static SigV4Rejection verify(HttpExchange exchange, byte[] body) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        exchange.getRequestHeaders()
                .forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), values));
        String query = exchange.getRequestURI().getRawQuery();
        SignedRequest request =
                new SignedRequest(
                        exchange.getRequestMethod(),
                        exchange.getRequestURI().getRawPath(),
                        query == null ? "" : query,
                        headers,
                        body);
        SignatureParse parse = VERIFIER.parse(request, Instant.now());
        if (!(parse instanceof SignatureClaim claim)) {
            return (SigV4Rejection) parse;
        }
        if (!ACCESS_KEY_ID.equals(claim.accessKeyId())) {
            return SigV4Rejection.invalidToken();
        }
        return VERIFIER.verify(request, claim, SECRET_ACCESS_KEY).orElse(null);
    }

    private static void respond(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }
}
