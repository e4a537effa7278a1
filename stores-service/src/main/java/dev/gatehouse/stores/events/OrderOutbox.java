package dev.gatehouse.stores.events;

import dev.gatehouse.auth.api.RedisScript;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.hash.ReactiveHashCommands;
import io.quarkus.redis.datasource.sortedset.ReactiveSortedSetCommands;
import io.quarkus.redis.datasource.sortedset.ScoredValue;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;

/**
 * The outbox of order events. Placing an order first marks the customer as having pending events (a
 * new version in {@link OutboxKeys#CUSTOMERS}), then saves order and event in one script: an event
 * can never be saved without the mark, whatever crashes in between. The relay removes an event once
 * fanout-service accepted it, and the mark only if no order came in meanwhile (its version is
 * unchanged).
 */
@ApplicationScoped
public class OrderOutbox {

    private static final RedisScript FORGET =
            RedisScript.fromClasspath("lua/stores-service/outbox-forget.lua");

    private final ReactiveRedisDataSource redis;
    private final ReactiveSortedSetCommands<String, String> marks;
    private final ReactiveHashCommands<String, String, String> events;

    OrderOutbox(ReactiveRedisDataSource redis) {
        this.redis = redis;
        this.marks = redis.sortedSet(String.class);
        this.events = redis.hash(String.class);
    }

    /** Marks {@code sub} as having a pending event; call before saving the order. */
    public Uni<Void> mark(String sub) {
        return marks.zincrby(OutboxKeys.CUSTOMERS, 1, sub).replaceWithVoid();
    }

    /** Customers with pending events and their mark's version. */
    Uni<List<ScoredValue<String>>> customers(int limit) {
        return marks.zrangeWithScores(OutboxKeys.CUSTOMERS, 0, limit - 1);
    }

    /** The customer's pending events: order id to {@code POST /events} body. */
    Uni<Map<String, String>> pending(String sub) {
        return events.hgetall(OutboxKeys.pending(sub));
    }

    /** Removes an event fanout-service has accepted. */
    Uni<Void> published(String sub, String orderId) {
        return events.hdel(OutboxKeys.pending(sub), orderId).replaceWithVoid();
    }

    /** Drops the customer's mark if it is still at {@code version} (no order came in since). */
    Uni<Void> forget(String sub, double version) {
        return FORGET.run(
                        redis,
                        List.of(OutboxKeys.CUSTOMERS),
                        List.of(sub, Long.toString((long) version)))
                .replaceWithVoid();
    }
}
