package dev.gatehouse.index.stores;

import java.util.List;

/** The body of stores-service's {@code POST /orders}: a store and the lines ordered. */
public record OrderRequest(String storeId, List<Item> items) {

    /** One line: what, and how many. */
    public record Item(String name, int quantity) {}
}
