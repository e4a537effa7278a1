package dev.gatehouse.identity.hosted.pages;

import dev.gatehouse.identity.hosted.AuthorizationRequest;
import dev.gatehouse.identity.hosted.QueryParameters;
import dev.gatehouse.identity.pool.UserPool;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import java.util.Optional;

/**
 * {@code /confirmForgotPassword} (also {@code /confirmforgotPassword}, the spelling of Cognito's
 * endpoint list): the emailed code and a new password (the policy listed first), set through the
 * API's ConfirmForgotPassword. Then, as Cognito does, the browser goes back to {@code /login} with
 * the same query, to sign in with the new password.
 */
@ApplicationScoped
public class ConfirmForgotPasswordPage {

    private final HostedForm hosted;
    private final FormView view;
    private final PasswordResetFlow flow;
    private final UserPool pool;

    ConfirmForgotPasswordPage(
            HostedForm hosted,
            PasswordResetFlow flow,
            UserPool pool,
            @Location("hosted/confirm-forgot-password.html") Template reset) {
        this.hosted = hosted;
        this.view = hosted.view(reset, "/confirmForgotPassword", "Reset your password");
        this.flow = flow;
        this.pool = pool;
    }

    public Uni<Response> show(String rawQuery, HttpServerRequest http) {
        return hosted.get(
                rawQuery,
                http,
                request -> {
                    Optional<ResetInProgress> started = ResetInProgress.of(http);
                    return filled(
                                    request,
                                    started.map(ResetInProgress::username).orElse(""),
                                    started.map(
                                            s ->
                                                    "We have sent a password reset code by email"
                                                            + " to "
                                                            + s.destination()
                                                            + ". Enter it below to reset your"
                                                            + " password."),
                                    http)
                            .show();
                });
    }

    public Uni<Response> submit(String rawQuery, String body, HttpServerRequest http) {
        return hosted.post(rawQuery, body, http, (request, form) -> reset(request, form, http));
    }

    private PageOutcome reset(
            AuthorizationRequest request, QueryParameters form, HttpServerRequest http) {
        String username = form.get("username").map(String::strip).orElse("");
        String code = form.get("code").map(String::strip).orElse("");
        String password = form.get("password").orElse("");
        FilledForm filled = filled(request, username, Optional.empty(), http);
        Optional<String> missing = NewPasswords.missing(password, form);
        if (username.isEmpty()) {
            missing = Optional.of("Enter your username.");
        } else if (code.isEmpty()) {
            missing = Optional.of("Enter the code we sent you by email.");
        }
        if (missing.isPresent()) {
            return filled.missing(missing.get());
        }
        return filled.call(
                () -> {
                    flow.confirm(request.client().id(), username, code, password);
                    return HostedForm.next(request, "/login", ResetInProgress.clear(http));
                });
    }

    private FilledForm filled(
            AuthorizationRequest request,
            String username,
            Optional<String> info,
            HttpServerRequest http) {
        return view.filled(
                request,
                username,
                http,
                page ->
                        page.data("info", info.orElse(null))
                                .data("passwordRules", PasswordRules.of(pool.passwordPolicy()))
                                .data("resend", request.pageUrl("/forgotPassword")));
    }
}
