package dev.gatehouse.stores.orders;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * A placed order, as stored in Redis and returned to its customer.
 *
 * @param orderId a UUID minted when the order is placed
 * @param storeName the store's name when the order was placed (a receipt keeps it)
 * @param customer who placed it, from the caller's ID token
 * @param note the customer's free text, if any
 */
public record Order(
        String orderId,
        String storeId,
        String storeName,
        List<OrderItem> items,
        @JsonInclude(JsonInclude.Include.NON_NULL) String note,
        OrderStatus status,
        Instant placedAt,
        Customer customer) {

    /** The customer as the token names them: {@code sub}, username and email. */
    public record Customer(
            String sub, String username, @JsonInclude(JsonInclude.Include.NON_NULL) String email) {}
}
