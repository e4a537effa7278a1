package dev.gatehouse.identity.hosted;

import dev.gatehouse.identity.user.User;
import dev.gatehouse.identity.user.UserStore;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The end of every successful hosted sign-in: the login session starts (its cookie), an
 * authorization code is issued for the request, and the browser goes back to the app's {@code
 * redirect_uri} with {@code code} and {@code state} (RFC 6749 section 4.1.2).
 *
 * <p>Used by: {@code /login} after the password, {@code /forceChangePassword} after the new
 * password, any other page that ends with a signed-in user ({@link #complete}); {@code
 * /oauth2/authorize} while the login session is open ({@link #resume}).
 */
@ApplicationScoped
public class HostedSignIn {

    private final LoginSessions sessions;
    private final AuthorizationCodes codes;
    private final UserStore users;
    private final Clock clock;

    HostedSignIn(LoginSessions sessions, AuthorizationCodes codes, UserStore users, Clock clock) {
        this.sessions = sessions;
        this.codes = codes;
        this.users = users;
        this.clock = clock;
    }

    /**
     * {@code user} has just authenticated: a new login session, a code, the redirect. {@code
     * extraCookies} go along (e.g. {@link PendingChallenges#release} to clear a challenge's).
     */
    public Uni<Response> complete(
            AuthorizationRequest request,
            User user,
            HttpServerRequest http,
            NewCookie... extraCookies) {
        return Uni.createFrom()
                .item(
                        () -> {
                            long authTime = clock.instant().getEpochSecond();
                            NewCookie session = sessions.start(user, authTime, http);
                            Response.ResponseBuilder response =
                                    redirect(request, codes.issue(request, user, authTime));
                            response.cookie(session);
                            for (NewCookie cookie : extraCookies) {
                                response.cookie(cookie);
                            }
                            return response.build();
                        })
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    /**
     * The code for a browser whose login session is still open, if its user may still sign in
     * (exists, enabled, not signed out everywhere since); empty when the page must be shown.
     * Blocking: call it on a worker.
     */
    public Optional<Response> resume(AuthorizationRequest request, HttpServerRequest http) {
        return sessions.find(http)
                .flatMap(
                        session ->
                                users.byUsername(session.username())
                                        .filter(u -> u.sub().equals(session.sub()))
                                        .filter(User::enabled)
                                        .filter(u -> u.tokensValidAfter() < session.authTime())
                                        .map(
                                                user ->
                                                        redirect(
                                                                        request,
                                                                        codes.issue(
                                                                                request,
                                                                                user,
                                                                                session.authTime()))
                                                                .build()));
    }

    private static Response.ResponseBuilder redirect(AuthorizationRequest request, String code) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("code", code);
        request.state().ifPresent(state -> parameters.put("state", state));
        String uri = request.redirectUri();
        return HostedPages.secured(
                Response.status(Response.Status.FOUND)
                        .location(
                                URI.create(
                                        uri
                                                + (uri.contains("?") ? "&" : "?")
                                                + QueryParameters.encode(parameters))));
    }
}
