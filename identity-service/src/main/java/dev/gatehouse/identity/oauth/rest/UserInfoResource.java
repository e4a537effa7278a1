package dev.gatehouse.identity.oauth.rest;

import dev.gatehouse.identity.oauth.UserInfoEndpoint;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import java.util.Optional;

/**
 * {@code GET|POST /oauth2/userInfo}: the user's attributes for a Bearer access token, or Cognito's
 * documented refusals ({@code WWW-Authenticate} and the same JSON body).
 */
@Path("/oauth2/userInfo")
public class UserInfoResource {

    static final String BAD_REQUEST = "Bad OAuth2 request at UserInfo Endpoint";
    static final String INVALID_TOKEN =
            "Access token is expired, disabled, or deleted, or the user has globally signed out.";

    private final UserInfoEndpoint endpoint;

    UserInfoResource(UserInfoEndpoint endpoint) {
        this.endpoint = endpoint;
    }

    @GET
    public Uni<Response> get(@HeaderParam("Authorization") String authorization) {
        return answer(authorization);
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    public Uni<Response> post(@HeaderParam("Authorization") String authorization) {
        return answer(authorization);
    }

    private Uni<Response> answer(String authorization) {
        return Uni.createFrom()
                .item(
                        () -> {
                            try {
                                return OAuthReplies.json(
                                                200,
                                                endpoint.userInfo(
                                                        Optional.ofNullable(authorization)))
                                        .build();
                            } catch (UserInfoEndpoint.Refused e) {
                                Log.debugf("/oauth2/userInfo refused: %s", e.getMessage());
                                String error = e.badRequest() ? "invalid_request" : "invalid_token";
                                String description = e.badRequest() ? BAD_REQUEST : INVALID_TOKEN;
                                return OAuthReplies.json(
                                                e.badRequest() ? 400 : 401,
                                                Map.of(
                                                        "error",
                                                        error,
                                                        "error_description",
                                                        description))
                                        .header(
                                                "WWW-Authenticate",
                                                "Bearer error=\""
                                                        + error
                                                        + "\", error_description=\""
                                                        + description
                                                        + "\"")
                                        .build();
                            }
                        })
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }
}
