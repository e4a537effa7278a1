package dev.gatehouse.identity.protocol.rest;

import dev.gatehouse.identity.protocol.CognitoDispatcher;
import dev.gatehouse.identity.protocol.CognitoReply;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * {@code POST /}: the whole user pool API, AWS JSON 1.1. The work runs on a worker thread (SRP
 * exponentiation and RS256 signing are CPU-bound, stores use Redis's blocking API there); this is
 * the one place that says so.
 */
@Path("/")
public class CognitoApiResource {

    static final String AMZ_JSON = "application/x-amz-json-1.1";

    private final CognitoDispatcher dispatcher;

    CognitoApiResource(CognitoDispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    public Uni<Response> call(
            @HeaderParam("X-Amz-Target") String target, byte[] body, HttpServerRequest http) {
        return Uni.createFrom()
                .item(() -> render(dispatcher.dispatch(target, body, http)))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    private static Response render(CognitoReply reply) {
        Response.ResponseBuilder response =
                Response.status(reply.status()).type(AMZ_JSON).entity(reply.body());
        if (reply.errorType() != null) {
            response.header("x-amzn-ErrorType", reply.errorType());
            response.header("x-amzn-ErrorMessage", reply.errorMessage());
        }
        return response.build();
    }
}
