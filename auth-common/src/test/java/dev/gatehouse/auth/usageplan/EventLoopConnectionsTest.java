package dev.gatehouse.auth.usageplan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.gatehouse.testing.RedisTestResource;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.Request;
import io.vertx.mutiny.redis.client.Response;
import io.vertx.redis.client.RedisConnection;
import io.vertx.redis.client.RedisOptions;
import io.vertx.redis.client.impl.types.ErrorType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** One kept Redis connection per event loop, dropped on a broken socket or a timeout only. */
@QuarkusTest
@WithTestResource(value = RedisTestResource.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
class EventLoopConnectionsTest {

    static final Duration TIMEOUT = Duration.ofSeconds(2);

    @Inject Vertx vertx;
    @Inject ReactiveRedisDataSource redis;

    /** The application's Redis client, counting the connections asked of its pool. */
    static final class CountingRedis implements io.vertx.redis.client.Redis {
        final io.vertx.redis.client.Redis pool;
        final AtomicInteger connects = new AtomicInteger();

        CountingRedis(io.vertx.redis.client.Redis pool) {
            this.pool = pool;
        }

        @Override
        public Future<RedisConnection> connect() {
            connects.incrementAndGet();
            return pool.connect();
        }

        @Override
        public void close() {
            // The application's client: not ours to close.
        }

        @Override
        public Future<io.vertx.redis.client.Response> send(io.vertx.redis.client.Request request) {
            return pool.send(request);
        }

        @Override
        public Future<List<io.vertx.redis.client.Response>> batch(
                List<io.vertx.redis.client.Request> requests) {
            return pool.batch(requests);
        }
    }

    CountingRedis counting;
    EventLoopConnections connections;
    Context loop;

    @BeforeEach
    void onAnEventLoop() {
        counting = new CountingRedis(redis.getRedis().getDelegate());
        connections = new EventLoopConnections(Redis.newInstance(counting));
        loop = vertx.getOrCreateContext();
        assertTrue(loop.isEventLoopContext());
    }

    /** Sends {@code count} requests in one turn of the loop; their replies, in order. */
    private List<CompletableFuture<Response>> sendOnLoop(
            Supplier<Request> request, int count, Duration timeout) {
        List<CompletableFuture<Response>> replies = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            replies.add(new CompletableFuture<>());
        }
        loop.runOnContext(
                ignored -> {
                    for (CompletableFuture<Response> reply : replies) {
                        connections
                                .send(request.get(), timeout)
                                .subscribe()
                                .with(reply::complete, reply::completeExceptionally);
                    }
                });
        return replies;
    }

    private Response sendOnLoop(Supplier<Request> request) throws Exception {
        return sendOnLoop(request, 1, TIMEOUT).get(0).get(5, TimeUnit.SECONDS);
    }

    /** How a send from the loop failed; it must fail within a little more than its timeout. */
    private Throwable failureOnLoop(Supplier<Request> request, Duration timeout) throws Exception {
        CompletableFuture<Response> reply = sendOnLoop(request, 1, timeout).get(0);
        try {
            return fail(
                    "expected a failure, got "
                            + reply.get(timeout.toMillis() + 2_000, TimeUnit.MILLISECONDS));
        } catch (ExecutionException e) {
            return e.getCause();
        }
    }

    private long clientIdOnLoop() throws Exception {
        return sendOnLoop(EventLoopConnectionsTest::clientId).toLong();
    }

    private static Request clientId() {
        return Request.cmd(Command.CLIENT).arg("ID");
    }

    private static Request ping() {
        return Request.cmd(Command.PING);
    }

    private static int clientCount() {
        String list = (String) RedisTestResource.standalone().call("CLIENT", "LIST");
        return list.strip().split("\n").length;
    }

    @Test
    void fiftySendsInOneTurnOfTheLoopShareOneConnection() throws Exception {
        int before = clientCount();
        List<CompletableFuture<Response>> replies =
                sendOnLoop(EventLoopConnectionsTest::clientId, 50, TIMEOUT);
        long first = replies.get(0).get(5, TimeUnit.SECONDS).toLong();
        for (CompletableFuture<Response> reply : replies) {
            assertEquals(first, reply.get(5, TimeUnit.SECONDS).toLong());
        }
        assertEquals(1, counting.connects.get(), "one connection asked for");
        assertTrue(clientCount() <= before + 1, "at most one socket opened");
    }

    @Test
    void theLoopKeepsItsConnectionForItsNextTurns() throws Exception {
        long first = clientIdOnLoop();
        int before = clientCount();
        for (int i = 0; i < 50; i++) {
            assertEquals("PONG", sendOnLoop(EventLoopConnectionsTest::ping).toString());
        }
        assertEquals(first, clientIdOnLoop());
        assertEquals(1, counting.connects.get());
        assertTrue(clientCount() <= before, "no socket opened");
    }

    @Test
    void aKilledConnectionIsReplacedOnTheNextSend() throws Exception {
        long killed = clientIdOnLoop();
        RedisTestResource.standalone().call("CLIENT", "KILL", "ID", Long.toString(killed));

        long replacement;
        try {
            replacement = clientIdOnLoop();
        } catch (ExecutionException e) {
            // The send may reach the socket before the loop learns that it was closed.
            replacement = clientIdOnLoop();
        }
        assertNotEquals(killed, replacement);
        assertEquals(2, counting.connects.get());
        assertEquals(replacement, clientIdOnLoop(), "and the new one is kept");
        assertEquals(2, counting.connects.get());
    }

    @Test
    void aWrongTypeErrorReplyKeepsTheConnection() throws Exception {
        RedisTestResource.standalone().call("HSET", "event-loop-test-hash", "field", "value");
        assertAnErrorReplyKeepsTheConnection(
                () -> Request.cmd(Command.INCR).arg("event-loop-test-hash"), "WRONGTYPE");
    }

    @Test
    void aNoscriptErrorReplyKeepsTheConnection() throws Exception {
        assertAnErrorReplyKeepsTheConnection(
                () ->
                        Request.cmd(Command.EVALSHA)
                                .arg("0123456789abcdef0123456789abcdef01234567")
                                .arg(0),
                "NOSCRIPT");
    }

    /** Redis answers {@code request} with an error starting {@code prefix}; the socket stays. */
    private void assertAnErrorReplyKeepsTheConnection(Supplier<Request> request, String prefix)
            throws Exception {
        long before = clientIdOnLoop();

        Throwable failure = failureOnLoop(request, TIMEOUT);
        assertInstanceOf(ErrorType.class, failure);
        assertTrue(failure.getMessage().startsWith(prefix), failure.getMessage());
        assertEquals(before, clientIdOnLoop());
        assertEquals(1, counting.connects.get(), "not reconnected");
    }

    @Test
    void aSendWithNoReplyInTimeFailsAndTheNextSendConnectsAgain() throws Exception {
        clientIdOnLoop();
        RedisTestResource.standalone().call("CLIENT", "PAUSE", "500");

        Throwable failure = failureOnLoop(EventLoopConnectionsTest::ping, Duration.ofMillis(100));
        assertInstanceOf(io.smallrye.mutiny.TimeoutException.class, failure);
        // Answered once the pause ends.
        assertEquals("PONG", sendOnLoop(EventLoopConnectionsTest::ping).toString());
        assertEquals(2, counting.connects.get(), "the connection that timed out was dropped");
    }

    @Test
    void aConnectionStillOpeningWhenItsSendTimesOutIsGivenBackToThePool() throws Exception {
        // A pool of one: a connection kept by a dropped loop would starve the loop's next sends.
        Redis single =
                Redis.newInstance(
                        io.vertx.redis.client.Redis.createClient(
                                vertx,
                                new RedisOptions()
                                        .setConnectionString(RedisTestResource.standalone().uri())
                                        .setMaxPoolSize(1)));
        connections = new EventLoopConnections(single);
        RedisTestResource.standalone().call("CLIENT", "PAUSE", "800");

        Throwable failure = failureOnLoop(EventLoopConnectionsTest::ping, Duration.ofMillis(200));
        assertInstanceOf(io.smallrye.mutiny.TimeoutException.class, failure);
        Thread.sleep(1_000); // past the pause: the connect that timed out has completed by now
        assertEquals(
                "PONG",
                sendOnLoop(EventLoopConnectionsTest::ping).toString(),
                "the loop gets the pool's only connection back");
        single.close();
    }

    @Test
    void sendsFailWhileRedisIsDownAndSucceedAgainWhenItReturns() throws Exception {
        clientIdOnLoop();
        RedisTestResource.stopStandalone();
        try {
            failureOnLoop(EventLoopConnectionsTest::ping, TIMEOUT);
            failureOnLoop(EventLoopConnectionsTest::ping, TIMEOUT);
        } finally {
            RedisTestResource.restartStandalone();
        }

        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (true) {
            try {
                assertEquals("PONG", sendOnLoop(EventLoopConnectionsTest::ping).toString());
                break;
            } catch (ExecutionException e) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("no recovery within 10 s", e);
                }
                Thread.sleep(100);
            }
        }
        int connects = counting.connects.get();
        long id = clientIdOnLoop();
        assertEquals(id, clientIdOnLoop(), "the new connection is kept");
        assertEquals(connects, counting.connects.get());
    }
}
