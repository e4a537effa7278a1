package dev.gatehouse.identity.oauth.rest;

import dev.gatehouse.identity.oauth.AuthorizeEndpoint;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

/** {@code GET /oauth2/authorize}: to the sign-in page, or straight back while signed in. */
@Path("/oauth2/authorize")
public class AuthorizeResource {

    private final AuthorizeEndpoint endpoint;

    AuthorizeResource(AuthorizeEndpoint endpoint) {
        this.endpoint = endpoint;
    }

    @GET
    public Uni<Response> authorize(HttpServerRequest http) {
        return endpoint.authorize(http.query(), http);
    }
}
