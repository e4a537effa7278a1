package dev.gatehouse.identity.hosted.rest;

import dev.gatehouse.identity.hosted.SignOut;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

/** {@code GET /logout}: ends the login session, back to the app's sign-out URL. */
@Path("/logout")
public class LogoutResource {

    private final SignOut signOut;

    LogoutResource(SignOut signOut) {
        this.signOut = signOut;
    }

    @GET
    public Uni<Response> logout(HttpServerRequest http) {
        return signOut.logout(http.query(), http);
    }
}
