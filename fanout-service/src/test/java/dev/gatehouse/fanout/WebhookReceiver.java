package dev.gatehouse.fanout;

import dev.gatehouse.auth.sigv4.SigV4Verifier;
import dev.gatehouse.auth.sigv4.SignatureClaim;
import dev.gatehouse.auth.sigv4.SignedRequest;
import dev.gatehouse.auth.sigv4.VertxSignedRequests;
import dev.gatehouse.redis.local.FreePort;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Real HTTP subscribers for the application under test, on a free port: each path records what
 * arrived and whether its SigV4 signature verifies, with auth-common's verifier, against the
 * credentials fanout-service signs with. A bad signature is answered 403, as an AWS_IAM route
 * would. {@code /flaky} fails a set number of times per event, {@code /doomed} fails until mended,
 * {@code /hanging} never answers, {@code /held} answers only once a test releases it.
 */
public class WebhookReceiver implements QuarkusTestResourceLifecycleManager {

    /** One request that reached a path. */
    public record Received(
            String path,
            String query,
            String eventId,
            String idempotencyKey,
            boolean signatureValid,
            JsonObject event) {}

    private static final SigV4Verifier VERIFIER =
            new SigV4Verifier("us-east-1", SigV4Verifier.EXECUTE_API, false);
    private static final Queue<Received> RECEIVED = new ConcurrentLinkedQueue<>();
    private static final Map<String, AtomicInteger> FAILURES = new ConcurrentHashMap<>();
    private static volatile int flakyFailures = 2;
    private static volatile boolean doomedMended;
    private static final Queue<HttpServerRequest> HELD = new ConcurrentLinkedQueue<>();
    private static volatile boolean holding = true;
    private static Vertx vertx;
    private static HttpServer server;

    @Override
    public synchronized Map<String, String> start() {
        if (server == null) {
            vertx = Vertx.vertx();
            int port = FreePort.pick();
            try {
                server =
                        vertx.createHttpServer()
                                .requestHandler(WebhookReceiver::handle)
                                .listen(port, "127.0.0.1")
                                .toCompletionStage()
                                .toCompletableFuture()
                                .get(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException("cannot start the test receiver", e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(vertx::close, "stop-test-receiver"));
        }
        return Map.of("test.receiver", "http://127.0.0.1:" + server.actualPort());
    }

    @Override
    public void stop() {
        // Shared by the test classes of this JVM; stopped at exit.
    }

    /** Everything that reached {@code path} so far. */
    public static List<Received> at(String path) {
        return RECEIVED.stream().filter(r -> r.path().equals(path)).toList();
    }

    /** What reached {@code path} for one event. */
    public static List<Received> at(String path, String eventId) {
        return at(path).stream().filter(r -> eventId.equals(r.eventId())).toList();
    }

    /** How many times {@code /flaky} fails each event before accepting it. */
    public static void flakyFailures(int times) {
        flakyFailures = times;
    }

    /** Whether {@code /doomed} accepts deliveries. */
    public static void mendDoomed(boolean mended) {
        doomedMended = mended;
    }

    /** How many requests {@code /held} holds unanswered right now. */
    public static int heldUnanswered() {
        return HELD.size();
    }

    /** Answers every request {@code /held} holds (204), and those that arrive later at once. */
    public static synchronized void releaseHeld() {
        holding = false;
        for (HttpServerRequest request = HELD.poll(); request != null; request = HELD.poll()) {
            request.response().setStatusCode(204).end();
        }
    }

    private static synchronized void hold(HttpServerRequest request) {
        if (holding) {
            HELD.add(request);
        } else {
            request.response().setStatusCode(204).end();
        }
    }

    private static void handle(HttpServerRequest request) {
        request.body()
                .onSuccess(
                        buffer -> {
                            byte[] body = buffer.getBytes();
                            boolean valid = verifies(request, body);
                            JsonObject event = new JsonObject(buffer);
                            String eventId = event.getString("eventId");
                            RECEIVED.add(
                                    new Received(
                                            request.path(),
                                            request.query(),
                                            eventId,
                                            request.getHeader("Idempotency-Key"),
                                            valid,
                                            event));
                            if (!valid) {
                                request.response().setStatusCode(403).end();
                                return;
                            }
                            switch (request.path()) {
                                case "/hanging" -> {
                                    // Never answers: the delivery times out.
                                }
                                case "/held" -> hold(request);
                                case "/flaky" -> {
                                    int failed =
                                            FAILURES.computeIfAbsent(
                                                            eventId, id -> new AtomicInteger())
                                                    .getAndIncrement();
                                    request.response()
                                            .setStatusCode(failed < flakyFailures ? 503 : 204)
                                            .end();
                                }
                                case "/doomed" ->
                                        request.response()
                                                .setStatusCode(doomedMended ? 200 : 500)
                                                .end();
                                default -> request.response().setStatusCode(204).end();
                            }
                        });
    }

    private static boolean verifies(HttpServerRequest request, byte[] body) {
        SignedRequest signed = VertxSignedRequests.of(request, body);
        return VERIFIER.parse(signed, Instant.now()) instanceof SignatureClaim claim
                && TestCallers.SIGNER_ID.equals(claim.accessKeyId())
                && VERIFIER.verify(signed, claim, TestCallers.SIGNER_SECRET).isEmpty();
    }

    /** Received at least {@code count} (distinct events) at {@code path}, waiting up to 30 s. */
    public static void awaitDistinct(String path, int count) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 30_000;
        while (at(path).stream().map(Received::eventId).distinct().count() < count) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError(
                        "only "
                                + at(path).stream().map(Received::eventId).distinct().count()
                                + " of "
                                + count
                                + " events reached "
                                + path);
            }
            Thread.sleep(20);
        }
    }

    /** Waits up to 30 s for {@code eventId} to reach {@code path}. */
    public static void await(String path, String eventId) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 30_000;
        while (at(path, eventId).isEmpty()) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("event " + eventId + " never reached " + path);
            }
            Thread.sleep(20);
        }
    }
}
