package dev.gatehouse.auth.gateway.lambda;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent.RequestContext;
import io.quarkus.vertx.http.runtime.QuarkusHttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import java.util.Optional;

/**
 * The API Gateway request context of a request that arrived as a Lambda event (payload 2.0). The
 * Lambda HTTP handler attaches the event to the request's headers object, in-process: a request
 * that came in over a socket never carries one, whatever its headers say.
 */
final class AuthorizerContext {

    private AuthorizerContext() {}

    /** The event's {@code requestContext}, or empty when the request is not a Lambda event. */
    static Optional<RequestContext> of(HttpServerRequest http) {
        if (http.headers() instanceof QuarkusHttpHeaders headers
                && headers.getContextObjects().get(APIGatewayV2HTTPEvent.class)
                        instanceof APIGatewayV2HTTPEvent event) {
            return Optional.ofNullable(event.getRequestContext());
        }
        return Optional.empty();
    }
}
