package dev.gatehouse.identity.hosted.pages;

import dev.gatehouse.identity.hosted.AuthorizationRequest;
import dev.gatehouse.identity.hosted.HostedCookies;
import dev.gatehouse.identity.hosted.QueryParameters;
import dev.gatehouse.identity.user.User;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import java.util.Optional;

/**
 * {@code /confirm} (also served as {@code /confirmUser}) and {@code /resendcode}: the emailed code
 * confirms the account through the API's ConfirmSignUp; in the browser that signed up the user is
 * then signed in and sent to the app with a code, as Cognito's pages do; elsewhere a page says the
 * account is confirmed and links to {@code /login}. "Send a new code" is the API's
 * ResendConfirmationCode.
 */
@ApplicationScoped
public class ConfirmSignUpPage {

    private final HostedForm hosted;
    private final FormView view;
    private final FormView confirmed;
    private final SignUpFlow flow;

    ConfirmSignUpPage(
            HostedForm hosted,
            SignUpFlow flow,
            @Location("hosted/confirm.html") Template confirm,
            @Location("hosted/confirmed.html") Template confirmed) {
        this.hosted = hosted;
        this.view = hosted.view(confirm, "/confirm", "Confirm your account");
        this.confirmed = hosted.view(confirmed, "/login", "Account confirmed");
        this.flow = flow;
    }

    public Uni<Response> show(String rawQuery, HttpServerRequest http) {
        return hosted.get(
                rawQuery,
                http,
                request -> {
                    Optional<PendingSignUps.Pending> pending =
                            flow.signedUpHere(handle(http), request.client().id());
                    return filled(
                                    request,
                                    pending.map(PendingSignUps.Pending::username).orElse(""),
                                    pending.map(p -> sentTo(p.destination())),
                                    http)
                            .show();
                });
    }

    public Uni<Response> submit(String rawQuery, String body, HttpServerRequest http) {
        return hosted.post(rawQuery, body, http, (request, form) -> confirm(request, form, http));
    }

    public Uni<Response> resend(String rawQuery, String body, HttpServerRequest http) {
        return hosted.post(rawQuery, body, http, (request, form) -> resend(request, form, http));
    }

    private PageOutcome resend(
            AuthorizationRequest request, QueryParameters form, HttpServerRequest http) {
        String username = form.get("username").map(String::strip).orElse("");
        FilledForm filled = filled(request, username, Optional.empty(), http);
        if (username.isEmpty()) {
            return filled.missing("Enter your username.");
        }
        return filled.call(
                () -> {
                    String destination = flow.resend(request.client().id(), username);
                    String sent = "We have sent a new code by email to " + destination + ".";
                    return filled(request, username, Optional.of(sent), http).show();
                });
    }

    private PageOutcome confirm(
            AuthorizationRequest request, QueryParameters form, HttpServerRequest http) {
        String username = form.get("username").map(String::strip).orElse("");
        String code = form.get("code").map(String::strip).orElse("");
        FilledForm filled = filled(request, username, Optional.empty(), http);
        if (username.isEmpty()) {
            return filled.missing("Enter your username.");
        }
        if (code.isEmpty()) {
            return filled.missing("Enter the code we sent you by email.");
        }
        return filled.call(
                () -> {
                    Optional<User> user =
                            flow.confirm(request.client().id(), username, code, handle(http));
                    if (user.isPresent()) {
                        return new PageOutcome.SignIn(
                                request,
                                user.get(),
                                HostedCookies.clear(
                                        PendingSignUps.COOKIE, HostedCookies.secure(http)));
                    }
                    // Another user's sign-up in this browser, if any, stays pending (its cookie
                    // too).
                    return confirmed.render(
                            200,
                            confirmed.template().data("signIn", request.pageUrl("/login")),
                            Optional.empty(),
                            http);
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
                        page.data("resend", request.pageUrl("/resendcode"))
                                .data("info", info.orElse(null)));
    }

    private static String sentTo(String destination) {
        return "We have sent a code by email to "
                + destination
                + ". Enter it below to confirm your account.";
    }

    private static String handle(HttpServerRequest http) {
        return HostedCookies.read(http, PendingSignUps.COOKIE).orElse(null);
    }
}
