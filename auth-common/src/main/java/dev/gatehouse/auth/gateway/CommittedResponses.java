package dev.gatehouse.auth.gateway;

import io.quarkus.logging.Log;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

/**
 * A failure after the response is committed (its head sent, or its end begun) cannot become an
 * error response any more: the client would wait for the rest of an answer that never comes, on a
 * connection held open. This ends such a request by closing its connection (resetting its stream on
 * HTTP/2), with one log line instead of a stack trace per layer that tries to answer again.
 */
@Singleton
public class CommittedResponses {

    void register(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).failureHandler(this::onFailure);
    }

    private void onFailure(RoutingContext rc) {
        if (!isCommitted(rc.response())) {
            rc.next();
            return;
        }
        Log.debugf(
                "request to %s failed after its response was committed: %s",
                rc.request().path(), rc.failure());
        abort(rc.request());
    }

    /** Whether a response can no longer be replaced by an error response. */
    public static boolean isCommitted(HttpServerResponse response) {
        return response.headWritten() || response.ended() || response.closed();
    }

    /**
     * Ends a committed response the only way left: the client sees its stream or connection end.
     */
    public static void abort(HttpServerRequest request) {
        HttpServerResponse response = request.response();
        if (response.closed()) {
            return;
        }
        // HTTP/2 resets the one stream; HTTP/1.x refuses a reset once the response is marked
        // written, and then only closing the connection tells the client that nothing more comes.
        if (request.version() == HttpVersion.HTTP_2 && response.reset()) {
            return;
        }
        if (!response.reset()) {
            request.connection().close();
        }
    }
}
