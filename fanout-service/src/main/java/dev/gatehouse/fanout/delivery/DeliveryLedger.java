package dev.gatehouse.fanout.delivery;

import dev.gatehouse.auth.api.RedisScript;
import dev.gatehouse.fanout.events.FanoutKeys;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.stream.ReactiveStreamCommands;
import io.quarkus.redis.datasource.stream.StreamMessage;
import io.quarkus.redis.datasource.stream.XGroupCreateArgs;
import io.quarkus.redis.datasource.stream.XReadGroupArgs;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The subscribers' delivery streams as the workers use them: read (consumer group), claim what a
 * dead instance left (XAUTOCLAIM), settle (one script acknowledges, deletes and records the
 * outcome), and move due retries back into their streams.
 */
@ApplicationScoped
public class DeliveryLedger {

    private static final RedisScript SETTLE =
            RedisScript.fromClasspath("lua/fanout-service/settle-delivery.lua");
    private static final RedisScript DUE_RETRIES =
            RedisScript.fromClasspath("lua/fanout-service/due-retries.lua");
    private static final RedisScript ENQUEUE_RETRIES =
            RedisScript.fromClasspath("lua/fanout-service/enqueue-retries.lua");
    private static final RedisScript RETIRE_CONSUMER =
            RedisScript.fromClasspath("lua/fanout-service/retire-consumer.lua");
    static final int DEAD_LETTERS_KEPT = 100_000;

    private final ReactiveRedisDataSource redis;
    private final ReactiveStreamCommands<String, String, String> streams;

    DeliveryLedger(ReactiveRedisDataSource redis) {
        this.redis = redis;
        this.streams = redis.stream(String.class, String.class, String.class);
    }

    /** Creates the group on the subscriber's stream (and the stream) unless it exists. */
    Uni<Void> ensureGroup(String subscriber) {
        return streams.xgroupCreate(
                        FanoutKeys.deliveries(subscriber),
                        FanoutKeys.GROUP,
                        "0",
                        new XGroupCreateArgs().mkstream())
                .onFailure(e -> String.valueOf(e.getMessage()).startsWith("BUSYGROUP"))
                .recoverWithNull();
    }

    /** New deliveries for this consumer, waiting up to {@code block} for the first. */
    Uni<List<Delivery>> read(String subscriber, String consumer, int count, Duration block) {
        return streams.xreadgroup(
                        FanoutKeys.GROUP,
                        consumer,
                        FanoutKeys.deliveries(subscriber),
                        ">",
                        new XReadGroupArgs().count(count).block(block))
                .map(messages -> deliveries(subscriber, messages));
    }

    /**
     * Deliveries read by any consumer and left unsettled for {@code idle}, now this consumer's.
     * Returns the cursor to continue from ("0-0" once the whole pending list was scanned).
     */
    Uni<Claimed> claimAbandoned(
            String subscriber, String consumer, Duration idle, String cursor, int count) {
        return streams.xautoclaim(
                        FanoutKeys.deliveries(subscriber),
                        FanoutKeys.GROUP,
                        consumer,
                        idle,
                        cursor,
                        count)
                .map(
                        claimed ->
                                new Claimed(
                                        claimed.getId(),
                                        deliveries(subscriber, claimed.getMessages())));
    }

    /** What one XAUTOCLAIM call took over, and where the next should start. */
    record Claimed(String cursor, List<Delivery> deliveries) {}

    Uni<Void> delivered(Delivery delivery) {
        return settle(delivery, "delivered", 0, "").replaceWithVoid();
    }

    Uni<Void> retry(Delivery delivery, long delayMillis, String error) {
        return settle(delivery, "retry", delayMillis, error).replaceWithVoid();
    }

    /** Returns the dead letter's id. */
    Uni<String> deadLetter(Delivery delivery, String error) {
        return settle(delivery, "dead", 0, error).map(Object::toString);
    }

    /**
     * Moves up to {@code limit} due retries into their streams; returns how many, and how long
     * until the next one waiting is due (Redis's clock).
     */
    Uni<MovedRetries> moveDueRetries(int limit) {
        return DUE_RETRIES
                .run(redis, List.of(FanoutKeys.RETRIES), List.of(Integer.toString(limit)))
                .flatMap(
                        due -> {
                            long wait = due.get(0).toLong();
                            if (due.size() == 1) {
                                return Uni.createFrom().item(new MovedRetries(0, wait));
                            }
                            List<String> keys = new ArrayList<>();
                            List<String> members = new ArrayList<>();
                            keys.add(FanoutKeys.RETRIES);
                            for (int i = 1; i < due.size(); i++) {
                                String member = due.get(i).toString();
                                RetryMember retry = RetryMember.parse(member);
                                keys.add(FanoutKeys.event(retry.eventId()));
                                keys.add(FanoutKeys.deliveries(retry.subscriber()));
                                members.add(member);
                            }
                            return ENQUEUE_RETRIES
                                    .run(redis, keys, members)
                                    .map(moved -> new MovedRetries(moved.toInteger(), wait));
                        });
    }

    /** A due-retries member as settle-delivery.lua writes it: subscriber|event id|attempt. */
    record RetryMember(String subscriber, String eventId) {
        static RetryMember parse(String member) {
            int first = member.indexOf('|');
            int last = member.lastIndexOf('|');
            return new RetryMember(member.substring(0, first), member.substring(first + 1, last));
        }
    }

    /**
     * Removes a stopped {@code consumer} from the subscriber's group unless it holds deliveries.
     */
    Uni<Void> retireConsumer(String subscriber, String consumer) {
        return RETIRE_CONSUMER
                .run(
                        redis,
                        List.of(FanoutKeys.deliveries(subscriber)),
                        List.of(FanoutKeys.GROUP, consumer))
                .replaceWithVoid();
    }

    /** What one move of due retries did; {@code nextDueMillis} is -1 when no retry waits. */
    record MovedRetries(int moved, long nextDueMillis) {}

    private Uni<io.vertx.mutiny.redis.client.Response> settle(
            Delivery delivery, String outcome, long delayMillis, String error) {
        return SETTLE.run(
                redis,
                List.of(
                        FanoutKeys.deliveries(delivery.subscriber()),
                        FanoutKeys.event(delivery.eventId()),
                        FanoutKeys.RETRIES,
                        FanoutKeys.DEAD_LETTERS),
                List.of(
                        delivery.entryId(),
                        FanoutKeys.GROUP,
                        delivery.subscriber(),
                        delivery.eventId(),
                        Integer.toString(delivery.attempt()),
                        outcome,
                        Long.toString(delayMillis),
                        error,
                        Integer.toString(DEAD_LETTERS_KEPT)));
    }

    private static List<Delivery> deliveries(
            String subscriber, List<StreamMessage<String, String, String>> messages) {
        List<Delivery> deliveries = new ArrayList<>(messages.size());
        for (StreamMessage<String, String, String> message : messages) {
            // A malformed entry still becomes a delivery: it fails, and is dead-lettered, instead
            // of staying pending forever.
            Map<String, String> fields = message.payload() == null ? Map.of() : message.payload();
            deliveries.add(
                    new Delivery(
                            message.id(),
                            subscriber,
                            fields.getOrDefault("id", ""),
                            attempt(fields.get("attempt")),
                            fields.getOrDefault("event", "")));
        }
        return deliveries;
    }

    private static int attempt(String value) {
        try {
            return value == null ? 1 : Math.max(1, Integer.parseInt(value));
        } catch (NumberFormatException e) {
            return 1;
        }
    }
}
