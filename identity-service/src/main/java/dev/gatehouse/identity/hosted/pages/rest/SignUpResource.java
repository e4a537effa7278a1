package dev.gatehouse.identity.hosted.pages.rest;

import dev.gatehouse.identity.hosted.pages.SignUpPage;
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
 * {@code GET|POST /signup}: Cognito's managed sign-up page, with {@code /oauth2/authorize}'s query.
 */
@Path("/signup")
@Produces(MediaType.TEXT_HTML)
public class SignUpResource {

    private final SignUpPage page;

    SignUpResource(SignUpPage page) {
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
