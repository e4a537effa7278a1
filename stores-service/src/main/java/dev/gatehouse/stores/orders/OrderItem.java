package dev.gatehouse.stores.orders;

/** One line of an order: what, and how many. */
public record OrderItem(String name, int quantity) {}
