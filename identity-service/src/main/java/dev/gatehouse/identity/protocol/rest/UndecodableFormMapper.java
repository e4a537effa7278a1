package dev.gatehouse.identity.protocol.rest;

import dev.gatehouse.auth.api.GatewayResponseType;
import dev.gatehouse.auth.api.GatewayResponses;
import dev.gatehouse.identity.hosted.HostedPages;
import io.quarkus.logging.Log;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Quarkus REST decodes every {@code application/x-www-form-urlencoded} body before any resource
 * method runs, and fails on a broken %-escape with an {@link IllegalArgumentException}: the
 * client's mistake, answered here with a 400 in the shape of the endpoint it was sent to (RFC 6749
 * {@code invalid_request} JSON for {@code /oauth2/*}, the error page for the hosted pages, API
 * Gateway's {@code BadRequestException} otherwise) instead of a 500. Any other {@link
 * IllegalArgumentException} is still an unexpected failure.
 */
public class UndecodableFormMapper {

    private final HostedPages pages;

    UndecodableFormMapper(HostedPages pages) {
        this.pages = pages;
    }

    @ServerExceptionMapper
    public Response undecodable(IllegalArgumentException e, HttpServerRequest http) {
        String message = String.valueOf(e.getMessage());
        if (!message.startsWith("Failed to decode")) {
            Log.error("unexpected failure while serving a request", e);
            return GatewayResponses.of(GatewayResponseType.INTERNAL_ERROR);
        }
        Log.debugf("undecodable form body to %s", http.path());
        String path = http.path();
        if (path.startsWith("/oauth2/")) {
            return Response.status(400)
                    .type("application/json;charset=UTF-8")
                    .header("Cache-Control", "no-store")
                    .entity(Map.of("error", "invalid_request"))
                    .build();
        }
        if (!path.equals("/") && !path.startsWith("/q/")) {
            return pages.error(400, "The form could not be read. Go back and try again.", http);
        }
        return GatewayResponses.of(GatewayResponseType.BAD_REQUEST_BODY);
    }
}
