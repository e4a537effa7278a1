package dev.gatehouse.stores.events;

import io.quarkus.logging.Log;
import io.quarkus.redis.datasource.sortedset.ScoredValue;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Publishes the outbox's events to fanout-service: at once after an order is placed, and on every
 * sweep ({@code relay-interval}) for whatever is still pending, e.g. while fanout-service was down.
 * An event leaves the outbox only after fanout-service's 202; a retry after a lost answer is
 * harmless (the order id is the idempotency key).
 */
@ApplicationScoped
public class OutboxRelay {

    private static final int CUSTOMERS_PER_SWEEP = 100;

    private final OrderOutbox outbox;
    private final FanoutPublisher fanout;
    private final EventsConfig config;
    private final Vertx vertx;
    private final AtomicBoolean sweeping = new AtomicBoolean();
    private volatile boolean warned;
    private long timer = -1;

    OutboxRelay(OrderOutbox outbox, FanoutPublisher fanout, EventsConfig config, Vertx vertx) {
        this.outbox = outbox;
        this.fanout = fanout;
        this.config = config;
        this.vertx = vertx;
    }

    void onStart(@Observes StartupEvent event) {
        if (config.enabled() && config.relay()) {
            timer = vertx.setPeriodic(config.relayInterval().toMillis(), id -> sweep());
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
    }

    /** Publishes {@code sub}'s pending events now (after an order), without waiting for them. */
    public void nudge(String sub) {
        if (config.relay()) {
            publishPending(sub).subscribe().with(ignored -> {}, this::failed);
        }
    }

    /** One pass over every customer with pending events. */
    Uni<Void> sweepOnce() {
        return outbox.customers(CUSTOMERS_PER_SWEEP)
                .onItem()
                .transformToMulti(marks -> Multi.createFrom().iterable(marks))
                .onItem()
                .transformToUniAndConcatenate(this::relay)
                .collect()
                .last()
                .replaceWithVoid();
    }

    private void sweep() {
        if (!sweeping.compareAndSet(false, true)) {
            return;
        }
        sweepOnce()
                .onTermination()
                .invoke(() -> sweeping.set(false))
                .subscribe()
                .with(ignored -> {}, this::failed);
    }

    /** Publishes the customer's events; drops the mark once none is left. */
    private Uni<Void> relay(ScoredValue<String> mark) {
        String sub = mark.value();
        return publishPending(sub)
                .chain(
                        remaining ->
                                remaining == 0
                                        ? outbox.forget(sub, mark.score())
                                        : Uni.createFrom().voidItem())
                .onFailure()
                .invoke(this::failed)
                .onFailure()
                .recoverWithNull();
    }

    /** Publishes each pending event in turn; returns how many are left (0 when all went). */
    private Uni<Integer> publishPending(String sub) {
        return outbox.pending(sub)
                .chain(
                        pending ->
                                Multi.createFrom()
                                        .iterable(pending.entrySet())
                                        .onItem()
                                        .transformToUniAndConcatenate(event -> publish(sub, event))
                                        .collect()
                                        .asList()
                                        .map(
                                                published ->
                                                        (int)
                                                                published.stream()
                                                                        .filter(ok -> !ok)
                                                                        .count()));
    }

    private Uni<Boolean> publish(String sub, Map.Entry<String, String> event) {
        return fanout.publish(event.getValue())
                .chain(() -> outbox.published(sub, event.getKey()))
                .invoke(
                        () -> {
                            if (warned) {
                                warned = false;
                                Log.info("fanout-service accepts events again");
                            }
                        })
                .replaceWith(true)
                .onFailure()
                .recoverWithItem(
                        failure -> {
                            failed(failure);
                            return false;
                        });
    }

    private void failed(Throwable failure) {
        if (!warned) {
            warned = true;
            Log.warnf(
                    "order events wait in the outbox: cannot publish to fanout-service (%s);"
                            + " retrying every %s",
                    failure.toString(), config.relayInterval());
        } else {
            Log.debugf("outbox relay: %s", failure.toString());
        }
    }
}
