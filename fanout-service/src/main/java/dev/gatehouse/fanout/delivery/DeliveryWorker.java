package dev.gatehouse.fanout.delivery;

import dev.gatehouse.fanout.config.FanoutConfig;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import java.time.Duration;
import java.util.List;

/**
 * One consumer in the delivery streams' consumer group (one per instance): a pump per subscriber,
 * and a timer that moves due retries into their streams and claims deliveries abandoned by dead
 * instances.
 */
public final class DeliveryWorker {

    private static final int RETRIES_PER_MOVE = 500;
    private static final Duration SETTLE_POLL = Duration.ofMillis(20);

    private final String consumer;
    private final List<SubscriberPump> pumps;
    private final DeliveryLedger ledger;
    private final Vertx vertx;
    private final FanoutConfig.Worker settings;
    private final int claimEvery;
    private long timer = -1;
    private long ticks;
    private volatile boolean moving;
    private volatile long lastMove = System.nanoTime();
    private volatile long lastMoveChecked = lastMove;
    private volatile long nextRetryDue = Long.MAX_VALUE;

    DeliveryWorker(
            String consumer,
            List<SubscriberPump> pumps,
            DeliveryLedger ledger,
            Vertx vertx,
            FanoutConfig.Worker settings) {
        this.consumer = consumer;
        this.pumps = pumps;
        this.ledger = ledger;
        this.vertx = vertx;
        this.settings = settings;
        long poll = Math.max(1, settings.pollInterval().toMillis());
        this.claimEvery = (int) Math.max(1, settings.visibilityTimeout().toMillis() / 4 / poll);
    }

    /** The consumer name this worker reads under. */
    public String consumer() {
        return consumer;
    }

    synchronized void start() {
        pumps.forEach(SubscriberPump::start);
        timer = vertx.setPeriodic(Math.max(1, settings.pollInterval().toMillis()), id -> tick());
        Log.infof("delivery worker %s started (%d subscribers)", consumer, pumps.size());
    }

    /**
     * Stops reading and waits up to {@code grace} for deliveries under way to settle; anything
     * still unsettled is left to be claimed by another instance.
     */
    public void stop(Duration grace) {
        stopGracefully(grace).await().indefinitely();
    }

    /** {@link #stop} without blocking: completes once settled or {@code grace} has passed. */
    Uni<Void> stopGracefully(Duration grace) {
        synchronized (this) {
            cancelTimer();
            pumps.forEach(SubscriberPump::stop);
        }
        long deadline = System.nanoTime() + grace.toNanos();
        return Multi.createFrom()
                .ticks()
                .every(SETTLE_POLL)
                .select()
                .where(
                        tick ->
                                pumps.stream().allMatch(SubscriberPump::settled)
                                        || System.nanoTime() - deadline > 0)
                .toUni()
                .onTermination()
                .invoke(this::halt)
                .replaceWithVoid();
    }

    /** Claims abandoned deliveries now rather than at the next claim tick. */
    void claimNow() {
        pumps.forEach(SubscriberPump::claimAbandoned);
    }

    /**
     * Nothing left to do before {@code untilNanos} since {@code sinceNanos}: every stream read
     * empty after the last delivery, claim and move of due retries, and no retry is due before.
     */
    boolean idleSince(long sinceNanos, long untilNanos) {
        long since = lastMove - sinceNanos > 0 ? lastMove : sinceNanos;
        long due = nextRetryDue;
        return lastMoveChecked - sinceNanos > 0
                && (due == Long.MAX_VALUE || due - untilNanos > 0)
                && pumps.stream().allMatch(p -> p.idleSince(since));
    }

    /** Outcomes recorded by this worker so far. */
    DeliveryCounts outcomes() {
        DeliveryCounts counts = new DeliveryCounts();
        pumps.forEach(p -> p.addOutcomesTo(counts));
        return counts;
    }

    /** Stops at once, dropping deliveries under way unsettled, as a crashed instance would. */
    synchronized void halt() {
        cancelTimer();
        pumps.forEach(SubscriberPump::halt);
    }

    private void cancelTimer() {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
            timer = -1;
        }
    }

    private void tick() {
        if (++ticks % claimEvery == 0) {
            pumps.forEach(SubscriberPump::claimAbandoned);
        }
        if (moving) {
            return;
        }
        moving = true;
        long started = System.nanoTime();
        ledger.moveDueRetries(RETRIES_PER_MOVE)
                .onTermination()
                .invoke(() -> moving = false)
                .subscribe()
                .with(
                        retries -> {
                            long now = System.nanoTime();
                            if (retries.moved() > 0) {
                                lastMove = now;
                            }
                            nextRetryDue =
                                    retries.nextDueMillis() < 0
                                            ? Long.MAX_VALUE
                                            : now + retries.nextDueMillis() * 1_000_000;
                            lastMoveChecked = started;
                        },
                        failure -> Log.warnf("cannot move due retries: %s", failure.toString()));
    }

    static Uni<Void> ensureGroups(DeliveryLedger ledger, List<String> subscribers) {
        return Uni.join()
                .all(subscribers.stream().map(ledger::ensureGroup).toList())
                .andFailFast()
                .replaceWithVoid();
    }
}
