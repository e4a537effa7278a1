package dev.gatehouse.fanout.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.auth.api.InvalidRequestException;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.util.Optional;

/** Reads and validates a {@code POST /events} body; every rejection names the field. */
@ApplicationScoped
public class EventParser {

    static final int MAX_TEXT = 256;

    private final ObjectMapper json;

    EventParser(ObjectMapper json) {
        this.json = json;
    }

    public NewEvent parse(byte[] body) {
        JsonNode root = read(body);
        if (!(root instanceof ObjectNode event)) {
            throw new InvalidRequestException("Request body must be a JSON object");
        }
        String type =
                text(event, "type")
                        .orElseThrow(() -> new InvalidRequestException("type is required"));
        if (type.isBlank()) {
            throw new InvalidRequestException("type must not be empty");
        }
        JsonNode detail = event.get("detail");
        if (detail == null || detail.isNull()) {
            throw new InvalidRequestException("detail is required");
        }
        if (!(detail instanceof ObjectNode object)) {
            throw new InvalidRequestException("detail must be a JSON object");
        }
        Optional<String> key = text(event, "idempotencyKey");
        if (key.isPresent() && key.get().isEmpty()) {
            throw new InvalidRequestException("idempotencyKey must not be empty");
        }
        return new NewEvent(type, text(event, "source"), object, key);
    }

    private JsonNode read(byte[] body) {
        if (body == null || body.length == 0) {
            throw new InvalidRequestException("Request body is required");
        }
        try {
            return json.readTree(body);
        } catch (JsonProcessingException e) {
            Log.debugf("unreadable event: %s", e.getOriginalMessage());
            throw new InvalidRequestException("Request body is not valid JSON");
        } catch (IOException e) {
            throw new InvalidRequestException("Request body is not valid JSON");
        }
    }

    /** An optional string member of at most {@value #MAX_TEXT} characters. */
    private static Optional<String> text(ObjectNode event, String field) {
        JsonNode value = event.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isTextual()) {
            throw new InvalidRequestException(field + " must be a string");
        }
        if (value.textValue().length() > MAX_TEXT) {
            throw new InvalidRequestException(
                    field + " must be at most " + MAX_TEXT + " characters");
        }
        return Optional.of(value.textValue());
    }
}
