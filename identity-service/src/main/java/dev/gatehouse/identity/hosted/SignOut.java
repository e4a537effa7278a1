package dev.gatehouse.identity.hosted;

import dev.gatehouse.identity.pool.AppClient;
import dev.gatehouse.identity.pool.UserPool;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;

/**
 * {@code GET /logout} (Cognito's logout endpoint): ends the login session and sends the browser to
 * {@code logout_uri} when it is one of the client's {@code LogoutURLs}, or, in the other form
 * Cognito documents ({@code redirect_uri} with {@code response_type} and the rest of an authorize
 * request), to the sign-in page for that request. Anything else gets an error page and the session
 * stays as it was: an unchecked redirect would make this an open redirector.
 */
@ApplicationScoped
public class SignOut {

    private final UserPool pool;
    private final LoginSessions sessions;
    private final AuthorizationRequests requests;
    private final HostedPages pages;

    SignOut(
            UserPool pool,
            LoginSessions sessions,
            AuthorizationRequests requests,
            HostedPages pages) {
        this.pool = pool;
        this.sessions = sessions;
        this.requests = requests;
        this.pages = pages;
    }

    public Uni<Response> logout(String rawQuery, HttpServerRequest http) {
        return Uni.createFrom()
                .item(() -> answer(rawQuery, http))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    private Response answer(String rawQuery, HttpServerRequest http) {
        QueryParameters q;
        try {
            q = QueryParameters.parse(rawQuery);
        } catch (QueryParameters.MalformedException e) {
            return pages.error(400, "The sign-out link is malformed.", http);
        }
        if (q.anyRepeated(java.util.List.of("client_id", "logout_uri", "redirect_uri"))
                .isPresent()) {
            return pages.error(400, "The sign-out link names its app or address twice.", http);
        }
        AppClient client = q.get("client_id").map(pool.clientsById()::get).orElse(null);
        if (client == null) {
            return pages.error(
                    400, "The sign-out link does not name an app of this user pool.", http);
        }
        if (q.get("logout_uri").isPresent()) {
            if (!client.oauth().isLogout(q.get("logout_uri").get())) {
                return pages.error(
                        400,
                        "The sign-out link's return address (logout_uri) is not registered for"
                                + " this app.",
                        http);
            }
            return signedOut(q.get("logout_uri").get(), http);
        }
        if (q.get("redirect_uri").isPresent()) {
            AuthorizationRequests.Outcome outcome = requests.parse(rawQuery);
            if (outcome instanceof AuthorizationRequests.Valid valid) {
                return signedOut(valid.request().pageUrl("/login"), http);
            }
            return pages.refuse(outcome, http);
        }
        return pages.error(
                400,
                "The sign-out link says neither where to go (logout_uri) nor redirect_uri.",
                http);
    }

    private Response signedOut(String location, HttpServerRequest http) {
        NewCookie cleared = sessions.end(http);
        return HostedPages.secured(
                        Response.status(Response.Status.FOUND)
                                .location(java.net.URI.create(location)))
                .cookie(cleared)
                .build();
    }
}
