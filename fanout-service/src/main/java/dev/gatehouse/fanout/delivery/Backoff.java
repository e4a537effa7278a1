package dev.gatehouse.fanout.delivery;

import dev.gatehouse.fanout.config.FanoutConfig.Subscription;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Exponential backoff with "equal jitter": after attempt n the wait is d/2 plus a random part of
 * d/2, where d = initial-backoff * 2^(n-1), capped at max-backoff. Subscribers that failed together
 * do not all retry in the same instant.
 */
final class Backoff {

    private Backoff() {}

    static long delayMillis(Subscription subscription, int attempt) {
        long initial = subscription.initialBackoff().toMillis();
        long max = subscription.maxBackoff().toMillis();
        int doublings = Math.min(Math.max(attempt - 1, 0), 30);
        long delay = Math.min(max, initial << doublings);
        if (delay < initial) {
            delay = max;
        }
        long half = delay / 2;
        return half + ThreadLocalRandom.current().nextLong(delay - half + 1);
    }
}
