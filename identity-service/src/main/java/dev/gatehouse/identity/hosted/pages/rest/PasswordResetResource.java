package dev.gatehouse.identity.hosted.pages.rest;

import dev.gatehouse.identity.hosted.pages.ConfirmForgotPasswordPage;
import dev.gatehouse.identity.hosted.pages.ForgotPasswordPage;
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
 * {@code GET|POST /forgotPassword} and {@code GET|POST /confirmForgotPassword} (also spelt {@code
 * /confirmforgotPassword}, as Cognito's endpoint list spells it), with {@code /oauth2/authorize}'s
 * query.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class PasswordResetResource {

    private final ForgotPasswordPage forgot;
    private final ConfirmForgotPasswordPage confirm;

    PasswordResetResource(ForgotPasswordPage forgot, ConfirmForgotPasswordPage confirm) {
        this.forgot = forgot;
        this.confirm = confirm;
    }

    @GET
    @Path("forgotPassword")
    public Uni<Response> showForgot(HttpServerRequest http) {
        return forgot.show(http.query(), http);
    }

    @POST
    @Path("forgotPassword")
    @Consumes(MediaType.WILDCARD)
    public Uni<Response> forgot(HttpServerRequest http, String body) {
        return forgot.submit(http.query(), body, http);
    }

    @GET
    @Path("{path: confirm[fF]orgotPassword}")
    public Uni<Response> showConfirm(HttpServerRequest http) {
        return confirm.show(http.query(), http);
    }

    @POST
    @Path("{path: confirm[fF]orgotPassword}")
    @Consumes(MediaType.WILDCARD)
    public Uni<Response> confirm(HttpServerRequest http, String body) {
        return confirm.submit(http.query(), body, http);
    }
}
