package dev.gatehouse.stores.events;

/**
 * Redis keys of the outbox. A customer's pending events live in their orders' slot ({@code
 * {orders:<sub>}}), written by the same script as the order; the index of customers with pending
 * events has its own slot. Both work unchanged on Redis Cluster.
 */
public final class OutboxKeys {

    /** Sorted set: customers ({@code sub}) with pending events, scored by a version. */
    static final String CUSTOMERS = "{outbox}:customers";

    private OutboxKeys() {}

    /** Hash: order id to the {@code POST /events} body still to publish, for one customer. */
    public static String pending(String sub) {
        return "{orders:" + sub + "}:outbox";
    }
}
