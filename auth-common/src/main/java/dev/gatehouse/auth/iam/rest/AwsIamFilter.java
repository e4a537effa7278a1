package dev.gatehouse.auth.iam.rest;

import dev.gatehouse.auth.api.RequestIdentity;
import dev.gatehouse.auth.gateway.lambda.ApiGatewayAuthorizers;
import dev.gatehouse.auth.iam.IamAuthorizer;
import dev.gatehouse.auth.iam.IamOutcome;
import dev.gatehouse.auth.iam.IamRejection;
import dev.gatehouse.auth.iam.IamRequest;
import dev.gatehouse.auth.iam.config.IamConfig;
import dev.gatehouse.auth.sigv4.SignedRequest;
import dev.gatehouse.auth.sigv4.VertxSignedRequests;
import dev.gatehouse.auth.usageplan.rest.ApiKeyFilter;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.inject.Instance;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Response;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveContainerRequestContext;

/**
 * Applies {@code @AwsIamRequired}: authentication comes first (priority AUTHENTICATION, before the
 * API key check), on the request exactly as received. For a body-consuming method it runs after the
 * body is in memory ({@code readBody}), so the real bytes are hashed without blocking, and then
 * starts the route's API key check itself once it has allowed the request (Quarkus REST cannot
 * order {@code readBody} filters by priority).
 */
public class AwsIamFilter {

    private static final byte[] NO_BODY = new byte[0];

    private final IamRoutes routes = new IamRoutes();
    private final IamConfig config;
    private final Instance<IamAuthorizer> authorizer;
    private final ApiGatewayAuthorizers gateway;
    private final ApiKeyFilter apiKeys;
    private volatile IamAuthorizer resolved;

    AwsIamFilter(
            IamConfig config,
            Instance<IamAuthorizer> authorizer,
            ApiGatewayAuthorizers gateway,
            ApiKeyFilter apiKeys) {
        this.config = config;
        this.authorizer = authorizer;
        this.gateway = gateway;
        this.apiKeys = apiKeys;
    }

    @ServerRequestFilter(priority = Priorities.AUTHENTICATION)
    public void authenticate(
            ResteasyReactiveContainerRequestContext context,
            ResourceInfo resource,
            HttpServerRequest http)
            throws IOException {
        // Quarkus REST runs every readBody filter after all the others (the API key check
        // included), so only routes that need their body hashed wait for it.
        if (resource.getResourceMethod() != null
                && !routes.readsBody(resource.getResourceMethod())) {
            authenticateRequest(context, resource, http, false);
        }
    }

    @ServerRequestFilter(priority = Priorities.AUTHENTICATION, readBody = true)
    public void authenticateWithBody(
            ResteasyReactiveContainerRequestContext context,
            ResourceInfo resource,
            HttpServerRequest http)
            throws IOException {
        if (resource.getResourceMethod() != null
                && routes.readsBody(resource.getResourceMethod())) {
            authenticateRequest(context, resource, http, true);
        }
    }

    /**
     * Decides at once when the caller's key is in memory (the usual case); only a key that must be
     * read from Redis suspends the request. No reactive pipeline on the usual path.
     */
    private void authenticateRequest(
            ResteasyReactiveContainerRequestContext context,
            ResourceInfo resource,
            HttpServerRequest http,
            boolean afterBody)
            throws IOException {
        if (!routes.protects(resource.getResourceClass(), resource.getResourceMethod())) {
            return;
        }
        // After the body, the API key check waits for this authorizer: see ApiKeyFilter#check.
        boolean keyCheckFollows = afterBody;
        if (!config.enabled()) {
            if (keyCheckFollows) {
                apiKeys.checkAfterAuthorizer(context, resource, http, false);
            }
            return;
        }
        if (gateway.enabled()) {
            Response refusal = gateway.acceptIam(context, http);
            if (refusal != null) {
                context.abortWith(refusal);
            } else if (keyCheckFollows) {
                apiKeys.checkAfterAuthorizer(context, resource, http, false);
            }
            return;
        }
        if (!routes.readsBody(resource.getResourceMethod()) && declaresBody(http) && signed(http)) {
            context.abortWith(IamRejection.unverifiableBody().toResponse());
            return;
        }
        SignedRequest signed = VertxSignedRequests.of(http, body(context, resource));
        String resourceArn =
                "arn:aws:execute-api:"
                        + config.region()
                        + ":"
                        + config.accountId()
                        + ":"
                        + config.apiId()
                        + "/"
                        + config.stage()
                        + "/"
                        + context.getMethod()
                        + context.getUriInfo().getPath();
        IamRequest request =
                new IamRequest(
                        signed,
                        "execute-api:Invoke",
                        resourceArn,
                        VertxSignedRequests.sourceIp(http),
                        http.isSSL());
        IamOutcome known = authorizer().authorizeFromMemory(request).orElse(null);
        boolean replayProtected =
                config.replayProtection()
                        || routes.replayProtected(
                                resource.getResourceClass(), resource.getResourceMethod());
        if (known != null && !(replayProtected && known instanceof IamOutcome.Allowed)) {
            if (apply(context, known) && keyCheckFollows) {
                apiKeys.checkAfterAuthorizer(context, resource, http, false);
            }
            return;
        }
        context.suspend();
        Uni<IamOutcome> outcome =
                known != null
                        ? Uni.createFrom().item(known)
                        : authorizer().authorizeAfterLookup(request);
        if (replayProtected) {
            outcome =
                    outcome.chain(
                            o ->
                                    o instanceof IamOutcome.Allowed allowed
                                            ? authorizer().firstUse(allowed)
                                            : Uni.createFrom().item(o));
        }
        outcome.subscribe()
                .with(
                        o -> {
                            if (apply(context, o) && keyCheckFollows) {
                                apiKeys.checkAfterAuthorizer(context, resource, http, true);
                            } else {
                                context.resume();
                            }
                        },
                        context::resume);
    }

    /** Records the outcome on the request; whether it was allowed. */
    private static boolean apply(ContainerRequestContext context, IamOutcome outcome) {
        if (outcome instanceof IamOutcome.Allowed allowed) {
            context.setProperty(RequestIdentity.PROPERTY, allowed.identity());
            return true;
        }
        context.abortWith(((IamOutcome.Rejected) outcome).rejection().toResponse());
        return false;
    }

    /**
     * The body bytes when the method reads the body (already buffered by then); a method without a
     * body parameter is treated as body-less, and its body is never read.
     */
    private static boolean signed(HttpServerRequest http) {
        return http.getHeader("authorization") != null || http.getParam("X-Amz-Signature") != null;
    }

    /** Whether the request says a body follows (a length above zero, or a chunked body). */
    private static boolean declaresBody(HttpServerRequest http) {
        String length = http.getHeader("content-length");
        if (length != null) {
            return !length.trim().equals("0");
        }
        return http.getHeader("transfer-encoding") != null;
    }

    private byte[] body(ContainerRequestContext context, ResourceInfo resource) throws IOException {
        if (!routes.readsBody(resource.getResourceMethod()) || !context.hasEntity()) {
            return NO_BODY;
        }
        byte[] bytes = context.getEntityStream().readAllBytes();
        context.setEntityStream(new ByteArrayInputStream(bytes));
        return bytes;
    }

    private IamAuthorizer authorizer() {
        IamAuthorizer a = resolved;
        if (a == null) {
            resolved = a = authorizer.get();
        }
        return a;
    }
}
