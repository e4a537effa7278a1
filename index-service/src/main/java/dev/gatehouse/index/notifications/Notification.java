package dev.gatehouse.index.notifications;

import java.time.Instant;

/**
 * A notification fanout-service delivered to this service's webhook.
 *
 * @param channel the webhook's {@code channel} query parameter ({@code push}, {@code sms}, ...)
 * @param eventId the event it announces
 * @param type the event's type, e.g. {@code order.placed}
 * @param summary a short line from the event's detail (the order id when there is one)
 */
public record Notification(
        String channel, String eventId, String type, String summary, Instant receivedAt) {}
