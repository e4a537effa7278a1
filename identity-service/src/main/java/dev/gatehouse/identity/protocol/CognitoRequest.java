package dev.gatehouse.identity.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The JSON body of one Cognito call, read the way the service model reads it: members by their
 * PascalCase names, a missing required member reported with the model's validation message, a
 * member of the wrong JSON type as a {@code SerializationException}.
 */
public final class CognitoRequest {

    private final ObjectNode body;

    public CognitoRequest(ObjectNode body) {
        this.body = body;
    }

    /**
     * A required string member; its camelCase name appears in the validation message. Every
     * required string of the operations served has a minimum length of 1 (or a {@code +} pattern),
     * so an empty one is refused the same way.
     */
    public String required(String member) {
        String value =
                optional(member).orElseThrow(() -> CognitoErrors.missingMember(camel(member)));
        if (value.isEmpty()) {
            throw CognitoErrors.invalidParameter(
                    "1 validation error detected: Value '' at '"
                            + camel(member)
                            + "' failed to satisfy constraint: Member must have length greater"
                            + " than or equal to 1");
        }
        return value;
    }

    public Optional<String> optional(String member) {
        JsonNode value = body.get(member);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isTextual()) {
            throw CognitoErrors.serialization(
                    "Unexpected value type in payload for member " + member);
        }
        return Optional.of(value.textValue());
    }

    /** An integer member, if present. */
    public Optional<Integer> integer(String member) {
        JsonNode value = body.get(member);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            throw CognitoErrors.serialization(
                    "Unexpected value type in payload for member " + member);
        }
        return Optional.of(value.intValue());
    }

    public boolean flag(String member) {
        JsonNode value = body.get(member);
        if (value == null || value.isNull()) {
            return false;
        }
        if (!value.isBoolean()) {
            throw CognitoErrors.serialization(
                    "Unexpected value type in payload for member " + member);
        }
        return value.booleanValue();
    }

    /** A string-to-string map member such as {@code AuthParameters}; empty when absent. */
    public Map<String, String> map(String member) {
        JsonNode value = body.get(member);
        Map<String, String> map = new LinkedHashMap<>();
        if (value == null || value.isNull()) {
            return map;
        }
        if (!value.isObject()) {
            throw CognitoErrors.serialization(
                    "Unexpected value type in payload for member " + member);
        }
        for (Map.Entry<String, JsonNode> entry : value.properties()) {
            if (!entry.getValue().isTextual()) {
                throw CognitoErrors.serialization(
                        "Unexpected value type in payload for member " + member);
            }
            map.put(entry.getKey(), entry.getValue().textValue());
        }
        return map;
    }

    /** A list of {@code AttributeType} ({@code {"Name","Value"}}) as an ordered map. */
    public Map<String, String> attributes(String member) {
        JsonNode value = body.get(member);
        Map<String, String> attributes = new LinkedHashMap<>();
        if (value == null || value.isNull()) {
            return attributes;
        }
        if (!value.isArray()) {
            throw CognitoErrors.serialization(
                    "Unexpected value type in payload for member " + member);
        }
        for (JsonNode attribute : value) {
            JsonNode name = attribute.get("Name");
            JsonNode text = attribute.get("Value");
            if (name == null || !name.isTextual() || (text != null && !text.isTextual())) {
                throw CognitoErrors.serialization(
                        "Unexpected value type in payload for member " + member);
            }
            attributes.put(name.textValue(), text == null ? "" : text.textValue());
        }
        return attributes;
    }

    private static String camel(String member) {
        return Character.toLowerCase(member.charAt(0)) + member.substring(1);
    }
}
