package dev.gatehouse.fanout.delivery;

import java.util.concurrent.TimeoutException;

/**
 * A failed attempt. Its message is kept as the delivery's {@code lastError}, so it says what went
 * wrong at the subscriber and never carries a secret. Permanent failures are dead-lettered at once.
 */
public class DeliveryFailure extends RuntimeException {

    private static final int MAX_MESSAGE = 300;

    private final boolean permanent;

    DeliveryFailure(String message, boolean permanent) {
        super(truncate(message), null, false, false);
        this.permanent = permanent;
    }

    static DeliveryFailure retryable(String message) {
        return new DeliveryFailure(message, false);
    }

    static DeliveryFailure permanent(String message) {
        return new DeliveryFailure(message, true);
    }

    /** Any failure of an attempt, as a delivery failure (unknown ones are worth a retry). */
    static DeliveryFailure of(Throwable failure) {
        if (failure instanceof DeliveryFailure known) {
            return known;
        }
        if (failure instanceof TimeoutException) {
            return retryable("timed out");
        }
        String message = failure.getMessage();
        return retryable(
                failure.getClass().getSimpleName() + (message == null ? "" : ": " + message));
    }

    public boolean permanent() {
        return permanent;
    }

    private static String truncate(String message) {
        String line = message == null ? "failed" : message.replaceAll("[\\r\\n]+", " ");
        return line.length() <= MAX_MESSAGE ? line : line.substring(0, MAX_MESSAGE) + "...";
    }
}
