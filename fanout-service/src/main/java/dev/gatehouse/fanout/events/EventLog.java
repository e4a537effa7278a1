package dev.gatehouse.fanout.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.auth.api.RedisScript;
import dev.gatehouse.fanout.config.FanoutConfig;
import dev.gatehouse.fanout.subscription.Subscriptions;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The events in Redis: publishing stores an event and enqueues one delivery per subscriber in one
 * script, before the publisher gets its answer; reading returns the event with its delivery states.
 */
@ApplicationScoped
public class EventLog {

    private static final RedisScript PUBLISH =
            RedisScript.fromClasspath("lua/fanout-service/publish-event.lua");

    private final ReactiveRedisDataSource redis;
    private final Subscriptions subscriptions;
    private final FanoutConfig config;
    private final ObjectMapper json;
    private final Clock clock = Clock.systemUTC();

    EventLog(
            ReactiveRedisDataSource redis,
            Subscriptions subscriptions,
            FanoutConfig config,
            ObjectMapper json) {
        this.redis = redis;
        this.subscriptions = subscriptions;
        this.config = config;
        this.json = json;
    }

    /**
     * Publishes {@code event} for {@code caller} (an IAM principal ARN; the default source is its
     * name).
     */
    public Uni<Published> publish(NewEvent event, String caller) {
        String id = UUID.randomUUID().toString();
        List<String> subscribers = subscriptions.namesFor(event.type());
        List<String> keys = new ArrayList<>(2 + subscribers.size());
        keys.add(FanoutKeys.event(id));
        keys.add(
                event.idempotencyKey()
                        .map(key -> FanoutKeys.idempotency(caller, key))
                        .orElse(FanoutKeys.PREFIX + "idem"));
        subscribers.forEach(name -> keys.add(FanoutKeys.deliveries(name)));
        List<String> args = new ArrayList<>(5 + subscribers.size());
        args.add(id);
        args.add(document(id, event, caller));
        args.add(Long.toString(config.idempotencyWindow().toSeconds()));
        args.add(Long.toString(config.retention().toSeconds()));
        args.add(event.idempotencyKey().isPresent() ? "1" : "0");
        args.addAll(subscribers);
        return PUBLISH.run(redis, keys, args)
                .map(r -> new Published(r.get(1).toString(), r.get(0).toInteger() == 1));
    }

    /** The stored event and its deliveries' states, if the event exists (and has not expired). */
    public Uni<Optional<StoredEvent>> find(String eventId) {
        return redis.hash(String.class)
                .hgetall(FanoutKeys.event(eventId))
                .map(fields -> Optional.ofNullable(StoredEvent.from(fields, json)));
    }

    private String document(String id, NewEvent event, String caller) {
        ObjectNode document = json.createObjectNode();
        document.put("eventId", id);
        document.put("type", event.type());
        document.put("source", event.source().orElseGet(() -> principalName(caller)));
        document.put("time", clock.instant().toString());
        document.set("detail", event.detail());
        try {
            return json.writeValueAsString(document);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code arn:aws:iam::123:role/stores-service} -> {@code stores-service}. */
    static String principalName(String arn) {
        return arn == null ? "unknown" : arn.substring(arn.lastIndexOf('/') + 1);
    }
}
