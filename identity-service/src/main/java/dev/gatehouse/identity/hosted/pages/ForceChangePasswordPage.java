package dev.gatehouse.identity.hosted.pages;

import dev.gatehouse.identity.auth.NewPasswordChallenge;
import dev.gatehouse.identity.hosted.AuthorizationRequest;
import dev.gatehouse.identity.hosted.HostedPages;
import dev.gatehouse.identity.hosted.PendingChallenges;
import dev.gatehouse.identity.hosted.QueryParameters;
import dev.gatehouse.identity.pool.UserPool;
import dev.gatehouse.identity.protocol.CognitoException;
import dev.gatehouse.identity.quota.RequestQuotas;
import dev.gatehouse.identity.user.User;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import java.util.Optional;

/**
 * {@code /forceChangePassword}: the first sign-in of a user an administrator created. {@code
 * /login} proved the temporary password and holds the {@code NEW_PASSWORD_REQUIRED} challenge
 * server-side ({@link PendingChallenges}); this page answers it with the new password through the
 * API's own code ({@link NewPasswordChallenge#setNewPassword}: policy, session validity, client),
 * then signs the user in. Cognito documents no path for this page; the name is ours.
 */
@ApplicationScoped
public class ForceChangePasswordPage {

    static final String EXPIRED = "Your sign-in has expired. Sign in again with your password.";

    private final FormGate gate;
    private final HostedPages pages;
    private final PendingChallenges challenges;
    private final NewPasswordChallenge newPassword;
    private final RequestQuotas quotas;
    private final UserPool pool;
    private final Template page;

    ForceChangePasswordPage(
            FormGate gate,
            HostedPages pages,
            PendingChallenges challenges,
            NewPasswordChallenge newPassword,
            RequestQuotas quotas,
            UserPool pool,
            @Location("hosted/force-change-password.html") Template page) {
        this.gate = gate;
        this.pages = pages;
        this.challenges = challenges;
        this.newPassword = newPassword;
        this.quotas = quotas;
        this.pool = pool;
        this.page = page;
    }

    public Uni<Response> show(String rawQuery, HttpServerRequest http) {
        return gate.get(
                rawQuery,
                http,
                request ->
                        new PageOutcome.Show(
                                challenge(request, http)
                                        .map(c -> form(200, request, c, Optional.empty(), http))
                                        .orElseGet(() -> expired(request, http))));
    }

    public Uni<Response> submit(String rawQuery, String body, HttpServerRequest http) {
        return gate.post(rawQuery, body, http, (request, form) -> answer(request, form, http));
    }

    private PageOutcome answer(
            AuthorizationRequest request, QueryParameters form, HttpServerRequest http) {
        Optional<PendingChallenges.PendingChallenge> open = challenge(request, http);
        if (open.isEmpty()) {
            return new PageOutcome.Show(expired(request, http));
        }
        PendingChallenges.PendingChallenge challenge = open.get();
        String password = form.get("password").orElse("");
        Optional<String> missing = NewPasswords.missing(password, form);
        if (missing.isPresent()) {
            return new PageOutcome.Show(form(400, request, challenge, missing, http));
        }
        try {
            quotas.admit("RespondToAuthChallenge");
            User user =
                    newPassword.setNewPassword(
                            request.client(), challenge.session(), challenge.username(), password);
            return new PageOutcome.SignIn(request, user, challenges.release(http));
        } catch (CognitoException e) {
            if (e.type().equals("NotAuthorizedException")) {
                return new PageOutcome.Show(expired(request, http));
            }
            PageError error = PageError.of(e);
            return new PageOutcome.Show(
                    form(error.status(), request, challenge, Optional.of(error.message()), http));
        }
    }

    /** The browser's open challenge, if it was started for this page's client. */
    private Optional<PendingChallenges.PendingChallenge> challenge(
            AuthorizationRequest request, HttpServerRequest http) {
        return challenges
                .find(http)
                .filter(c -> NewPasswordChallenge.NEW_PASSWORD_REQUIRED.equals(c.challengeName()))
                .filter(c -> request.client().id().equals(c.clientId()));
    }

    private Response form(
            int status,
            AuthorizationRequest request,
            PendingChallenges.PendingChallenge challenge,
            Optional<String> error,
            HttpServerRequest http) {
        return pages.render(
                status,
                page.instance()
                        .data("open", true)
                        .data("action", request.pageUrl("/forceChangePassword"))
                        .data("username", challenge.username())
                        .data("passwordRules", PasswordRules.of(pool.passwordPolicy()))
                        .data("signIn", request.pageUrl("/login")),
                "Change your password",
                error,
                http);
    }

    /** No open challenge (never started, answered, or past {@code AuthSessionValidity}). */
    private Response expired(AuthorizationRequest request, HttpServerRequest http) {
        Response shown =
                pages.render(
                        400,
                        page.instance()
                                .data("open", false)
                                .data("action", "")
                                .data("username", "")
                                .data("passwordRules", java.util.List.of())
                                .data("signIn", request.pageUrl("/login")),
                        "Change your password",
                        Optional.of(EXPIRED),
                        http);
        return Response.fromResponse(shown).cookie(challenges.release(http)).build();
    }
}
