package dev.gatehouse.identity.oauth;

import dev.gatehouse.identity.hosted.AuthorizationRequest;
import dev.gatehouse.identity.hosted.AuthorizationRequests;
import dev.gatehouse.identity.hosted.HostedPages;
import dev.gatehouse.identity.hosted.HostedSignIn;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;

/**
 * {@code /oauth2/authorize} (Cognito's authorize endpoint): a request that names an unknown client
 * or an unregistered {@code redirect_uri} gets an error page, other bad requests an error redirect
 * to the app; a valid one goes to {@code /login} with the same query, or back to the app with a
 * code at once while the login session is open ({@code prompt=login} shows the page anyway, {@code
 * prompt=none} answers {@code login_required} instead of showing it).
 */
@ApplicationScoped
public class AuthorizeEndpoint {

    private final AuthorizationRequests requests;
    private final HostedPages pages;
    private final HostedSignIn signIn;

    AuthorizeEndpoint(AuthorizationRequests requests, HostedPages pages, HostedSignIn signIn) {
        this.requests = requests;
        this.pages = pages;
        this.signIn = signIn;
    }

    public Uni<Response> authorize(String rawQuery, HttpServerRequest http) {
        return Uni.createFrom()
                .item(() -> answer(rawQuery, http))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    private Response answer(String rawQuery, HttpServerRequest http) {
        AuthorizationRequests.Outcome outcome = requests.parse(rawQuery);
        if (!(outcome instanceof AuthorizationRequests.Valid valid)) {
            return pages.refuse(outcome, http);
        }
        AuthorizationRequest request = valid.request();
        if (!request.promptLogin()) {
            var resumed = signIn.resume(request, http);
            if (resumed.isPresent()) {
                return resumed.get();
            }
        }
        if (request.promptNone()) {
            return pages.refuse(
                    AuthorizationRequests.error(
                            request.redirectUri(),
                            request.state(),
                            "login_required",
                            "the user is not signed in"),
                    http);
        }
        return HostedPages.redirect(request.pageUrl("/login"));
    }
}
