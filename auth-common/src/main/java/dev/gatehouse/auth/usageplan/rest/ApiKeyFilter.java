package dev.gatehouse.auth.usageplan.rest;

import dev.gatehouse.auth.api.GatewayResponseType;
import dev.gatehouse.auth.api.GatewayResponses;
import dev.gatehouse.auth.gateway.AuthorizerPhases;
import dev.gatehouse.auth.usageplan.UsageDecision;
import dev.gatehouse.auth.usageplan.UsageMetrics;
import dev.gatehouse.auth.usageplan.UsagePlanLimiter;
import dev.gatehouse.auth.usageplan.config.MeteringConfig;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.inject.Instance;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;
import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveContainerRequestContext;

/**
 * Applies {@code @ApiKeyRequired}: the API key check and usage plan (throttle, quota) run after the
 * route's authorizer, as in API Gateway. Rejections use API Gateway's bodies and error types.
 */
public class ApiKeyFilter {

    private static final String DECISION = ApiKeyFilter.class.getName() + ".decision";

    private final MethodKeys methodKeys = new MethodKeys();
    private final RateLimitHeaders rateLimitHeaders = new RateLimitHeaders();
    private final MeteringConfig config;
    private final Instance<UsagePlanLimiter> limiter;
    private final UsageMetrics metrics;

    ApiKeyFilter(MeteringConfig config, Instance<UsagePlanLimiter> limiter, UsageMetrics metrics) {
        this.config = config;
        this.limiter = limiter;
        this.metrics = metrics;
    }

    /**
     * The check, after the route's authorizer as API Gateway orders them. Quarkus REST runs every
     * {@code readBody} filter after all the others, and in reverse priority order among themselves,
     * so an authorizer that hashes the body (SigV4 on a route that reads one) cannot be ordered
     * before this filter by priorities: for those routes the authorizer itself calls {@link
     * #checkAfterAuthorizer} once it has allowed the request, and this filter stands aside. An
     * unauthenticated caller then never spends quota nor learns whether a key is valid.
     */
    @ServerRequestFilter(priority = Priorities.AUTHORIZATION)
    public void check(
            ResteasyReactiveContainerRequestContext request,
            ResourceInfo resource,
            HttpServerRequest http) {
        if (!AuthorizerPhases.authorizesAfterBody(
                resource.getResourceClass(), resource.getResourceMethod())) {
            decide(request, resource, http, false);
        }
    }

    /**
     * The key check of a route whose authorizer runs after the body is read, called by that
     * authorizer once it has allowed the request; {@code suspended} when the request is already
     * suspended (the authorizer waited for Redis), and then it is resumed when this is decided.
     */
    public void checkAfterAuthorizer(
            ResteasyReactiveContainerRequestContext request,
            ResourceInfo resource,
            HttpServerRequest http,
            boolean suspended) {
        decide(request, resource, http, suspended);
    }

    /**
     * Suspends the request while Redis decides and resumes it from the reply, without a reactive
     * pipeline per request: this runs on every keyed request. The header is read from the Vert.x
     * request: Quarkus REST's own header view copies every header into a sorted map first.
     */
    private void decide(
            ResteasyReactiveContainerRequestContext request,
            ResourceInfo resource,
            HttpServerRequest http,
            boolean suspended) {
        Optional<String> resourcePath =
                methodKeys.resourcePath(resource.getResourceClass(), resource.getResourceMethod());
        if (resourcePath.isEmpty() || !config.enabled()) {
            if (suspended) {
                request.resume();
            }
            return;
        }
        String methodKey = resourcePath.get() + "/" + request.getMethod();
        Optional<String> key = ApiKeyHeader.read(http.headers().getAll(ApiKeyHeader.NAME));
        if (key.isEmpty()) {
            metrics.record(UsageDecision.of(UsageDecision.Outcome.FORBIDDEN));
            request.abortWith(GatewayResponses.of(GatewayResponseType.INVALID_API_KEY));
            if (suspended) {
                request.resume();
            }
            return;
        }
        if (!suspended) {
            request.suspend();
        }
        limiter()
                .decide(
                        key.get(),
                        methodKey,
                        (decision, failure) -> {
                            if (failure != null) {
                                request.resume(failure);
                                return;
                            }
                            Response refusal = apply(request, decision);
                            if (refusal != null) {
                                request.abortWith(refusal);
                            }
                            request.resume();
                        });
    }

    /** Records the decision; the response that refuses the request, or null to let it through. */
    private Response apply(ContainerRequestContext request, UsageDecision decision) {
        metrics.record(decision);
        return switch (decision.outcome()) {
            case ALLOWED -> {
                request.setProperty(DECISION, decision);
                yield null;
            }
            case SERVED_WITHOUT_LIMITS -> null;
            case FORBIDDEN -> GatewayResponses.of(GatewayResponseType.INVALID_API_KEY);
            case UNAVAILABLE -> GatewayResponses.of(GatewayResponseType.SERVICE_UNAVAILABLE);
            case THROTTLED ->
                    withHeaders(GatewayResponses.of(GatewayResponseType.THROTTLED), decision);
            case QUOTA_EXCEEDED ->
                    withHeaders(GatewayResponses.of(GatewayResponseType.QUOTA_EXCEEDED), decision);
        };
    }

    @ServerResponseFilter
    public void rateLimitHeaders(
            ContainerRequestContext request, ContainerResponseContext response) {
        if (request.getProperty(DECISION) instanceof UsageDecision decision
                && config.rateLimitHeaders()
                && response.getStatus() / 100 == 2) {
            rateLimitHeaders.write(response.getHeaders(), decision);
        }
    }

    // Resolved on first use, not per request: the limiter needs Redis, which a service without
    // keyed routes (index-service) never configures.
    private volatile UsagePlanLimiter resolvedLimiter;

    private UsagePlanLimiter limiter() {
        UsagePlanLimiter l = resolvedLimiter;
        if (l == null) {
            resolvedLimiter = l = limiter.get();
        }
        return l;
    }

    private Response withHeaders(Response response, UsageDecision decision) {
        if (config.rateLimitHeaders()) {
            rateLimitHeaders.write(response.getHeaders(), decision);
        }
        return response;
    }
}
