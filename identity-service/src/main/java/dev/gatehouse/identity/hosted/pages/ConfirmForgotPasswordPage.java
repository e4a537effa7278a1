package dev.gatehouse.identity.hosted.pages;

import dev.gatehouse.identity.hosted.AuthorizationRequest;
import dev.gatehouse.identity.hosted.HostedPages;
import dev.gatehouse.identity.hosted.QueryParameters;
import dev.gatehouse.identity.pool.UserPool;
import dev.gatehouse.identity.protocol.CognitoException;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Optional;

/**
 * {@code /confirmForgotPassword} (also {@code /confirmforgotPassword}, the spelling of Cognito's
 * endpoint list): the emailed code and a new password (the policy listed first), set through the
 * API's ConfirmForgotPassword. Then, as Cognito does, the browser goes back to {@code /login} with
 * the same query, to sign in with the new password.
 */
@ApplicationScoped
public class ConfirmForgotPasswordPage {

    private final FormGate gate;
    private final HostedPages pages;
    private final PasswordResetFlow flow;
    private final UserPool pool;
    private final Template reset;

    ConfirmForgotPasswordPage(
            FormGate gate,
            HostedPages pages,
            PasswordResetFlow flow,
            UserPool pool,
            @Location("hosted/confirm-forgot-password.html") Template reset) {
        this.gate = gate;
        this.pages = pages;
        this.flow = flow;
        this.pool = pool;
        this.reset = reset;
    }

    public Uni<Response> show(String rawQuery, HttpServerRequest http) {
        return gate.get(
                rawQuery,
                http,
                request -> {
                    Optional<ResetInProgress> started = ResetInProgress.of(http);
                    return new PageOutcome.Show(
                            form(
                                    200,
                                    request,
                                    started.map(ResetInProgress::username).orElse(""),
                                    started.map(
                                            s ->
                                                    "We have sent a password reset code by email"
                                                            + " to "
                                                            + s.destination()
                                                            + ". Enter it below to reset your"
                                                            + " password."),
                                    Optional.empty(),
                                    http));
                });
    }

    public Uni<Response> submit(String rawQuery, String body, HttpServerRequest http) {
        return gate.post(
                rawQuery,
                body,
                http,
                (request, form) -> new PageOutcome.Show(reset(request, form, http)));
    }

    private Response reset(
            AuthorizationRequest request, QueryParameters form, HttpServerRequest http) {
        String username = form.get("username").map(String::strip).orElse("");
        String code = form.get("code").map(String::strip).orElse("");
        String password = form.get("password").orElse("");
        Optional<String> missing = NewPasswords.missing(password, form);
        if (username.isEmpty()) {
            missing = Optional.of("Enter your username.");
        } else if (code.isEmpty()) {
            missing = Optional.of("Enter the code we sent you by email.");
        }
        if (missing.isPresent()) {
            return form(400, request, username, Optional.empty(), missing, http);
        }
        try {
            flow.confirm(request.client().id(), username, code, password);
            return HostedPages.secured(
                            Response.status(Response.Status.FOUND)
                                    .location(URI.create(request.pageUrl("/login"))))
                    .cookie(ResetInProgress.clear(http))
                    .build();
        } catch (CognitoException e) {
            PageError error = PageError.of(e);
            return form(
                    error.status(),
                    request,
                    username,
                    Optional.empty(),
                    Optional.of(error.message()),
                    http);
        }
    }

    private Response form(
            int status,
            AuthorizationRequest request,
            String username,
            Optional<String> info,
            Optional<String> error,
            HttpServerRequest http) {
        return pages.render(
                status,
                reset.instance()
                        .data("action", request.pageUrl("/confirmForgotPassword"))
                        .data("username", username)
                        .data("info", info.orElse(null))
                        .data("passwordRules", PasswordRules.of(pool.passwordPolicy()))
                        .data("resend", request.pageUrl("/forgotPassword"))
                        .data("signIn", request.pageUrl("/login")),
                "Reset your password",
                error,
                http);
    }
}
