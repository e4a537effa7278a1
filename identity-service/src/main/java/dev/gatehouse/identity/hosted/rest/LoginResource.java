package dev.gatehouse.identity.hosted.rest;

import dev.gatehouse.identity.hosted.LoginPage;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * {@code GET|POST /login}: Cognito's managed sign-in page, with {@code /oauth2/authorize}'s query.
 */
@Path("/login")
@Produces(MediaType.TEXT_HTML)
public class LoginResource {

    private final LoginPage page;

    LoginResource(LoginPage page) {
        this.page = page;
    }

    @GET
    public Uni<Response> show(HttpServerRequest http) {
        return page.show(http.query(), http);
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    public Uni<Response> submit(HttpServerRequest http, String body) {
        return page.submit(http.query(), body, http);
    }
}
