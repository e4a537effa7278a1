package dev.gatehouse.stores.orders;

/** Where an order stands. Only placement exists today; the store's side comes later. */
public enum OrderStatus {
    PLACED
}
