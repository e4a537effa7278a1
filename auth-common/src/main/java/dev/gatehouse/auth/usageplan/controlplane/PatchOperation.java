package dev.gatehouse.auth.usageplan.controlplane;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** One of AWS's {@code patchOperations}: {@code op}, {@code path}, {@code value}. */
public record PatchOperation(String op, String path, String value) {

    private static final Set<String> OPS =
            Set.of("add", "remove", "replace", "move", "copy", "test");

    /** Reads {@code patchOperations}; a malformed list is a {@code BadRequestException}. */
    public static List<PatchOperation> listFrom(JsonNode body) {
        JsonNode ops = body == null ? null : body.get("patchOperations");
        if (ops == null || ops.isNull()) {
            return List.of();
        }
        if (!ops.isArray()) {
            throw ControlPlaneException.badRequest("patchOperations must be a list");
        }
        List<PatchOperation> list = new ArrayList<>();
        for (JsonNode op : ops) {
            String kind = op.path("op").asText("");
            String path = op.path("path").asText("");
            if (!OPS.contains(kind)) {
                throw ControlPlaneException.badRequest(
                        "Invalid patch operation specified. Must be one of: [add, remove, move,"
                                + " test, replace, copy]");
            }
            if (!path.startsWith("/")) {
                throw ControlPlaneException.badRequest("Invalid patch path '" + path + "'");
            }
            JsonNode value = op.get("value");
            list.add(
                    new PatchOperation(
                            kind, path, value == null || value.isNull() ? null : value.asText()));
        }
        return list;
    }

    /** The value, required for this operation. */
    public String required() {
        if (value == null) {
            throw ControlPlaneException.badRequest(
                    "Invalid null value for patch operation " + op + " " + path);
        }
        return value;
    }

    public ControlPlaneException unsupported() {
        return ControlPlaneException.badRequest(
                "Invalid patch path '" + path + "' specified for op '" + op + "'");
    }
}
