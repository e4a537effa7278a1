package dev.gatehouse.identity.hosted.pages;

import dev.gatehouse.identity.hosted.AuthorizationRequest;
import dev.gatehouse.identity.hosted.HostedPages;
import dev.gatehouse.identity.hosted.QueryParameters;
import dev.gatehouse.identity.pool.config.IdentityConfig;
import dev.gatehouse.identity.protocol.CognitoException;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * {@code /forgotPassword}: the username, then the API's ForgotPassword mails a code and the browser
 * goes on to {@code /confirmForgotPassword}. Whatever the API answers an unknown user (a simulated
 * destination under {@code PreventUserExistenceErrors=ENABLED}) the page shows alike.
 */
@ApplicationScoped
public class ForgotPasswordPage {

    private final FormGate gate;
    private final HostedPages pages;
    private final PasswordResetFlow flow;
    private final Duration codeValidity;
    private final Template forgot;

    ForgotPasswordPage(
            FormGate gate,
            HostedPages pages,
            PasswordResetFlow flow,
            IdentityConfig config,
            @Location("hosted/forgot-password.html") Template forgot) {
        this.gate = gate;
        this.pages = pages;
        this.flow = flow;
        this.codeValidity = config.codes().resetValidity();
        this.forgot = forgot;
    }

    public Uni<Response> show(String rawQuery, HttpServerRequest http) {
        return gate.get(
                rawQuery,
                http,
                request -> new PageOutcome.Show(form(200, request, "", Optional.empty(), http)));
    }

    public Uni<Response> submit(String rawQuery, String body, HttpServerRequest http) {
        return gate.post(
                rawQuery,
                body,
                http,
                (request, form) -> new PageOutcome.Show(forgot(request, form, http)));
    }

    private Response forgot(
            AuthorizationRequest request, QueryParameters form, HttpServerRequest http) {
        String username = form.get("username").map(String::strip).orElse("");
        if (username.isEmpty()) {
            return form(400, request, username, Optional.of("Enter your username."), http);
        }
        try {
            String destination = flow.forgot(request.client().id(), username);
            Response.ResponseBuilder next =
                    HostedPages.secured(
                            Response.status(Response.Status.FOUND)
                                    .location(
                                            URI.create(request.pageUrl("/confirmForgotPassword"))));
            new ResetInProgress(username, destination)
                    .cookie(codeValidity, http)
                    .ifPresent(next::cookie);
            return next.build();
        } catch (CognitoException e) {
            PageError error = PageError.of(e);
            return form(error.status(), request, username, Optional.of(error.message()), http);
        }
    }

    private Response form(
            int status,
            AuthorizationRequest request,
            String username,
            Optional<String> error,
            HttpServerRequest http) {
        return pages.render(
                status,
                forgot.instance()
                        .data("action", request.pageUrl("/forgotPassword"))
                        .data("username", username)
                        .data("signIn", request.pageUrl("/login")),
                "Forgot your password?",
                error,
                http);
    }
}
