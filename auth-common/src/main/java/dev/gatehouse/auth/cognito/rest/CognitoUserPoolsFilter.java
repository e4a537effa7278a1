package dev.gatehouse.auth.cognito.rest;

import dev.gatehouse.auth.api.GatewayResponseType;
import dev.gatehouse.auth.api.GatewayResponses;
import dev.gatehouse.auth.api.RequestIdentity;
import dev.gatehouse.auth.cognito.CognitoAuthorizer;
import dev.gatehouse.auth.cognito.TokenRequirement;
import dev.gatehouse.auth.cognito.config.CognitoConfig;
import dev.gatehouse.auth.gateway.lambda.ApiGatewayAuthorizers;
import dev.gatehouse.auth.sigv4.VertxSignedRequests;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.inject.Instance;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Applies {@code @CognitoUserPoolsRequired} at priority AUTHENTICATION (before the API key check).
 * Every refusal, a missing header included, is API Gateway's 401 {@code
 * {"message":"Unauthorized"}}.
 */
public class CognitoUserPoolsFilter {

    private final CognitoConfig config;
    private final CognitoRoutes routes;
    private final Instance<CognitoAuthorizer> authorizer;
    private final ApiGatewayAuthorizers gateway;
    private volatile CognitoAuthorizer resolved;

    CognitoUserPoolsFilter(
            CognitoConfig config,
            Instance<CognitoAuthorizer> authorizer,
            ApiGatewayAuthorizers gateway) {
        this.config = config;
        this.routes = new CognitoRoutes(config);
        this.authorizer = authorizer;
        this.gateway = gateway;
    }

    @ServerRequestFilter(priority = Priorities.AUTHENTICATION)
    public Uni<Response> authenticate(
            ContainerRequestContext context, ResourceInfo resource, HttpServerRequest http) {
        if (!config.enabled()) {
            return Uni.createFrom().nullItem();
        }
        TokenRequirement requirement =
                routes.requirement(resource.getResourceClass(), resource.getResourceMethod());
        if (requirement == null) {
            return Uni.createFrom().nullItem();
        }
        if (gateway.enabled()) {
            return Uni.createFrom().item(gateway.acceptJwt(context, http, requirement));
        }
        return authorizer()
                .authorize(context.getHeaderString(HttpHeaders.AUTHORIZATION), requirement)
                .map(
                        token -> {
                            if (token == null) {
                                return GatewayResponses.of(GatewayResponseType.UNAUTHORIZED);
                            }
                            context.setProperty(
                                    RequestIdentity.PROPERTY,
                                    RequestIdentity.cognitoUserPool(
                                            VertxSignedRequests.sourceIp(http),
                                            http.getHeader(HttpHeaders.USER_AGENT),
                                            token.claims()));
                            return null;
                        });
    }

    private CognitoAuthorizer authorizer() {
        CognitoAuthorizer a = resolved;
        if (a == null) {
            resolved = a = authorizer.get();
        }
        return a;
    }
}
