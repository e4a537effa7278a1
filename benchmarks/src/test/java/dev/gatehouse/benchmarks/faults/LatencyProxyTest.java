package dev.gatehouse.benchmarks.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.redis.local.FreePort;
import dev.gatehouse.redis.local.RedisServer;
import dev.gatehouse.redis.local.RespConnection;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The proxy in front of a real redis-server: round trips gain twice the delay, bytes unchanged. */
class LatencyProxyTest {

    @TempDir Path dir;
    RedisServer redis;
    Vertx vertx;
    LatencyProxy proxy;
    int port;

    @BeforeEach
    void start() throws Exception {
        redis = RedisServer.startOnFreePort(dir);
        vertx = Vertx.vertx();
        proxy = new LatencyProxy(vertx);
        port = FreePort.pick();
        proxy.route(port, redis.port())
                .toCompletionStage()
                .toCompletableFuture()
                .get(10, TimeUnit.SECONDS);
    }

    @AfterEach
    void stop() throws Exception {
        proxy.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        redis.close();
    }

    @Test
    void eachDirectionIsHeldForTheDelayAndTheStreamStaysIntact() throws Exception {
        try (RespConnection connection = RespConnection.open("127.0.0.1", port, 5_000)) {
            assertEquals("PONG", connection.call("PING"));
            long fast = roundTripNanos(connection);
            proxy.delay(50);
            long slow = roundTripNanos(connection);
            assertTrue(slow >= 100_000_000, "50 ms each way: " + slow / 1e6 + " ms");
            assertTrue(fast < slow - 50_000_000, "no delay: " + fast / 1e6 + " ms");
            String value = "x".repeat(300_000);
            assertEquals("OK", connection.call("SET", "k", value));
            assertEquals(value, connection.call("GET", "k"), "a large reply arrives whole");
            proxy.delay(0);
            assertTrue(roundTripNanos(connection) < 50_000_000, "the delay is off again");
        }
    }

    @Test
    void aTargetThatIsDownClosesTheClientsConnection() throws Exception {
        redis.close();
        try (RespConnection connection = RespConnection.open("127.0.0.1", port, 5_000)) {
            connection.call("PING");
            throw new AssertionError("a reply from a stopped server");
        } catch (java.io.IOException expected) {
            // closed by the proxy: what a client of the stopped node sees
        }
    }

    private static long roundTripNanos(RespConnection connection) throws Exception {
        long best = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            long started = System.nanoTime();
            assertEquals("PONG", connection.call("PING"));
            best = Math.min(best, System.nanoTime() - started);
        }
        return best;
    }
}
