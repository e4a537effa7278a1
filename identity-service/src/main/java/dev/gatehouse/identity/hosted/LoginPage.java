package dev.gatehouse.identity.hosted;

import dev.gatehouse.identity.auth.NewPasswordChallenge;
import dev.gatehouse.identity.auth.PasswordAuthentication;
import dev.gatehouse.identity.protocol.CognitoException;
import dev.gatehouse.identity.quota.RequestQuotas;
import dev.gatehouse.identity.user.User;
import dev.gatehouse.identity.user.UserStatus;
import io.quarkus.logging.Log;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import java.util.Optional;

/**
 * The sign-in page ({@code /login}): username or email alias and password, checked exactly as the
 * API's password sign-in checks them (lockout, PreventUserExistenceErrors, unconfirmed, disabled),
 * then {@link HostedSignIn#complete}. A user an administrator created is sent on to {@code
 * /forceChangePassword} with the challenge held by {@link PendingChallenges}.
 */
@ApplicationScoped
public class LoginPage {

    private final AuthorizationRequests requests;
    private final HostedPages pages;
    private final CsrfTokens csrf;
    private final PasswordAuthentication passwords;
    private final NewPasswordChallenge newPassword;
    private final PendingChallenges challenges;
    private final HostedSignIn signIn;
    private final RequestQuotas quotas;
    private final Template login;

    LoginPage(
            AuthorizationRequests requests,
            HostedPages pages,
            CsrfTokens csrf,
            PasswordAuthentication passwords,
            NewPasswordChallenge newPassword,
            PendingChallenges challenges,
            HostedSignIn signIn,
            RequestQuotas quotas,
            @Location("hosted/login.html") Template login) {
        this.requests = requests;
        this.pages = pages;
        this.csrf = csrf;
        this.passwords = passwords;
        this.newPassword = newPassword;
        this.challenges = challenges;
        this.signIn = signIn;
        this.quotas = quotas;
        this.login = login;
    }

    public Uni<Response> show(String rawQuery, HttpServerRequest http) {
        return onWorker(
                () -> {
                    AuthorizationRequests.Outcome outcome = requests.parse(rawQuery);
                    if (!(outcome instanceof AuthorizationRequests.Valid valid)) {
                        return pages.refuse(outcome, http);
                    }
                    return form(200, valid.request(), "", Optional.empty(), http);
                });
    }

    public Uni<Response> submit(String rawQuery, String body, HttpServerRequest http) {
        return onWorker(() -> attempt(rawQuery, body, http))
                .flatMap(
                        attempt ->
                                attempt.user() == null
                                        ? Uni.createFrom().item(attempt.response())
                                        : signIn.complete(attempt.request(), attempt.user(), http));
    }

    /** A page to show, or a user who has signed in. */
    private record Attempt(Response response, AuthorizationRequest request, User user) {}

    private Attempt attempt(String rawQuery, String body, HttpServerRequest http) {
        AuthorizationRequests.Outcome outcome = requests.parse(rawQuery);
        if (!(outcome instanceof AuthorizationRequests.Valid valid)) {
            return new Attempt(pages.refuse(outcome, http), null, null);
        }
        AuthorizationRequest request = valid.request();
        QueryParameters form;
        try {
            form = QueryParameters.parse(body);
        } catch (QueryParameters.MalformedException e) {
            return page(form(400, request, "", Optional.of("The form could not be read."), http));
        }
        if (!csrf.verify(http, form)) {
            Log.debug("hosted sign-in refused: missing or foreign CSRF token");
            return page(
                    pages.error(
                            403,
                            "This form has expired or was not sent from this page. Go back,"
                                    + " reload the page and try again.",
                            http));
        }
        String username = form.get("username").map(String::strip).orElse("");
        String password = form.get("password").orElse("");
        if (username.isEmpty() || password.isEmpty()) {
            return page(
                    form(
                            400,
                            request,
                            username,
                            Optional.of("Enter your username and password."),
                            http));
        }
        if (username.length() > 128 || password.length() > 256) {
            return page(
                    form(400, request, "", Optional.of("Incorrect username or password."), http));
        }
        try {
            quotas.admit("InitiateAuth");
            User user = passwords.authenticate(request.client(), username, password);
            if (user.status() != UserStatus.FORCE_CHANGE_PASSWORD) {
                return new Attempt(null, request, user);
            }
            String session = newPassword.open(user, request.client());
            NewCookie handle =
                    challenges.hold(
                            NewPasswordChallenge.NEW_PASSWORD_REQUIRED,
                            session,
                            user.username(),
                            request.client(),
                            http);
            Response next =
                    HostedPages.secured(
                                    Response.status(Response.Status.FOUND)
                                            .location(
                                                    java.net.URI.create(
                                                            request.pageUrl(
                                                                    "/forceChangePassword"))))
                            .cookie(handle)
                            .build();
            return page(next);
        } catch (CognitoException e) {
            return page(
                    form(
                            e.type().equals("TooManyRequestsException") ? 429 : 400,
                            request,
                            username,
                            Optional.of(SignInMessages.of(e)),
                            http));
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
                login.instance()
                        .data("action", request.pageUrl("/login"))
                        .data("username", username)
                        .data("signUp", request.pageUrl("/signup"))
                        .data("forgotPassword", request.pageUrl("/forgotPassword")),
                "Sign in",
                error,
                http);
    }

    private static Attempt page(Response response) {
        return new Attempt(response, null, null);
    }

    private static <T> Uni<T> onWorker(java.util.function.Supplier<T> work) {
        return Uni.createFrom().item(work).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }
}
