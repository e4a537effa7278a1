package dev.gatehouse.identity.oauth.rest;

import dev.gatehouse.identity.oauth.OAuthError;
import dev.gatehouse.identity.oauth.RevokeEndpoint;
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

/** {@code POST /oauth2/revoke}: 200 with an empty body, or an RFC 6749 error. */
@Path("/oauth2/revoke")
public class RevokeResource {

    private final RevokeEndpoint endpoint;

    RevokeResource(RevokeEndpoint endpoint) {
        this.endpoint = endpoint;
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    public Uni<Response> revoke(@HeaderParam("Authorization") String authorization, String body) {
        return Uni.createFrom()
                .item(
                        () -> {
                            try {
                                endpoint.revoke(Optional.ofNullable(authorization), body);
                                return Response.ok().header("Cache-Control", "no-store").build();
                            } catch (OAuthError e) {
                                Log.debugf("/oauth2/revoke: %s (%s)", e.error(), e.getMessage());
                                return OAuthReplies.error(e);
                            }
                        })
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }
}
