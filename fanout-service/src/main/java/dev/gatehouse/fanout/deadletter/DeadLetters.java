package dev.gatehouse.fanout.deadletter;

import dev.gatehouse.auth.api.RedisScript;
import dev.gatehouse.fanout.events.FanoutKeys;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** The dead-letter stream: a dead-lettered delivery can be replayed once, as a fresh delivery. */
@ApplicationScoped
public class DeadLetters {

    private static final RedisScript REPLAY =
            RedisScript.fromClasspath("lua/fanout-service/replay-dead-letter.lua");

    /** What a replay did. */
    public enum Outcome {
        REPLAYED,
        NOT_FOUND,
        EVENT_EXPIRED
    }

    /** A replay's outcome, with the delivery it concerned (null when not found). */
    public record Replay(Outcome outcome, String eventId, String subscriber) {}

    private final ReactiveRedisDataSource redis;

    DeadLetters(ReactiveRedisDataSource redis) {
        this.redis = redis;
    }

    /** Re-enqueues dead letter {@code id} (a stream entry id such as {@code 1732406400000-0}). */
    public Uni<Replay> replay(String id) {
        return REPLAY.run(redis, List.of(FanoutKeys.DEAD_LETTERS), List.of(id, FanoutKeys.PREFIX))
                .map(
                        r ->
                                switch (r.get(0).toInteger()) {
                                    case 1 ->
                                            new Replay(
                                                    Outcome.REPLAYED,
                                                    r.get(1).toString(),
                                                    r.get(2).toString());
                                    case -1 ->
                                            new Replay(
                                                    Outcome.EVENT_EXPIRED,
                                                    r.get(1).toString(),
                                                    r.get(2).toString());
                                    default -> new Replay(Outcome.NOT_FOUND, null, null);
                                });
    }
}
