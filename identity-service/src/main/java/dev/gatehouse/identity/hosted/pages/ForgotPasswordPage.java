package dev.gatehouse.identity.hosted.pages;

import dev.gatehouse.identity.hosted.AuthorizationRequest;
import dev.gatehouse.identity.hosted.QueryParameters;
import dev.gatehouse.identity.pool.config.IdentityConfig;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.function.UnaryOperator;

/**
 * {@code /forgotPassword}: the username, then the API's ForgotPassword mails a code and the browser
 * goes on to {@code /confirmForgotPassword}. Whatever the API answers an unknown user (a simulated
 * destination under {@code PreventUserExistenceErrors=ENABLED}) the page shows alike.
 */
@ApplicationScoped
public class ForgotPasswordPage {

    private static final String NEXT = "/confirmForgotPassword";

    private final HostedForm hosted;
    private final FormView view;
    private final PasswordResetFlow flow;
    private final Duration codeValidity;

    ForgotPasswordPage(
            HostedForm hosted,
            PasswordResetFlow flow,
            IdentityConfig config,
            @Location("hosted/forgot-password.html") Template forgot) {
        this.hosted = hosted;
        this.view = hosted.view(forgot, "/forgotPassword", "Forgot your password?");
        this.flow = flow;
        this.codeValidity = config.codes().resetValidity();
    }

    public Uni<Response> show(String rawQuery, HttpServerRequest http) {
        return hosted.get(
                rawQuery,
                http,
                request -> view.filled(request, "", http, UnaryOperator.identity()).show());
    }

    public Uni<Response> submit(String rawQuery, String body, HttpServerRequest http) {
        return hosted.post(rawQuery, body, http, (request, form) -> forgot(request, form, http));
    }

    private PageOutcome forgot(
            AuthorizationRequest request, QueryParameters form, HttpServerRequest http) {
        String username = form.get("username").map(String::strip).orElse("");
        FilledForm filled = view.filled(request, username, http, UnaryOperator.identity());
        if (username.isEmpty()) {
            return filled.missing("Enter your username.");
        }
        return filled.call(
                () -> {
                    String destination = flow.forgot(request.client().id(), username);
                    return new ResetInProgress(username, destination)
                            .cookie(codeValidity, http)
                            .map(cookie -> HostedForm.next(request, NEXT, cookie))
                            .orElseGet(() -> HostedForm.next(request, NEXT));
                });
    }
}
