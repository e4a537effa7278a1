package dev.gatehouse.stores.json;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gatehouse.auth.api.InvalidRequestException;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.util.Iterator;
import java.util.Set;

/**
 * Request bodies read by hand rather than bound, so that every wrong type and range is reported as
 * the client wrote it ({@code items[2].quantity must be ...}): duplicate keys and trailing tokens
 * are refused, unknown fields are named, and every failure is a 400 {@link
 * InvalidRequestException}, including a body past one of Jackson's stream limits ({@link
 * JsonLimits}).
 */
@ApplicationScoped
public class StrictJson {

    private final ObjectMapper json;

    StrictJson(ObjectMapper json) {
        this.json =
                json.copy()
                        .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }

    /** The body as a JSON object; {@code expected} says what it should hold when it is absent. */
    public JsonNode object(byte[] body, String expected) {
        String required = "Request body is required: a JSON object with " + expected;
        if (body == null || body.length == 0) {
            throw invalid(required);
        }
        JsonNode root;
        try {
            root = json.readTree(body);
        } catch (JsonProcessingException e) {
            throw invalid(
                    JsonLimits.cause(e)
                            .map(JsonLimits::exceeded)
                            .orElseGet(() -> notValid(e.getLocation())));
        } catch (IOException e) {
            throw invalid("Request body is not valid JSON");
        }
        if (root == null || root.isMissingNode()) {
            throw invalid(required);
        }
        if (!root.isObject()) {
            throw invalid("Request body must be a JSON object");
        }
        return root;
    }

    /** Refuses any field of {@code object} outside {@code allowed}, naming it. */
    public static void rejectUnknown(JsonNode object, Set<String> allowed, String prefix) {
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

    /**
     * The stripped string {@code object.field}, or null when absent; {@code name} is how messages
     * call it.
     */
    public static String text(JsonNode object, String field, String name, int maxLength) {
        JsonNode node = object.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            throw invalid(name + " must be a string");
        }
        String value = node.textValue().strip();
        if (value.isEmpty()) {
            throw invalid(name + " must not be empty");
        }
        if (value.length() > maxLength) {
            throw invalid(name + " must be at most " + maxLength + " characters");
        }
        return value;
    }

    /** Where the body stopped being JSON, when Jackson knows. */
    private static String notValid(JsonLocation at) {
        if (at == null || at.getLineNr() < 1) {
            return "Request body is not valid JSON";
        }
        return "Request body is not valid JSON (line "
                + at.getLineNr()
                + ", column "
                + at.getColumnNr()
                + ")";
    }

    public static InvalidRequestException invalid(String message) {
        return new InvalidRequestException(message);
    }

    /** A field name safe to echo: printable ASCII, at most 40 characters. */
    private static String printable(String name) {
        String cleaned = name.replaceAll("[^\\x20-\\x7e]", "?");
        return "'" + (cleaned.length() > 40 ? cleaned.substring(0, 40) + "..." : cleaned) + "'";
    }
}
