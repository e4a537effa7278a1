package dev.gatehouse.auth.usageplan.admin;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.auth.usageplan.controlplane.ControlPlaneException;
import dev.gatehouse.auth.usageplan.controlplane.ControlPlaneStore;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.redis.client.Response;
import java.time.Instant;

/**
 * The audit stream of control-plane writes, newest first: {@code {"item":[{"id","time","caller",
 * "action","target","version"}]}} (a Gatehouse extension; AWS keeps this in CloudTrail).
 */
final class AuditLog {

    private final ControlPlaneStore store;
    private final ObjectMapper json;

    AuditLog(ControlPlaneStore store, ObjectMapper json) {
        this.store = store;
        this.json = json;
    }

    Uni<ObjectNode> newest(String limit) {
        int count = 25;
        if (limit != null) {
            try {
                count = Integer.parseInt(limit);
            } catch (NumberFormatException e) {
                count = -1;
            }
            if (count < 1 || count > 500) {
                throw ControlPlaneException.badRequest(
                        "Invalid limit specified: must be between 1 and 500");
            }
        }
        return store.audit(count).map(this::view);
    }

    private ObjectNode view(Response entries) {
        ObjectNode page = json.createObjectNode();
        ArrayNode items = page.putArray("item");
        if (entries == null) {
            return page;
        }
        for (Response entry : entries) {
            String id = entry.get(0).toString();
            ObjectNode item = items.addObject();
            item.put("id", id);
            long millis = Long.parseLong(id.substring(0, id.indexOf('-')));
            item.put("time", Instant.ofEpochMilli(millis).toString());
            Response fields = entry.get(1);
            for (int i = 0; i + 1 < fields.size(); i += 2) {
                item.put(fields.get(i).toString(), fields.get(i + 1).toString());
            }
        }
        return page;
    }
}
