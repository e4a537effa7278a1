package dev.gatehouse.fanout.events.rest;

import dev.gatehouse.auth.api.AwsIamRequired;
import dev.gatehouse.auth.api.GatewayResponseType;
import dev.gatehouse.auth.api.GatewayResponses;
import dev.gatehouse.auth.api.RequestIdentity;
import dev.gatehouse.fanout.events.EventLog;
import dev.gatehouse.fanout.events.EventParser;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * {@code POST /events} (202 once the event and its deliveries are in Redis) and {@code GET
 * /events/{id}}. Security: AWS_IAM.
 */
@Path("/events")
@AwsIamRequired
@Produces(MediaType.APPLICATION_JSON)
public class EventsResource {

    private static final Pattern EVENT_ID =
            Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private final EventParser parser;
    private final EventLog events;

    EventsResource(EventParser parser, EventLog events) {
        this.parser = parser;
        this.events = events;
    }

    @POST
    public Uni<Response> publish(byte[] body, @Context ContainerRequestContext request) {
        if (body != null && body.length > EventSizeLimit.MAX_EVENT_BYTES) {
            return Uni.createFrom().item(EventSizeLimit.tooLarge());
        }
        String caller = RequestIdentity.of(request).map(RequestIdentity::userArn).orElse(null);
        return events.publish(parser.parse(body), caller)
                .map(
                        published ->
                                Response.accepted(Map.of("eventId", published.eventId()))
                                        .type(MediaType.APPLICATION_JSON_TYPE)
                                        .build())
                .onFailure()
                .recoverWithItem(EventsResource::unavailable);
    }

    @GET
    @Path("/{id}")
    public Uni<Response> get(@PathParam("id") String id) {
        if (!EVENT_ID.matcher(id).matches()) {
            return Uni.createFrom().item(notFound());
        }
        return events.find(id)
                .map(
                        found ->
                                found.map(event -> Response.ok(event.document()).build())
                                        .orElseGet(EventsResource::notFound))
                .onFailure()
                .recoverWithItem(EventsResource::unavailable);
    }

    /** Redis failed: nothing was published; the caller may retry (with its idempotency key). */
    private static Response unavailable(Throwable failure) {
        Log.warnf("events unavailable: %s", failure.toString());
        return GatewayResponses.of(GatewayResponseType.SERVICE_UNAVAILABLE);
    }

    private static Response notFound() {
        return GatewayResponses.error(404, "NotFoundException", "Event not found");
    }
}
