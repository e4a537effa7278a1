package dev.gatehouse.auth.usageplan.controlplane;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;

/**
 * AWS's {@code position} / {@code limit} paging over a list sorted by id: a page of at most {@code
 * limit} items (default 25, at most 500) under {@code item}, and the opaque {@code position} of the
 * next page when there is one.
 */
final class Paging {

    static final int DEFAULT = 25;
    static final int MAX = 500;

    private Paging() {}

    static int limit(String limit) {
        if (limit == null || limit.isBlank()) {
            return DEFAULT;
        }
        try {
            int n = Integer.parseInt(limit.strip());
            if (n < 1 || n > MAX) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw ControlPlaneException.badRequest(
                    "Invalid limit specified: must be between 1 and " + MAX);
        }
    }

    static <T> ObjectNode page(
            ObjectMapper json,
            List<T> sorted,
            Function<T, String> id,
            String position,
            int limit,
            Function<T, ObjectNode> view) {
        String after = null;
        if (position != null && !position.isEmpty()) {
            try {
                after = new String(Base64.getUrlDecoder().decode(position), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw ControlPlaneException.badRequest("Invalid position specified");
            }
        }
        ObjectNode page = json.createObjectNode();
        ArrayNode items = json.createArrayNode();
        String last = null;
        boolean more = false;
        for (T item : sorted) {
            String itemId = id.apply(item);
            if (after != null && itemId.compareTo(after) <= 0) {
                continue;
            }
            if (items.size() == limit) {
                more = true;
                break;
            }
            items.add(view.apply(item));
            last = itemId;
        }
        if (more) {
            page.put(
                    "position",
                    Base64.getUrlEncoder()
                            .withoutPadding()
                            .encodeToString(last.getBytes(StandardCharsets.UTF_8)));
        }
        page.set("item", items);
        return page;
    }
}
