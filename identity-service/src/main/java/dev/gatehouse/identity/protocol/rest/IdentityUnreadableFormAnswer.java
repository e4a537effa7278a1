package dev.gatehouse.identity.protocol.rest;

import dev.gatehouse.auth.api.GatewayResponseType;
import dev.gatehouse.auth.api.GatewayResponses;
import dev.gatehouse.auth.api.UnreadableFormAnswer;
import dev.gatehouse.identity.hosted.HostedPages;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import java.util.Map;

/**
 * A form body that could not be decoded (a broken %-escape, too many fields), answered in the shape
 * of the endpoint it was sent to: RFC 6749 {@code invalid_request} JSON for {@code /oauth2/*}, the
 * error page for the hosted pages, API Gateway's {@code BadRequestException} otherwise.
 */
@ApplicationScoped
class IdentityUnreadableFormAnswer implements UnreadableFormAnswer {

    private final HostedPages pages;

    IdentityUnreadableFormAnswer(HostedPages pages) {
        this.pages = pages;
    }

    @Override
    public Response answer(HttpServerRequest http) {
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
