package dev.gatehouse.identity.oauth.rest;

import dev.gatehouse.identity.oauth.OAuthError;
import jakarta.ws.rs.core.Response;
import java.util.Map;

/** JSON answers of the {@code /oauth2/*} endpoints, never cached (RFC 6749 section 5.1). */
final class OAuthReplies {

    private OAuthReplies() {}

    static Response.ResponseBuilder json(int status, Object body) {
        return Response.status(status)
                .type("application/json;charset=UTF-8")
                .header("Cache-Control", "no-store")
                .header("Pragma", "no-cache")
                .entity(body);
    }

    static Response error(OAuthError e) {
        Response.ResponseBuilder response = json(e.status(), Map.of("error", e.error()));
        if (e.basicChallenge()) {
            response.header("WWW-Authenticate", "Basic realm=\"oauth2\"");
        }
        return response.build();
    }
}
