package dev.gatehouse.identity.hosted.pages;

import dev.gatehouse.identity.hosted.AuthorizationRequest;
import dev.gatehouse.identity.hosted.HostedCookies;
import dev.gatehouse.identity.hosted.HostedPages;
import dev.gatehouse.identity.hosted.QueryParameters;
import dev.gatehouse.identity.protocol.CognitoException;
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

    private final FormGate gate;
    private final HostedPages pages;
    private final SignUpFlow flow;
    private final Template confirm;
    private final Template confirmed;

    ConfirmSignUpPage(
            FormGate gate,
            HostedPages pages,
            SignUpFlow flow,
            @Location("hosted/confirm.html") Template confirm,
            @Location("hosted/confirmed.html") Template confirmed) {
        this.gate = gate;
        this.pages = pages;
        this.flow = flow;
        this.confirm = confirm;
        this.confirmed = confirmed;
    }

    public Uni<Response> show(String rawQuery, HttpServerRequest http) {
        return gate.get(
                rawQuery,
                http,
                request -> {
                    Optional<PendingSignUps.Pending> pending =
                            flow.signedUpHere(handle(http), request.client().id());
                    return new PageOutcome.Show(
                            show(
                                    200,
                                    request,
                                    pending.map(PendingSignUps.Pending::username).orElse(""),
                                    pending.map(p -> sentTo(p.destination())),
                                    Optional.empty(),
                                    http));
                });
    }

    public Uni<Response> submit(String rawQuery, String body, HttpServerRequest http) {
        return gate.post(rawQuery, body, http, (request, form) -> confirm(request, form, http));
    }

    public Uni<Response> resend(String rawQuery, String body, HttpServerRequest http) {
        return gate.post(
                rawQuery,
                body,
                http,
                (request, form) -> {
                    String username = form.get("username").map(String::strip).orElse("");
                    if (username.isEmpty()) {
                        return show(request, username, "Enter your username.", http);
                    }
                    try {
                        String destination = flow.resend(request.client().id(), username);
                        return new PageOutcome.Show(
                                show(
                                        200,
                                        request,
                                        username,
                                        Optional.of(
                                                "We have sent a new code by email to "
                                                        + destination
                                                        + "."),
                                        Optional.empty(),
                                        http));
                    } catch (CognitoException e) {
                        return refused(request, username, PageError.of(e), http);
                    }
                });
    }

    private PageOutcome confirm(
            AuthorizationRequest request, QueryParameters form, HttpServerRequest http) {
        String username = form.get("username").map(String::strip).orElse("");
        String code = form.get("code").map(String::strip).orElse("");
        if (username.isEmpty()) {
            return show(request, username, "Enter your username.", http);
        }
        if (code.isEmpty()) {
            return show(request, username, "Enter the code we sent you by email.", http);
        }
        try {
            Optional<User> user = flow.confirm(request.client().id(), username, code, handle(http));
            if (user.isPresent()) {
                return new PageOutcome.SignIn(
                        request,
                        user.get(),
                        HostedCookies.clear(PendingSignUps.COOKIE, HostedCookies.secure(http)));
            }
            // Another user's sign-up in this browser, if any, stays pending (its cookie too).
            return new PageOutcome.Show(
                    pages.render(
                            200,
                            confirmed.instance().data("signIn", request.pageUrl("/login")),
                            "Account confirmed",
                            Optional.empty(),
                            http));
        } catch (CognitoException e) {
            return refused(request, username, PageError.of(e), http);
        }
    }

    private PageOutcome show(
            AuthorizationRequest request, String username, String error, HttpServerRequest http) {
        return refused(request, username, PageError.field(error), http);
    }

    private PageOutcome refused(
            AuthorizationRequest request,
            String username,
            PageError error,
            HttpServerRequest http) {
        return new PageOutcome.Show(
                show(
                        error.status(),
                        request,
                        username,
                        Optional.empty(),
                        Optional.of(error.message()),
                        http));
    }

    private Response show(
            int status,
            AuthorizationRequest request,
            String username,
            Optional<String> info,
            Optional<String> error,
            HttpServerRequest http) {
        return pages.render(
                status,
                confirm.instance()
                        .data("action", request.pageUrl("/confirm"))
                        .data("resend", request.pageUrl("/resendcode"))
                        .data("username", username)
                        .data("info", info.orElse(null))
                        .data("signIn", request.pageUrl("/login")),
                "Confirm your account",
                error,
                http);
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
