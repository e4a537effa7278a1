package dev.gatehouse.stores.search;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gatehouse.auth.api.InvalidRequestException;
import dev.gatehouse.stores.catalog.SearchText;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.util.Iterator;
import java.util.Set;

/**
 * Turns a request body into {@link SearchCriteria}, or fails with a message that names the field.
 * Parsing by hand, rather than binding, is what lets every wrong type and range be reported as the
 * client wrote it ({@code near.lat must be a number between -90 and 90}).
 */
@ApplicationScoped
public class SearchRequestParser {

    private static final Set<String> FIELDS =
            Set.of("query", "category", "near", "radiusKm", "limit");
    private static final Set<String> NEAR_FIELDS = Set.of("lat", "lon");
    private static final int MAX_CATEGORY_LENGTH = 64;

    private final ObjectMapper json;

    SearchRequestParser(ObjectMapper json) {
        this.json =
                json.copy()
                        .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }

    public SearchCriteria parse(byte[] body) {
        JsonNode root = readTree(body);
        if (!root.isObject()) {
            throw invalid("Request body must be a JSON object");
        }
        rejectUnknown(root, FIELDS, "");
        String query = text(root, "query", SearchCriteria.MAX_QUERY_LENGTH);
        String category = text(root, "category", MAX_CATEGORY_LENGTH);
        SearchCriteria.Near near = near(root.get("near"));
        Double radiusKm = radius(root.get("radiusKm"), near != null);
        Integer limit = limit(root.get("limit"));
        if (query == null && category == null && near == null) {
            throw invalid("At least one of query, category, near is required");
        }
        if (query != null) {
            int words = SearchText.words(query).size();
            if (words == 0) {
                throw invalid("query must contain at least one letter or digit");
            }
            if (words > SearchCriteria.MAX_QUERY_WORDS) {
                throw invalid(
                        "query must have at most " + SearchCriteria.MAX_QUERY_WORDS + " words");
            }
        }
        return new SearchCriteria(query, category, near, radiusKm, limit);
    }

    private JsonNode readTree(byte[] body) {
        if (body == null || body.length == 0) {
            throw invalid(
                    "Request body is required: a JSON object with at least one of query, category,"
                            + " near");
        }
        try {
            JsonNode root = json.readTree(body);
            if (root == null || root.isMissingNode()) {
                throw invalid(
                        "Request body is required: a JSON object with at least one of query,"
                                + " category, near");
            }
            return root;
        } catch (JsonProcessingException e) {
            throw invalid(
                    "Request body is not valid JSON (line "
                            + e.getLocation().getLineNr()
                            + ", column "
                            + e.getLocation().getColumnNr()
                            + ")");
        } catch (IOException e) {
            throw invalid("Request body is not valid JSON");
        }
    }

    private static void rejectUnknown(JsonNode object, Set<String> allowed, String prefix) {
        for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!allowed.contains(name)) {
                throw invalid(
                        "Unknown field "
                                + prefix
                                + printable(name)
                                + "; allowed: "
                                + String.join(", ", allowed.stream().sorted().toList()));
            }
        }
    }

    private static String text(JsonNode root, String field, int maxLength) {
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            throw invalid(field + " must be a string");
        }
        String value = node.textValue().strip();
        if (value.isEmpty()) {
            throw invalid(field + " must not be empty");
        }
        if (value.length() > maxLength) {
            throw invalid(field + " must be at most " + maxLength + " characters");
        }
        return value;
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

    /** A field name safe to echo: printable ASCII, at most 40 characters. */
    private static String printable(String name) {
        String cleaned = name.replaceAll("[^\\x20-\\x7e]", "?");
        return "'" + (cleaned.length() > 40 ? cleaned.substring(0, 40) + "..." : cleaned) + "'";
    }

    private static InvalidRequestException invalid(String message) {
        return new InvalidRequestException(message);
    }
}
