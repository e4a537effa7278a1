package dev.gatehouse.stores.orders;

/**
 * Redis key names of a customer's orders. Both keys of a customer share the hash tag {@code
 * {orders:<sub>}}, so that the scripts touching them run on one Redis Cluster slot.
 */
final class OrderKeys {

    private OrderKeys() {}

    /** Hash: order id to order JSON, for one customer (the token's {@code sub}). */
    static String byId(String sub) {
        return "{orders:" + sub + "}:by-id";
    }

    /** Sorted set: the customer's order ids scored by placement time (epoch milliseconds). */
    static String placed(String sub) {
        return "{orders:" + sub + "}:placed";
    }
}
