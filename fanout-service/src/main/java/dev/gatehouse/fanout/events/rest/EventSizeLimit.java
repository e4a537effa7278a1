package dev.gatehouse.fanout.events.rest;

import dev.gatehouse.auth.api.GatewayResponses;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * An event is at most 256 KB (as EventBridge's PutEvents): a larger declared body is answered 413
 * before authentication reads it, as API Gateway answers REQUEST_TOO_LARGE. (A chunked body is
 * measured once read; {@code quarkus.http.limits.max-body-size} bounds what is read at all.)
 */
public class EventSizeLimit {

    /** The largest event body accepted, in bytes. */
    public static final int MAX_EVENT_BYTES = 256 * 1024;

    @ServerRequestFilter(priority = Priorities.AUTHENTICATION - 100)
    public Response check(ContainerRequestContext request) {
        String declared = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        if (declared == null) {
            return null;
        }
        try {
            return Long.parseLong(declared.trim()) > MAX_EVENT_BYTES ? tooLarge() : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static Response tooLarge() {
        return GatewayResponses.error(413, "RequestTooLargeException", "Request Too Long");
    }
}
