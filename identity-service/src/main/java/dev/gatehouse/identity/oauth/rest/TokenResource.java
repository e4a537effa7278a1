package dev.gatehouse.identity.oauth.rest;

import dev.gatehouse.identity.oauth.OAuthError;
import dev.gatehouse.identity.oauth.TokenEndpoint;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Optional;

/** {@code POST /oauth2/token}: tokens as JSON, or an RFC 6749 error. */
@Path("/oauth2/token")
public class TokenResource {

    private final TokenEndpoint endpoint;

    TokenResource(TokenEndpoint endpoint) {
        this.endpoint = endpoint;
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    public Uni<Response> token(
            @HeaderParam("Authorization") String authorization,
            @HeaderParam("Content-Type") String contentType,
            String body) {
        return Uni.createFrom()
                .item(() -> answer(authorization, contentType, body))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    private Response answer(String authorization, String contentType, String body) {
        try {
            if (contentType == null
                    || !contentType
                            .toLowerCase(java.util.Locale.ROOT)
                            .startsWith(MediaType.APPLICATION_FORM_URLENCODED)) {
                throw OAuthError.invalidRequest("not a form: " + contentType);
            }
            return OAuthReplies.json(200, endpoint.token(Optional.ofNullable(authorization), body))
                    .build();
        } catch (OAuthError e) {
            Log.debugf("/oauth2/token: %s (%s)", e.error(), e.getMessage());
            return OAuthReplies.error(e);
        }
    }
}
