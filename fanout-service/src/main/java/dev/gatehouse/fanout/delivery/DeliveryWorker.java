package dev.gatehouse.fanout.delivery;

import dev.gatehouse.fanout.config.FanoutConfig;
import io.quarkus.logging.Log;
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

    private final String consumer;
    private final List<SubscriberPump> pumps;
    private final DeliveryLedger ledger;
    private final Vertx vertx;
    private final FanoutConfig.Worker settings;
    private final int claimEvery;
    private long timer = -1;
    private long ticks;
    private volatile boolean moving;

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
        synchronized (this) {
            cancelTimer();
            pumps.forEach(SubscriberPump::stop);
        }
        long deadline = System.nanoTime() + grace.toNanos();
        while (pumps.stream().anyMatch(p -> p.inFlight() > 0) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        halt();
    }

    /** Stops at once, dropping deliveries under way unsettled, as a crashed instance would. */
    public synchronized void halt() {
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
        ledger.moveDueRetries(RETRIES_PER_MOVE)
                .onTermination()
                .invoke(() -> moving = false)
                .subscribe()
                .with(
                        moved -> {},
                        failure -> Log.warnf("cannot move due retries: %s", failure.toString()));
    }

    static Uni<Void> ensureGroups(DeliveryLedger ledger, List<String> subscribers) {
        return Uni.join()
                .all(subscribers.stream().map(ledger::ensureGroup).toList())
                .andFailFast()
                .replaceWithVoid();
    }
}
