package dev.gatehouse.fanout.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * An event as {@code GET /events/{id}} shows it: the published document plus {@code deliveries},
 * each subscriber's state ({@code pending}, {@code delivered}, {@code retrying}, {@code
 * dead-lettered}) with its attempts and times (ISO-8601).
 */
public final class StoredEvent {

    private static final Set<String> TIMES =
            Set.of("deliveredAt", "nextAttemptAt", "deadLetteredAt", "replayedAt");

    private final ObjectNode document;

    private StoredEvent(ObjectNode document) {
        this.document = document;
    }

    /** Null when the hash is empty (unknown or expired event). */
    static StoredEvent from(Map<String, String> fields, ObjectMapper json) {
        String event = fields.get("event");
        if (event == null) {
            return null;
        }
        try {
            ObjectNode document = (ObjectNode) json.readTree(event);
            ObjectNode deliveries = document.putObject("deliveries");
            new TreeMap<>(fields)
                    .forEach(
                            (field, state) -> {
                                if (field.startsWith("d:")) {
                                    deliveries.set(field.substring(2), state(state, json));
                                }
                            });
            return new StoredEvent(document);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored event is not JSON", e);
        }
    }

    public ObjectNode document() {
        return document;
    }

    private static JsonNode state(String stored, ObjectMapper json) {
        ObjectNode state;
        try {
            state = (ObjectNode) json.readTree(stored);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored delivery state is not JSON", e);
        }
        for (String time : TIMES) {
            JsonNode millis = state.get(time);
            if (millis != null && millis.isNumber()) {
                state.put(time, Instant.ofEpochMilli(millis.asLong()).toString());
            }
        }
        return state;
    }
}
