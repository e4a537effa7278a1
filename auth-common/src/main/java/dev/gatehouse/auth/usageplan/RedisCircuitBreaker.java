package dev.gatehouse.auth.usageplan;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Stops calling Redis after {@code threshold} consecutive failures, for {@code openFor}; then lets
 * one request probe it. A dead Redis therefore costs requests nothing while the circuit is open,
 * and the suite recovers by itself when Redis returns.
 */
final class RedisCircuitBreaker {

    private final int threshold;
    private final long openForNanos;
    private final LongSupplier nanoTime;
    private final AtomicInteger consecutiveFailures = new AtomicInteger();
    private final AtomicLong openUntil = new AtomicLong(Long.MIN_VALUE);

    RedisCircuitBreaker(int threshold, Duration openFor, LongSupplier nanoTime) {
        this.threshold = Math.max(1, threshold);
        this.openForNanos = openFor.toNanos();
        this.nanoTime = nanoTime;
    }

    /** Whether a call may go to Redis now. At most one caller gets through per probe window. */
    boolean allowsCall() {
        long until = openUntil.get();
        if (until == Long.MIN_VALUE) {
            return true;
        }
        long now = nanoTime.getAsLong();
        // After the open period, the first caller moves the window forward and probes alone.
        return now - until >= 0 && openUntil.compareAndSet(until, now + openForNanos);
    }

    void onSuccess() {
        consecutiveFailures.set(0);
        openUntil.set(Long.MIN_VALUE);
    }

    void onFailure() {
        if (consecutiveFailures.incrementAndGet() >= threshold) {
            openUntil.set(nanoTime.getAsLong() + openForNanos);
        }
    }

    boolean isOpen() {
        return openUntil.get() != Long.MIN_VALUE;
    }
}
