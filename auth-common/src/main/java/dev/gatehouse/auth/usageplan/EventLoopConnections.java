package dev.gatehouse.auth.usageplan;

import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.RedisConnection;
import io.vertx.mutiny.redis.client.Request;
import io.vertx.mutiny.redis.client.Response;
import io.vertx.redis.client.impl.types.ErrorType;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One Redis connection per event loop, opened on that loop and kept, with commands pipelined on it.
 * A pooled call borrows whichever connection is free, often one whose socket lives on another loop:
 * its reply is then read there and handed back to the caller's loop, a thread wake-up per call.
 * Here the reply is read on the loop that waits for it. Callers off the event loops use the pool. A
 * connection that fails, times out or closes is given back to the pool (which discards a closed
 * socket; a live one keeps its replies in order), and the loop's next call takes one afresh.
 */
final class EventLoopConnections {

    private final Redis redis;
    private final Map<Thread, Pinned> connections = new ConcurrentHashMap<>();

    /** A loop's connection: being opened, then open until it fails or closes. */
    private static final class Pinned {
        volatile Uni<RedisConnection> ready;
        volatile RedisConnection connection;

        /** Plain Vert.x, not Mutiny: this also runs while the application shuts down. */
        void close() {
            RedisConnection c = connection;
            if (c != null) {
                c.getDelegate().close();
            }
        }
    }

    EventLoopConnections(Redis redis) {
        this.redis = redis;
    }

    /** Sends a command; no reply within {@code timeout} fails it and drops the connection. */
    Uni<Response> send(Request request, Duration timeout) {
        if (!Context.isOnEventLoopThread()) {
            return redis.send(request).ifNoItem().after(timeout).fail();
        }
        Thread loop = Thread.currentThread();
        Pinned pinned = connections.computeIfAbsent(loop, this::open);
        return pinned.ready
                .onFailure()
                .invoke(failure -> drop(loop, pinned)) // a failed connect is never kept
                .chain(c -> c.send(request))
                .ifNoItem()
                .after(timeout)
                .fail()
                .onFailure()
                .invoke(
                        failure -> {
                            // A Redis error reply (NOSCRIPT, a script error) leaves the connection
                            // usable; anything else (a closed socket, a timeout) does not.
                            if (!(failure instanceof ErrorType)) {
                                drop(loop, pinned);
                            }
                        });
    }

    private Pinned open(Thread loop) {
        Pinned pinned = new Pinned();
        pinned.ready =
                redis.connect()
                        .invoke(
                                c -> {
                                    pinned.connection = c;
                                    c.exceptionHandler(failure -> drop(loop, pinned));
                                    c.endHandler(() -> drop(loop, pinned));
                                    // Dropped while it was opening (its send timed out): give
                                    // the connection back rather than hold a pool slot forever.
                                    if (connections.get(loop) != pinned) {
                                        pinned.close();
                                    }
                                })
                        .memoize()
                        .indefinitely();
        return pinned;
    }

    private void drop(Thread loop, Pinned pinned) {
        if (connections.remove(loop, pinned)) {
            pinned.close();
        }
    }
}
