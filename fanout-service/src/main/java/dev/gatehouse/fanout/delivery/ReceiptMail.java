package dev.gatehouse.fanout.delivery;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The text of an order receipt, from what the event's {@code detail} holds: order id, items (name,
 * quantity, price), total and currency. Missing parts are left out, never guessed.
 */
final class ReceiptMail {

    private ReceiptMail() {}

    static String text(JsonNode event) {
        JsonNode detail = event.path("detail");
        StringBuilder text = new StringBuilder();
        String name = first(detail.path("customer"), "name", "username");
        text.append(name.isBlank() ? "Hello," : "Hello " + name + ",").append("\n\n");
        text.append("thank you for your order");
        String orderId = first(detail, "orderId", "id");
        if (!orderId.isEmpty()) {
            text.append(' ').append(orderId);
        }
        text.append(".\n");
        JsonNode items = detail.path("items");
        if (items.isArray() && !items.isEmpty()) {
            text.append('\n');
            for (JsonNode item : items) {
                text.append("  ")
                        .append(item.path("quantity").asInt(1))
                        .append(" x ")
                        .append(first(item, "name", "sku", "id"));
                String price = first(item, "price", "unitPrice");
                if (!price.isEmpty()) {
                    text.append("  ").append(price);
                }
                text.append('\n');
            }
        }
        String total = first(detail, "total", "amount");
        if (!total.isEmpty()) {
            text.append("\nTotal: ")
                    .append(total)
                    .append(' ')
                    .append(detail.path("currency").asText(""))
                    .append('\n');
        }
        text.append("\nReference: ").append(event.path("eventId").asText()).append('\n');
        return text.toString();
    }

    private static String first(JsonNode node, String... fields) {
        for (String field : fields) {
            JsonNode value = node.get(field);
            if (value != null && value.isValueNode() && !value.asText().isBlank()) {
                return value.asText();
            }
        }
        return "";
    }
}
