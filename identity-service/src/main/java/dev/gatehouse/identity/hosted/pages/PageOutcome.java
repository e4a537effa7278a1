package dev.gatehouse.identity.hosted.pages;

import dev.gatehouse.identity.hosted.AuthorizationRequest;
import dev.gatehouse.identity.hosted.HostedSignIn;
import dev.gatehouse.identity.user.User;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import java.util.function.Supplier;

/**
 * What a page's work ends in: a response to send (a page, a redirect), or a user who has just
 * signed in, for {@link HostedSignIn#complete} to start the session and send back to the app.
 */
public sealed interface PageOutcome {

    record Show(Response response) implements PageOutcome {}

    record SignIn(AuthorizationRequest request, User user, NewCookie... cookies)
            implements PageOutcome {}

    /**
     * Runs {@code work} on a worker thread (the pool's operations use Redis's blocking API and hash
     * passwords), then finishes it; anything unexpected becomes the error page, never a stack
     * trace.
     */
    static Uni<Response> run(
            Supplier<PageOutcome> work,
            HostedSignIn signIn,
            Supplier<Response> failure,
            HttpServerRequest http) {
        return Uni.createFrom()
                .item(work)
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .flatMap(
                        outcome ->
                                outcome instanceof SignIn in
                                        ? signIn.complete(
                                                in.request(), in.user(), http, in.cookies())
                                        : Uni.createFrom().item(((Show) outcome).response()))
                .onFailure()
                .recoverWithUni(
                        e -> {
                            Log.errorf(e, "hosted page %s failed", http.path());
                            return Uni.createFrom()
                                    .item(failure)
                                    .runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
                        });
    }
}
