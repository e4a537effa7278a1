package dev.gatehouse.testing;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Waits for a condition, not for the clock: a test that needs something to have happened polls for
 * it (every 20 ms) and goes on the moment it holds. The deadline only turns a condition that never
 * holds into a failure naming it; it is generous (30 s by default) because it bounds a failure, not
 * the behaviour under test, so a slow machine never fails a correct build.
 */
public final class Await {

    /** How long a condition may take before the test fails, unless a test says otherwise. */
    public static final Duration DEFAULT = Duration.ofSeconds(30);

    private Await() {}

    /** Returns once {@code condition} holds; fails with {@code what} if it never does. */
    public static void until(String what, BooleanSupplier condition) {
        until(what, DEFAULT, condition);
    }

    /** As {@link #until(String, BooleanSupplier)}, with its own deadline. */
    public static void until(String what, Duration within, BooleanSupplier condition) {
        value(what, within, () -> condition.getAsBoolean(), held -> held);
    }

    /** The first value of {@code read} that satisfies {@code condition}. */
    public static <T> T value(String what, Supplier<T> read, Predicate<T> condition) {
        return value(what, DEFAULT, read, condition);
    }

    /** As {@link #value(String, Supplier, Predicate)}, with its own deadline. */
    public static <T> T value(
            String what, Duration within, Supplier<T> read, Predicate<T> condition) {
        long deadline = System.nanoTime() + within.toNanos();
        while (true) {
            T value = read.get();
            if (condition.test(value)) {
                return value;
            }
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError(
                        "never " + what + " (waited " + within.toSeconds() + " s); last: " + value);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting until " + what, e);
            }
        }
    }
}
