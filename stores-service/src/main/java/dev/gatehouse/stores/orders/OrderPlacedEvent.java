package dev.gatehouse.stores.orders;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The {@code POST /events} body announcing a placed order: type {@code order.placed}, the order as
 * the customer sees it in {@code detail} (with the customer's email for the receipt), and the order
 * id as idempotency key, so a publication retried after a lost answer is accepted once.
 */
public final class OrderPlacedEvent {

    public static final String TYPE = "order.placed";

    private OrderPlacedEvent() {}

    public static String of(Order order, ObjectMapper json) {
        ObjectNode event = json.createObjectNode();
        event.put("type", TYPE);
        event.put("source", "stores-service");
        event.put("idempotencyKey", order.orderId());
        event.set("detail", json.valueToTree(order));
        try {
            return json.writeValueAsString(event);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
