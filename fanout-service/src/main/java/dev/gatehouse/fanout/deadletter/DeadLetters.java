package dev.gatehouse.fanout.deadletter;

import dev.gatehouse.auth.api.RedisScript;
import dev.gatehouse.fanout.events.FanoutKeys;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.stream.ReactiveStreamCommands;
import io.quarkus.redis.datasource.stream.StreamRange;
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

    private static final Replay NOT_FOUND = new Replay(Outcome.NOT_FOUND, null, null);

    private final ReactiveRedisDataSource redis;
    private final ReactiveStreamCommands<String, String, String> streams;

    DeadLetters(ReactiveRedisDataSource redis) {
        this.redis = redis;
        this.streams = redis.stream(String.class, String.class, String.class);
    }

    /** Re-enqueues dead letter {@code id} (a stream entry id such as {@code 1732406400000-0}). */
    public Uni<Replay> replay(String id) {
        return streams.xrange(FanoutKeys.DEAD_LETTERS, StreamRange.of(id, id))
                .flatMap(
                        entries -> {
                            if (entries.isEmpty()) {
                                return Uni.createFrom().item(NOT_FOUND);
                            }
                            String eventId = entries.get(0).payload().get("id");
                            String subscriber = entries.get(0).payload().get("subscriber");
                            return REPLAY.run(
                                            redis,
                                            List.of(
                                                    FanoutKeys.DEAD_LETTERS,
                                                    FanoutKeys.event(eventId),
                                                    FanoutKeys.deliveries(subscriber)),
                                            List.of(id, eventId, subscriber))
                                    .map(
                                            r ->
                                                    switch (r.get(0).toInteger()) {
                                                        case 1 ->
                                                                new Replay(
                                                                        Outcome.REPLAYED,
                                                                        eventId,
                                                                        subscriber);
                                                        case -1 ->
                                                                new Replay(
                                                                        Outcome.EVENT_EXPIRED,
                                                                        eventId,
                                                                        subscriber);
                                                        default -> NOT_FOUND;
                                                    });
                        });
    }
}
