package dev.gatehouse.fanout.deadletter.rest;

import dev.gatehouse.auth.api.AwsIamRequired;
import dev.gatehouse.auth.api.GatewayResponseType;
import dev.gatehouse.auth.api.GatewayResponses;
import dev.gatehouse.fanout.deadletter.DeadLetters;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * {@code POST /dead-letters/{id}/replay}: 202 once the delivery is back in its subscriber's stream.
 * Security: AWS_IAM (by default only the admin policy allows it).
 */
@Path("/dead-letters")
@AwsIamRequired
@Produces(MediaType.APPLICATION_JSON)
public class DeadLettersResource {

    private static final Pattern STREAM_ID = Pattern.compile("\\d{1,20}-\\d{1,20}");

    private final DeadLetters deadLetters;

    DeadLettersResource(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    @POST
    @Path("/{id}/replay")
    public Uni<Response> replay(@PathParam("id") String id) {
        if (!STREAM_ID.matcher(id).matches()) {
            return Uni.createFrom().item(notFound("Dead letter not found"));
        }
        return deadLetters
                .replay(id)
                .map(
                        replay ->
                                switch (replay.outcome()) {
                                    case REPLAYED ->
                                            Response.accepted(
                                                            Map.of(
                                                                    "eventId",
                                                                    replay.eventId(),
                                                                    "subscriber",
                                                                    replay.subscriber(),
                                                                    "state",
                                                                    "pending"))
                                                    .type(MediaType.APPLICATION_JSON_TYPE)
                                                    .build();
                                    case EVENT_EXPIRED ->
                                            notFound("The dead letter's event has expired");
                                    case NOT_FOUND -> notFound("Dead letter not found");
                                })
                .onFailure()
                .recoverWithItem(
                        failure -> {
                            Log.warnf("dead letters unavailable: %s", failure.toString());
                            return GatewayResponses.of(GatewayResponseType.SERVICE_UNAVAILABLE);
                        });
    }

    private static Response notFound(String message) {
        return GatewayResponses.error(404, "NotFoundException", message);
    }
}
