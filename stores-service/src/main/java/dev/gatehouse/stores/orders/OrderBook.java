package dev.gatehouse.stores.orders;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gatehouse.auth.api.InvalidRequestException;
import dev.gatehouse.auth.api.RedisScript;
import dev.gatehouse.stores.catalog.StoreCatalog;
import dev.gatehouse.stores.events.EventsConfig;
import dev.gatehouse.stores.events.OrderOutbox;
import dev.gatehouse.stores.events.OutboxKeys;
import dev.gatehouse.stores.events.OutboxRelay;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.redis.client.Response;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Customers' orders in Redis: placing one is a single script (saved and indexed together, with its
 * {@code order.placed} event in the outbox), and a customer reads only their own, keyed by the
 * token's {@code sub}: another customer's order is simply not among them.
 */
@ApplicationScoped
public class OrderBook {

    private static final RedisScript PLACE =
            RedisScript.fromClasspath("lua/stores-service/place-order.lua");
    private static final RedisScript LIST =
            RedisScript.fromClasspath("lua/stores-service/customer-orders.lua");

    private static final Pattern ORDER_ID =
            Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private final ReactiveRedisDataSource redis;
    private final StoreCatalog catalog;
    private final ObjectMapper json;
    private final OrderOutbox outbox;
    private final OutboxRelay relay;
    private final EventsConfig events;
    private final Clock clock = Clock.systemUTC();

    OrderBook(
            ReactiveRedisDataSource redis,
            StoreCatalog catalog,
            ObjectMapper json,
            OrderOutbox outbox,
            OutboxRelay relay,
            EventsConfig events) {
        this.redis = redis;
        this.catalog = catalog;
        this.json = json;
        this.outbox = outbox;
        this.relay = relay;
        this.events = events;
    }

    /** Places the order; a {@code storeId} that names no store is the client's mistake (400). */
    public Uni<Order> place(Order.Customer customer, OrderRequest request) {
        return catalog.find(request.storeId())
                .chain(
                        store -> {
                            if (store.isEmpty()) {
                                return Uni.createFrom()
                                        .failure(
                                                new InvalidRequestException(
                                                        "storeId does not name a store of the"
                                                                + " catalogue"));
                            }
                            Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
                            Order order =
                                    new Order(
                                            UUID.randomUUID().toString(),
                                            request.storeId(),
                                            store.get().name(),
                                            request.items(),
                                            request.note(),
                                            OrderStatus.PLACED,
                                            now,
                                            customer);
                            return save(order);
                        });
    }

    /**
     * The customer's order {@code orderId}, empty when they have none of that id (another
     * customer's order included); an id that is not a lowercase UUID, as {@link #place} makes them,
     * is absent without asking Redis.
     */
    public Uni<Optional<Order>> find(String sub, String orderId) {
        if (orderId == null || !ORDER_ID.matcher(orderId).matches()) {
            return Uni.createFrom().item(Optional.empty());
        }
        return redis.hash(String.class)
                .hget(OrderKeys.byId(sub), orderId)
                .map(text -> Optional.ofNullable(text).map(this::read));
    }

    /** The customer's most recent orders, newest first. */
    public Uni<List<Order>> ofCustomer(String sub, int limit) {
        return LIST.run(
                        redis,
                        List.of(OrderKeys.byId(sub), OrderKeys.placed(sub)),
                        List.of(Integer.toString(limit)))
                .map(this::orders);
    }

    /**
     * Saves the order and, when events are on, its event in the outbox, in one script; the customer
     * is marked in the outbox first, so a saved event is always found by the relay.
     */
    private Uni<Order> save(Order order) {
        String sub = order.customer().sub();
        List<String> keys = new ArrayList<>(List.of(OrderKeys.byId(sub), OrderKeys.placed(sub)));
        List<String> args =
                new ArrayList<>(
                        List.of(
                                order.orderId(),
                                write(order),
                                Long.toString(order.placedAt().toEpochMilli())));
        Uni<Void> marked = Uni.createFrom().voidItem();
        if (events.enabled()) {
            keys.add(OutboxKeys.pending(sub));
            args.add(OrderPlacedEvent.of(order, json));
            marked = outbox.mark(sub);
        }
        return marked.chain(() -> PLACE.run(redis, keys, args))
                .map(
                        saved -> {
                            if (saved.toInteger() != 1) {
                                throw new IllegalStateException(
                                        "order id " + order.orderId() + " already taken");
                            }
                            if (events.enabled()) {
                                relay.nudge(sub);
                            }
                            return order;
                        });
    }

    private List<Order> orders(Response response) {
        List<Order> orders = new ArrayList<>(response.size());
        for (Response item : response) {
            if (item != null) {
                orders.add(read(item.toString()));
            }
        }
        return orders;
    }

    private String write(Order order) {
        try {
            return json.writeValueAsString(order);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Order read(String text) {
        try {
            return json.readValue(text, Order.class);
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable order in Redis", e);
        }
    }
}
