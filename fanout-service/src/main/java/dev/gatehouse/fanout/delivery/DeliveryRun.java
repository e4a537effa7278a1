package dev.gatehouse.fanout.delivery;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * What one delivery run did: the consumer it read as, the outcomes it recorded, whether it ended
 * because nothing was left ({@code drained}) rather than at its budget, and how long it took.
 */
@RegisterForReflection
public record DeliveryRun(
        String consumer,
        long delivered,
        long retried,
        long deadLettered,
        boolean drained,
        long durationMillis) {

    static DeliveryRun of(DeliveryWorker worker, boolean drained, long startedNanos) {
        DeliveryCounts counts = worker.outcomes();
        return new DeliveryRun(
                worker.consumer(),
                counts.delivered(),
                counts.retried(),
                counts.deadLettered(),
                drained,
                (System.nanoTime() - startedNanos) / 1_000_000);
    }
}
