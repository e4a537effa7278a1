package dev.gatehouse.fanout.events;

/**
 * The answer to a publish.
 *
 * @param eventId the event's id: a new one, or the first one published with the same key
 * @param created false when an idempotency key matched and nothing was enqueued
 */
public record Published(String eventId, boolean created) {}
