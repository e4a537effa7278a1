package dev.gatehouse.index.notifications.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gatehouse.auth.api.AwsIamRequired;
import dev.gatehouse.auth.api.InvalidRequestException;
import dev.gatehouse.index.notifications.Notification;
import dev.gatehouse.index.notifications.NotificationInbox;
import io.quarkus.logging.Log;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.time.Instant;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * {@code POST /notifications}: the webhook fanout-service delivers push and SMS notifications to
 * (an event as JSON). Security: AWS_IAM, so only a principal whose policy allows it (by default
 * fanout-service) can post. 204 whether new or a retry of one already kept.
 */
@Path("/notifications")
@AwsIamRequired
public class NotificationsResource {

    private final NotificationInbox inbox;
    private final ObjectMapper json;

    NotificationsResource(NotificationInbox inbox, ObjectMapper json) {
        this.inbox = inbox;
        this.json = json;
    }

    @POST
    public Response receive(
            byte[] body,
            @RestQuery String channel,
            @RestHeader("Idempotency-Key") String idempotencyKey) {
        JsonNode event = read(body);
        String eventId = text(event, "eventId");
        String type = text(event, "type");
        JsonNode detail = event.path("detail");
        String summary = detail.path("orderId").asText(detail.path("id").asText(""));
        boolean added =
                inbox.add(
                        idempotencyKey,
                        new Notification(
                                channel == null || channel.isBlank() ? "webhook" : channel,
                                eventId,
                                type,
                                summary,
                                Instant.now()));
        Log.debugf("notification %s for event %s (%s)", added ? "kept" : "repeated", eventId, type);
        return Response.noContent().build();
    }

    private JsonNode read(byte[] body) {
        try {
            JsonNode event = body == null || body.length == 0 ? null : json.readTree(body);
            if (event == null || !event.isObject()) {
                throw new InvalidRequestException("Request body must be a JSON object");
            }
            return event;
        } catch (IOException e) {
            throw new InvalidRequestException("Request body is not valid JSON");
        }
    }

    private static String text(JsonNode event, String field) {
        JsonNode value = event.get(field);
        if (value == null || !value.isTextual() || value.textValue().isBlank()) {
            throw new InvalidRequestException(field + " is required");
        }
        return value.textValue();
    }
}
