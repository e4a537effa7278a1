package dev.gatehouse.identity.hosted.pages;

import dev.gatehouse.identity.auth.NewPasswordChallenge;
import dev.gatehouse.identity.hosted.AuthorizationRequest;
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
import java.util.List;
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

    private final HostedForm hosted;
    private final FormView view;
    private final PendingChallenges challenges;
    private final NewPasswordChallenge newPassword;
    private final RequestQuotas quotas;
    private final UserPool pool;

    ForceChangePasswordPage(
            HostedForm hosted,
            PendingChallenges challenges,
            NewPasswordChallenge newPassword,
            RequestQuotas quotas,
            UserPool pool,
            @Location("hosted/force-change-password.html") Template page) {
        this.hosted = hosted;
        this.view = hosted.view(page, "/forceChangePassword", "Change your password");
        this.challenges = challenges;
        this.newPassword = newPassword;
        this.quotas = quotas;
        this.pool = pool;
    }

    public Uni<Response> show(String rawQuery, HttpServerRequest http) {
        return hosted.get(
                rawQuery,
                http,
                request ->
                        challenge(request, http)
                                .map(c -> filled(request, c, http).show())
                                .orElseGet(() -> expired(request, http)));
    }

    public Uni<Response> submit(String rawQuery, String body, HttpServerRequest http) {
        return hosted.post(rawQuery, body, http, (request, form) -> answer(request, form, http));
    }

    private PageOutcome answer(
            AuthorizationRequest request, QueryParameters form, HttpServerRequest http) {
        Optional<PendingChallenges.PendingChallenge> open = challenge(request, http);
        if (open.isEmpty()) {
            return expired(request, http);
        }
        PendingChallenges.PendingChallenge challenge = open.get();
        FilledForm filled = filled(request, challenge, http);
        String password = form.get("password").orElse("");
        Optional<String> missing = NewPasswords.missing(password, form);
        if (missing.isPresent()) {
            return filled.missing(missing.get());
        }
        try {
            quotas.admit("RespondToAuthChallenge");
            User user =
                    newPassword.setNewPassword(
                            request.client(), challenge.session(), challenge.username(), password);
            return new PageOutcome.SignIn(request, user, challenges.release(http));
        } catch (CognitoException e) {
            if (e.type().equals("NotAuthorizedException")) {
                return expired(request, http);
            }
            return filled.refuse(PageError.of(e));
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

    private FilledForm filled(
            AuthorizationRequest request,
            PendingChallenges.PendingChallenge challenge,
            HttpServerRequest http) {
        return view.filled(
                request,
                challenge.username(),
                http,
                page ->
                        page.data("open", true)
                                .data("passwordRules", PasswordRules.of(pool.passwordPolicy())));
    }

    /** No open challenge (never started, answered, or past {@code AuthSessionValidity}). */
    private PageOutcome expired(AuthorizationRequest request, HttpServerRequest http) {
        PageOutcome.Show shown =
                view.render(
                        400,
                        view.template()
                                .data("open", false)
                                .data("action", "")
                                .data("username", "")
                                .data("passwordRules", List.of())
                                .data("signIn", request.pageUrl("/login")),
                        Optional.of(EXPIRED),
                        http);
        return new PageOutcome.Show(
                Response.fromResponse(shown.response()).cookie(challenges.release(http)).build());
    }
}
