package dev.gatehouse.stores.orders;

import static dev.gatehouse.stores.json.StrictJson.invalid;
import static dev.gatehouse.stores.json.StrictJson.rejectUnknown;
import static dev.gatehouse.stores.json.StrictJson.text;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.stores.json.StrictJson;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns a {@code POST /orders} body into an {@link OrderRequest}, or fails with a message that
 * names the field ({@code items[1].quantity must be an integer between 1 and 99}).
 */
@ApplicationScoped
public class OrderRequestParser {

    private static final Set<String> FIELDS = Set.of("storeId", "items", "note");
    private static final Set<String> ITEM_FIELDS = Set.of("name", "quantity");
    private static final Pattern STORE_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private final StrictJson json;

    OrderRequestParser(StrictJson json) {
        this.json = json;
    }

    public OrderRequest parse(byte[] body) {
        JsonNode root = json.object(body, "storeId and items");
        rejectUnknown(root, FIELDS, "");
        String storeId = text(root, "storeId", "storeId", 64);
        if (storeId == null) {
            throw invalid("storeId is required");
        }
        if (!STORE_ID.matcher(storeId).matches()) {
            throw invalid("storeId must be 1 to 64 of A-Z, a-z, 0-9, _ and -");
        }
        List<OrderItem> items = items(root.get("items"));
        String note = text(root, "note", "note", OrderRequest.MAX_NOTE_LENGTH);
        return new OrderRequest(storeId, items, note);
    }

    private static List<OrderItem> items(JsonNode node) {
        if (node == null || node.isNull()) {
            throw invalid("items is required");
        }
        if (!node.isArray() || node.isEmpty() || node.size() > OrderRequest.MAX_ITEMS) {
            throw invalid("items must be an array of 1 to " + OrderRequest.MAX_ITEMS + " items");
        }
        List<OrderItem> items = new ArrayList<>(node.size());
        for (int i = 0; i < node.size(); i++) {
            items.add(item(node.get(i), "items[" + i + "]"));
        }
        return List.copyOf(items);
    }

    private static OrderItem item(JsonNode node, String path) {
        if (!node.isObject()) {
            throw invalid(path + " must be an object with name and quantity");
        }
        rejectUnknown(node, ITEM_FIELDS, path + ".");
        String name = text(node, "name", path + ".name", OrderRequest.MAX_ITEM_NAME_LENGTH);
        if (name == null) {
            throw invalid(path + ".name is required");
        }
        JsonNode quantity = node.get("quantity");
        if (quantity == null || quantity.isNull()) {
            throw invalid(path + ".quantity is required");
        }
        if (!quantity.isIntegralNumber()
                || !quantity.canConvertToInt()
                || quantity.intValue() < 1
                || quantity.intValue() > OrderRequest.MAX_QUANTITY) {
            throw invalid(
                    path
                            + ".quantity must be an integer between 1 and "
                            + OrderRequest.MAX_QUANTITY);
        }
        return new OrderItem(name, quantity.intValue());
    }
}
