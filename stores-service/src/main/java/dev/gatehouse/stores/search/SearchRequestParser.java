package dev.gatehouse.stores.search;

import static dev.gatehouse.stores.json.StrictJson.invalid;
import static dev.gatehouse.stores.json.StrictJson.rejectUnknown;
import static dev.gatehouse.stores.json.StrictJson.text;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.stores.catalog.SearchText;
import dev.gatehouse.stores.json.StrictJson;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;

/**
 * Turns a request body into {@link SearchCriteria}, or fails with a message that names the field
 * ({@code near.lat must be a number between -90 and 90}).
 */
@ApplicationScoped
public class SearchRequestParser {

    private static final Set<String> FIELDS =
            Set.of("query", "category", "near", "radiusKm", "limit");
    private static final Set<String> NEAR_FIELDS = Set.of("lat", "lon");
    private static final int MAX_CATEGORY_LENGTH = 64;

    private final StrictJson json;

    SearchRequestParser(StrictJson json) {
        this.json = json;
    }

    public SearchCriteria parse(byte[] body) {
        JsonNode root = json.object(body, "at least one of query, category, near");
        rejectUnknown(root, FIELDS, "");
        String query = text(root, "query", "query", SearchCriteria.MAX_QUERY_LENGTH);
        String category = text(root, "category", "category", MAX_CATEGORY_LENGTH);
        SearchCriteria.Near near = near(root.get("near"));
        Double radiusKm = radius(root.get("radiusKm"), near != null);
        Integer limit = limit(root.get("limit"));
        if (query == null && category == null && near == null) {
            throw invalid("At least one of query, category, near is required");
        }
        if (query != null) {
            checkWords(query);
        }
        return new SearchCriteria(query, category, near, radiusKm, limit);
    }

    /**
     * The criteria of {@code GET /stores?query=}: the same rules for the words as the body's {@code
     * query}; {@code limit} is already checked by the caller.
     */
    public SearchCriteria byQuery(String query, int limit) {
        if (query.isBlank()) {
            throw invalid("query must not be empty");
        }
        if (query.length() > SearchCriteria.MAX_QUERY_LENGTH) {
            throw invalid(
                    "query must be at most " + SearchCriteria.MAX_QUERY_LENGTH + " characters");
        }
        checkWords(query);
        return new SearchCriteria(query, null, null, null, limit);
    }

    private static void checkWords(String query) {
        int words = SearchText.words(query).size();
        if (words == 0) {
            throw invalid("query must contain at least one letter or digit");
        }
        if (words > SearchCriteria.MAX_QUERY_WORDS) {
            throw invalid("query must have at most " + SearchCriteria.MAX_QUERY_WORDS + " words");
        }
    }

    private static SearchCriteria.Near near(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isObject()) {
            throw invalid("near must be an object with lat and lon");
        }
        rejectUnknown(node, NEAR_FIELDS, "near.");
        double lat = coordinate(node, "lat", 90);
        double lon = coordinate(node, "lon", 180);
        return new SearchCriteria.Near(lat, lon);
    }

    private static double coordinate(JsonNode near, String field, double bound) {
        JsonNode node = near.get(field);
        String name = "near." + field;
        if (node == null || node.isNull()) {
            throw invalid(name + " is required");
        }
        if (!node.isNumber()) {
            throw invalid(
                    name + " must be a number between " + (int) -bound + " and " + (int) bound);
        }
        double value = node.doubleValue();
        if (!(value >= -bound && value <= bound)) {
            throw invalid(name + " must be between " + (int) -bound + " and " + (int) bound);
        }
        return value;
    }

    private static Double radius(JsonNode node, boolean hasNear) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isNumber()) {
            throw invalid("radiusKm must be a number greater than 0 and at most 100");
        }
        double value = node.doubleValue();
        if (!(value > 0 && value <= SearchCriteria.MAX_RADIUS_KM)) {
            throw invalid("radiusKm must be greater than 0 and at most 100");
        }
        if (!hasNear) {
            throw invalid("radiusKm requires near");
        }
        return value;
    }

    private static Integer limit(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isIntegralNumber() || !node.canConvertToInt()) {
            throw invalid("limit must be an integer between 1 and " + SearchCriteria.MAX_LIMIT);
        }
        int value = node.intValue();
        if (value < 1 || value > SearchCriteria.MAX_LIMIT) {
            throw invalid("limit must be between 1 and " + SearchCriteria.MAX_LIMIT);
        }
        return value;
    }
}
