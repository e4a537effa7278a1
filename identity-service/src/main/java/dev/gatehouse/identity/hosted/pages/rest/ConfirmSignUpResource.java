package dev.gatehouse.identity.hosted.pages.rest;

import dev.gatehouse.identity.hosted.pages.ConfirmSignUpPage;
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
 * {@code GET|POST /confirm} (Cognito's code page after {@code /signup}), the same page as {@code
 * /confirmUser}, and {@code POST /resendcode}; each with {@code /oauth2/authorize}'s query.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class ConfirmSignUpResource {

    private final ConfirmSignUpPage page;

    ConfirmSignUpResource(ConfirmSignUpPage page) {
        this.page = page;
    }

    @GET
    @Path("confirm")
    public Uni<Response> show(HttpServerRequest http) {
        return page.show(http.query(), http);
    }

    @GET
    @Path("confirmUser")
    public Uni<Response> showConfirmUser(HttpServerRequest http) {
        return page.show(http.query(), http);
    }

    @POST
    @Path("confirm")
    @Consumes(MediaType.WILDCARD)
    public Uni<Response> confirm(HttpServerRequest http, String body) {
        return page.submit(http.query(), body, http);
    }

    @POST
    @Path("confirmUser")
    @Consumes(MediaType.WILDCARD)
    public Uni<Response> confirmUser(HttpServerRequest http, String body) {
        return page.submit(http.query(), body, http);
    }

    @POST
    @Path("resendcode")
    @Consumes(MediaType.WILDCARD)
    public Uni<Response> resend(HttpServerRequest http, String body) {
        return page.resend(http.query(), body, http);
    }
}
