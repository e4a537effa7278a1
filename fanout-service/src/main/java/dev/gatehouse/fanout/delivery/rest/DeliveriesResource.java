package dev.gatehouse.fanout.delivery.rest;

import dev.gatehouse.auth.api.AwsIamRequired;
import dev.gatehouse.auth.api.GatewayResponseType;
import dev.gatehouse.auth.api.GatewayResponses;
import dev.gatehouse.fanout.delivery.DeliveryWorkers;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * {@code POST /deliveries/drain}: one delivery run, answered with what it did once it ends (200).
 * Where no worker runs on its own (Lambda, or {@code gatehouse.fanout.worker.enabled=false}) a
 * schedule calls it; the SAM template's schedule invokes the function directly, and the HTTP API
 * has no route to it. Security: AWS_IAM (by default only the admin policy allows it).
 */
@Path("/deliveries")
@AwsIamRequired
@Produces(MediaType.APPLICATION_JSON)
public class DeliveriesResource {

    private final DeliveryWorkers workers;

    DeliveriesResource(DeliveryWorkers workers) {
        this.workers = workers;
    }

    @POST
    @Path("/drain")
    public Uni<Response> drain() {
        return workers.drain()
                .map(
                        run ->
                                run.map(done -> Response.ok(done).build())
                                        .orElseGet(
                                                () ->
                                                        GatewayResponses.error(
                                                                409,
                                                                "ConflictException",
                                                                "A delivery run of this instance is"
                                                                        + " already under way")))
                .onFailure()
                .recoverWithItem(
                        failure -> {
                            Log.warnf("delivery run failed: %s", failure.toString());
                            return GatewayResponses.of(GatewayResponseType.SERVICE_UNAVAILABLE);
                        });
    }
}
