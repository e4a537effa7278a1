package dev.gatehouse.fanout.delivery;

/**
 * One event on its way to one subscriber, as read from the subscriber's stream.
 *
 * @param entryId the stream entry (acknowledged once settled)
 * @param attempt 1 for the first attempt
 * @param event the event document (JSON), delivered as is
 */
public record Delivery(
        String entryId, String subscriber, String eventId, int attempt, String event) {

    /** The idempotency key receivers deduplicate on: the same for every attempt. */
    public String idempotencyKey() {
        return eventId + ":" + subscriber;
    }
}
