package dev.gatehouse.fanout.delivery;

import dev.gatehouse.fanout.config.FanoutConfig.Subscription;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import java.util.concurrent.atomic.LongAdder;

/**
 * One subscriber's delivery attempts, for its {@link SubscriberPump}: deliver, then settle the
 * outcome (delivered, retry after a backoff, or dead-letter after the last attempt or a permanent
 * failure) and count it.
 */
final class DeliveryAttempts {

    private final String subscriber;
    private final Subscription subscription;
    private final Channel channel;
    private final DeliveryLedger ledger;
    private final LongAdder delivered = new LongAdder();
    private final LongAdder retried = new LongAdder();
    private final LongAdder deadLettered = new LongAdder();

    DeliveryAttempts(
            String subscriber, Subscription subscription, Channel channel, DeliveryLedger ledger) {
        this.subscriber = subscriber;
        this.subscription = subscription;
        this.channel = channel;
        this.ledger = ledger;
    }

    /** Outcomes recorded so far, added to {@code counts}. */
    void addOutcomesTo(DeliveryCounts counts) {
        counts.add(delivered.sum(), retried.sum(), deadLettered.sum());
    }

    /**
     * Delivers within the subscription's timeout and records the outcome; completes (never fails)
     * once the outcome is recorded, or once recording it failed, leaving it for a later claim.
     */
    Uni<Void> attempt(Delivery delivery) {
        return Uni.createFrom()
                .deferred(() -> channel.deliver(delivery))
                .ifNoItem()
                .after(subscription.timeout())
                .failWith(
                        () ->
                                DeliveryFailure.retryable(
                                        "timed out after "
                                                + subscription.timeout().toMillis()
                                                + " ms"))
                .onItem()
                .transformToUni(
                        ignored ->
                                ledger.delivered(delivery)
                                        .invoke(delivered::increment)
                                        .onFailure()
                                        .transform(SettleFailure::new))
                .onFailure(e -> !(e instanceof SettleFailure))
                .recoverWithUni(failure -> failed(delivery, DeliveryFailure.of(failure)))
                .onFailure()
                .invoke(
                        e ->
                                Log.warnf(
                                        "%s: outcome of event %s not recorded (it will be claimed"
                                                + " again): %s",
                                        subscriber, delivery.eventId(), e.toString()))
                .onFailure()
                .recoverWithNull();
    }

    private Uni<Void> failed(Delivery delivery, DeliveryFailure failure) {
        if (failure.permanent() || delivery.attempt() >= subscription.maxAttempts()) {
            return ledger.deadLetter(delivery, failure.getMessage())
                    .invoke(
                            id ->
                                    Log.warnf(
                                            "%s: event %s dead-lettered as %s after %d attempts:"
                                                    + " %s",
                                            subscriber,
                                            delivery.eventId(),
                                            id,
                                            delivery.attempt(),
                                            failure.getMessage()))
                    .invoke(deadLettered::increment)
                    .replaceWithVoid()
                    .onFailure()
                    .transform(SettleFailure::new);
        }
        long delay = Backoff.delayMillis(subscription, delivery.attempt());
        Log.debugf(
                "%s: event %s attempt %d failed (%s); retry in %d ms",
                subscriber, delivery.eventId(), delivery.attempt(), failure.getMessage(), delay);
        return ledger.retry(delivery, delay, failure.getMessage())
                .invoke(retried::increment)
                .onFailure()
                .transform(SettleFailure::new);
    }

    /** Recording an outcome failed (Redis): the delivery is left for a later claim. */
    private static final class SettleFailure extends RuntimeException {
        SettleFailure(Throwable cause) {
            super(cause.toString(), cause, false, false);
        }
    }
}
