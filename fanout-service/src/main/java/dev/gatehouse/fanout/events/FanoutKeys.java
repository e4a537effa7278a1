package dev.gatehouse.fanout.events;

import dev.gatehouse.auth.api.Sha256;

/**
 * fanout-service's Redis keys. They all share the hash tag {@code {fanout}}: the publish, settle,
 * retry and replay scripts each touch several of them at once, which Redis Cluster allows only
 * within one slot.
 */
public final class FanoutKeys {

    /** The shared prefix, hash tag included; scripts are given every key, never this prefix. */
    public static final String PREFIX = "{fanout}:";

    /** Sorted set of due retries: {@code subscriber|eventId|attempt} scored by due time (ms). */
    public static final String RETRIES = PREFIX + "retries";

    /** Stream of deliveries that used up their attempts. */
    public static final String DEAD_LETTERS = PREFIX + "dead-letters";

    /** The consumer group every instance joins on every subscriber's stream. */
    public static final String GROUP = "fanout";

    private FanoutKeys() {}

    /** Hash: {@code event} (the JSON) and {@code d:<subscriber>} (each delivery's state). */
    public static String event(String eventId) {
        return PREFIX + "event:" + eventId;
    }

    /** Stream of one subscriber's pending deliveries, read by the consumer group. */
    public static String deliveries(String subscriber) {
        return PREFIX + "deliveries:" + subscriber;
    }

    /**
     * String holding the event id first published with an idempotency key by a caller. Keys are the
     * caller's own: two publishers never collide. Hashed, so any key length fits.
     */
    public static String idempotency(String caller, String idempotencyKey) {
        return PREFIX + "idem:" + Sha256.hex(caller + "\n" + idempotencyKey);
    }
}
