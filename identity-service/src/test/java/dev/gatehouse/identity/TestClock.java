package dev.gatehouse.identity;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The test bean that replaces the application's system clock: the real time, moved forward by
 * whatever a test asks for (and put back when it is done), so rules that span days can be tested;
 * or stopped, so that a rule about seconds does not depend on how fast the machine runs the test.
 */
@Singleton
public class TestClock extends Clock {

    private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);
    private final AtomicReference<Instant> frozen = new AtomicReference<>();

    /** Moves the clock {@code by} further ahead. */
    public void advance(Duration by) {
        offset.accumulateAndGet(by, Duration::plus);
    }

    /** Back to the real time. */
    public void reset() {
        offset.set(Duration.ZERO);
        frozen.set(null);
    }

    /** Stops the clock where it is: only {@link #advance} moves it until {@link #reset}. */
    public void freeze() {
        frozen.set(instant());
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.offset(Clock.system(zone), offset.get());
    }

    @Override
    public Instant instant() {
        Instant stopped = frozen.get();
        return (stopped != null ? stopped : Instant.now()).plus(offset.get());
    }
}
