package dev.gatehouse.auth.gateway.lambda;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent.RequestContext;
import dev.gatehouse.auth.api.GatewayResponseType;
import dev.gatehouse.auth.api.GatewayResponses;
import dev.gatehouse.auth.api.RequestIdentity;
import dev.gatehouse.auth.cognito.TokenRequirement;
import dev.gatehouse.auth.cognito.VerifiedToken;
import io.quarkus.logging.Log;
import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Singleton;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The authorizer filters' path in {@code api-gateway} mode: nothing is verified again, the caller
 * API Gateway established is taken from the Lambda event, and a protected route whose authorizer
 * result is missing is refused exactly as the self-enforcing authorizer refuses an unauthenticated
 * request. Never served open: a request that is not a Lambda event has no authorizer result.
 */
@Singleton
public class ApiGatewayAuthorizers {

    private final boolean enabled;

    ApiGatewayAuthorizers(GatewayModeConfig config) {
        this.enabled = config.mode() == GatewayModeConfig.Mode.API_GATEWAY;
        if (enabled) {
            Log.info(
                    "Gateway mode api-gateway: callers are authenticated by API Gateway's"
                            + " authorizers; API keys and usage plans are still enforced here");
        }
    }

    /** Whether API Gateway, not the suite, authenticates the callers of protected routes. */
    public boolean enabled() {
        return enabled;
    }

    /**
     * An {@code AWS_IAM} route: the identity from {@code requestContext.authorizer.iam}, or 403
     * {@code Missing Authentication Token} (null when accepted).
     */
    public Response acceptIam(ContainerRequestContext request, HttpServerRequest http) {
        Optional<RequestIdentity> identity =
                AuthorizerContext.of(http).flatMap(ApiGatewayIdentities::iam);
        if (identity.isEmpty()) {
            Log.debugf(
                    "IAM route %s without an IAM authorizer result",
                    request.getUriInfo().getPath());
            return GatewayResponses.of(GatewayResponseType.MISSING_AUTHENTICATION_TOKEN);
        }
        request.setProperty(RequestIdentity.PROPERTY, identity.get());
        return null;
    }

    /**
     * A {@code COGNITO_USER_POOLS} route: the identity from {@code requestContext.authorizer.jwt},
     * checked against the route's token use, clients and scopes (claims only, the signature is API
     * Gateway's job), or 401 {@code Unauthorized} (null when accepted).
     */
    public Response acceptJwt(
            ContainerRequestContext request, HttpServerRequest http, TokenRequirement requirement) {
        Optional<RequestContext> context = AuthorizerContext.of(http);
        Optional<RequestIdentity> identity = context.flatMap(ApiGatewayIdentities::jwt);
        if (identity.isEmpty()) {
            Log.debugf(
                    "JWT route %s without a JWT authorizer result", request.getUriInfo().getPath());
            return GatewayResponses.of(GatewayResponseType.UNAUTHORIZED);
        }
        String violation = requirement.violation(asToken(identity.get().claims(), context.get()));
        if (violation != null) {
            Log.debugf("JWT authorizer result refused: %s", violation);
            return GatewayResponses.of(GatewayResponseType.UNAUTHORIZED);
        }
        request.setProperty(RequestIdentity.PROPERTY, identity.get());
        return null;
    }

    private static VerifiedToken asToken(Map<String, String> claims, RequestContext context) {
        String tokenUse = claims.get("token_use");
        Set<String> scopes = new HashSet<>();
        String scope = claims.get("scope");
        if (scope != null && !scope.isBlank()) {
            scopes.addAll(Arrays.asList(scope.trim().split("\\s+")));
        }
        var jwt = context.getAuthorizer().getJwt();
        if (jwt.getScopes() != null) {
            jwt.getScopes().stream().filter(Objects::nonNull).forEach(scopes::add);
        }
        String clientId = "id".equals(tokenUse) ? claims.get("aud") : claims.get("client_id");
        return new VerifiedToken(claims, tokenUse, clientId, Set.copyOf(scopes), 0L);
    }
}
