package dev.gatehouse.auth.usageplan;

import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The test bean that replaces production's unshifted {@link RedisTimeShift} in this module's tests:
 * Redis's time, moved ahead by whatever a test asks for (and put back when it is done), so that
 * quota periods and bucket refills can be tested at their boundaries without waiting for them.
 */
@Singleton
public class ShiftedRedisTime implements RedisTimeShift {

    private final AtomicReference<Duration> shift = new AtomicReference<>(Duration.ZERO);

    /** From now on the script decides {@code by} ahead of Redis's time. */
    public void shiftTo(Duration by) {
        shift.set(by);
    }

    /** Back to Redis's time. */
    public void reset() {
        shift.set(Duration.ZERO);
    }

    @Override
    public Duration shift() {
        return shift.get();
    }
}
