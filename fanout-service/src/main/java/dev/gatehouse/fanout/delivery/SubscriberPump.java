package dev.gatehouse.fanout.delivery;

import dev.gatehouse.fanout.config.FanoutConfig;
import dev.gatehouse.fanout.config.FanoutConfig.Subscription;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.Cancellable;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * One instance's deliveries to one subscriber: reads its stream while fewer than {@code
 * max-in-flight} are under way, delivers each on its own (a slow or failing subscriber holds only
 * its own slots, never another subscriber's), and settles each outcome. A delivery whose outcome
 * cannot be recorded stays pending and is claimed again after the visibility timeout.
 *
 * <p>The pump's life is a {@link State}; within {@link State#RUNNING} it holds at most one stream
 * read ({@code reading}) and one claim ({@code claiming}) awaiting Redis, and {@code inFlight}
 * deliveries (read or claimed, not yet settled), never more than the subscription's {@code
 * max-in-flight}. All of it is guarded by {@code this}. Each transition is a test of {@code
 * SubscriberPumpTest}:
 *
 * <pre>
 *   NEW ──start──▶ RUNNING ──stop──▶ DRAINING ──(inFlight = 0, no read or claim awaiting Redis:
 *    │               │                  │          {@link #settled()})
 *    │               │                  │
 *    └──halt──▶ HALTED ◀──halt──────────┘        start on anything but NEW: IllegalStateException
 *
 *   within RUNNING:
 *     idle ──room &gt; 0──▶ reading ──batch of n──▶ inFlight += n, read again if room
 *                           └──failure──▶ wait READ_RETRY, read again
 *     each settled delivery: inFlight -= 1, read again if not reading (RUNNING only)
 *     claimAbandoned, room &gt; 0, not claiming ──▶ claiming ──n claimed──▶ inFlight += n
 *   within DRAINING: no read or claim begins; deliveries under way (and what a read already
 *     awaiting Redis returns) are delivered and settled
 *   HALTED (terminal): everything under way is cancelled and left unsettled in Redis, as a crash
 *     would leave it (another consumer claims it); an outcome arriving late changes nothing
 * </pre>
 *
 * Hand-written rather than Mutiny's {@code Multi} with a merge of {@code max-in-flight}: a merge
 * would express the read-deliver-settle loop, but not a second source (claims of abandoned
 * deliveries) sharing the same in-flight budget, nor the difference between draining and halting,
 * without a custom subscriber holding the same counters; an explicit {@link State} keeps those
 * rules in one place, testable without timing. No benchmark has compared the two yet
 * (docs/benchmarks.md measures this pump only: 2,986 events/s delivered, p99 13.8 ms at 500
 * events/s).
 */
final class SubscriberPump {

    /** Where a pump is in its life (the class comment draws the transitions). */
    enum State {
        /** Built, not started: reads nothing. */
        NEW,
        /** Reads its stream and claims abandoned deliveries while there is room. */
        RUNNING,
        /** Stopped: begins no read or claim; deliveries under way still settle. */
        DRAINING,
        /** Dropped everything under way unsettled, as a crash would; terminal. */
        HALTED
    }

    private static final Duration READ_RETRY = Duration.ofSeconds(1);

    private final String subscriber;
    private final Subscription subscription;
    private final DeliveryLedger ledger;
    private final String consumer;
    private final FanoutConfig.Worker worker;
    private final Set<Work> active = ConcurrentHashMap.newKeySet();
    private final DeliveryAttempts attempts;

    private State state = State.NEW;
    private boolean reading;
    private boolean claiming;
    private int inFlight;
    private String claimCursor = "0-0";
    private long lastWork = System.nanoTime();
    private long lastEmptyRead;

    SubscriberPump(
            String subscriber,
            Subscription subscription,
            Channel channel,
            DeliveryLedger ledger,
            String consumer,
            FanoutConfig.Worker worker) {
        this.subscriber = subscriber;
        this.subscription = subscription;
        this.ledger = ledger;
        this.consumer = consumer;
        this.worker = worker;
        this.attempts = new DeliveryAttempts(subscriber, subscription, channel, ledger);
    }

    /** Starts reading; a pump starts once (a stopped or halted one is replaced, not restarted). */
    void start() {
        synchronized (this) {
            if (state != State.NEW) {
                throw new IllegalStateException(subscriber + ": cannot start a pump " + state);
            }
            state = State.RUNNING;
        }
        pump();
    }

    /** Stops reading; deliveries under way finish and settle. */
    synchronized void stop() {
        if (state == State.RUNNING || state == State.NEW) {
            state = State.DRAINING;
        }
    }

    synchronized State state() {
        return state;
    }

    /** Deliveries under way. */
    synchronized int inFlight() {
        return inFlight;
    }

    /** Nothing under way: no delivery, no stream read and no claim awaiting Redis's answer. */
    synchronized boolean settled() {
        return inFlight == 0 && !reading && !claiming;
    }

    /**
     * Nothing under way, and a read that began after {@code sinceNanos} and after the last work
     * found the stream empty.
     */
    synchronized boolean idleSince(long sinceNanos) {
        return inFlight == 0
                && !claiming
                && lastEmptyRead - lastWork > 0
                && lastEmptyRead - sinceNanos > 0;
    }

    /** Outcomes recorded since this pump started, added to {@code counts}. */
    void addOutcomesTo(DeliveryCounts counts) {
        attempts.addOutcomesTo(counts);
    }

    /** Drops everything under way unsettled, as a crash would. */
    void halt() {
        synchronized (this) {
            state = State.HALTED;
            inFlight = 0;
            reading = false;
            claiming = false;
        }
        active.forEach(
                work -> {
                    if (work.cancellable != null) {
                        work.cancellable.cancel();
                    }
                });
        active.clear();
    }

    /** Takes over deliveries an instance read and never settled (it is presumed dead). */
    void claimAbandoned() {
        int room;
        String cursor;
        synchronized (this) {
            room = subscription.maxInFlight() - inFlight;
            if (state != State.RUNNING || claiming || room <= 0) {
                return;
            }
            claiming = true;
            cursor = claimCursor;
        }
        track(
                ledger.claimAbandoned(
                        subscriber, consumer, worker.visibilityTimeout(), cursor, room),
                claimed -> {
                    synchronized (this) {
                        if (state == State.HALTED) {
                            return;
                        }
                        claiming = false;
                        inFlight += claimed.deliveries().size();
                        claimCursor = claimed.cursor();
                        if (!claimed.deliveries().isEmpty()) {
                            lastWork = System.nanoTime();
                        }
                    }
                    if (!claimed.deliveries().isEmpty()) {
                        Log.infof(
                                "%s: claimed %d abandoned deliveries",
                                subscriber, claimed.deliveries().size());
                    }
                    dispatch(claimed.deliveries());
                },
                failure -> {
                    synchronized (this) {
                        claiming = false;
                    }
                    Log.warnf("%s: cannot claim abandoned deliveries: %s", subscriber, failure);
                });
    }

    private void pump() {
        int room;
        synchronized (this) {
            room = subscription.maxInFlight() - inFlight;
            if (state != State.RUNNING || reading || room <= 0) {
                return;
            }
            reading = true;
        }
        long readStarted = System.nanoTime();
        track(
                ledger.read(subscriber, consumer, room, worker.readBlock()),
                batch -> {
                    synchronized (this) {
                        if (state == State.HALTED) {
                            return;
                        }
                        reading = false;
                        inFlight += batch.size();
                        if (batch.isEmpty()) {
                            lastEmptyRead = readStarted;
                        } else {
                            lastWork = System.nanoTime();
                        }
                    }
                    dispatch(batch);
                    pump();
                },
                failure -> {
                    Log.warnf("%s: cannot read deliveries: %s", subscriber, failure.toString());
                    track(
                            Uni.createFrom().voidItem().onItem().delayIt().by(READ_RETRY),
                            ignored -> {
                                synchronized (this) {
                                    reading = false;
                                }
                                pump();
                            },
                            ignored -> {});
                });
    }

    /** Delivers each of {@code batch}, already counted in flight when it was read or claimed. */
    private void dispatch(List<Delivery> batch) {
        for (Delivery delivery : batch) {
            track(attempts.attempt(delivery), ignored -> done(), ignored -> done());
        }
    }

    private void done() {
        synchronized (this) {
            if (state == State.HALTED) {
                return;
            }
            inFlight--;
            lastWork = System.nanoTime();
        }
        pump();
    }

    /** Runs {@code work}, remembered until it ends so that {@link #halt} can drop it. */
    private <T> void track(Uni<T> work, Consumer<T> onItem, Consumer<Throwable> onFailure) {
        Work handle = new Work();
        handle.cancellable =
                work.onTermination()
                        .invoke(
                                () -> {
                                    handle.finished = true;
                                    active.remove(handle);
                                })
                        .subscribe()
                        .with(onItem, onFailure);
        active.add(handle);
        if (handle.finished) {
            active.remove(handle);
        }
    }

    private static final class Work {
        volatile Cancellable cancellable;
        volatile boolean finished;
    }
}
