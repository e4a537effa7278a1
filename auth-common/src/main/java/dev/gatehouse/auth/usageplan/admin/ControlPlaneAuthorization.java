package dev.gatehouse.auth.usageplan.admin;

import dev.gatehouse.auth.api.GatewayResponses;
import dev.gatehouse.auth.api.RequestIdentity;
import dev.gatehouse.auth.iam.IamAuthorizer;
import dev.gatehouse.auth.iam.IamOutcome;
import dev.gatehouse.auth.iam.IamRejection;
import dev.gatehouse.auth.iam.IamRequest;
import dev.gatehouse.auth.iam.config.IamConfig;
import dev.gatehouse.auth.sigv4.VertxSignedRequests;
import io.quarkus.logging.Log;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.inject.Instance;
import java.util.function.Function;

/**
 * Guards the admin routes the way the API Gateway control plane is guarded: the caller signs with
 * SigV4 for service {@code apigateway}, and its identity policies must allow {@code apigateway:GET}
 * (usage reports) or {@code apigateway:PATCH} (usage updates) on the usage plan's ARN, {@code
 * arn:aws:apigateway:<region>::/usageplans/<id>/...}.
 */
final class ControlPlaneAuthorization {

    private final IamConfig config;
    private final Instance<IamAuthorizer> authorizer;

    ControlPlaneAuthorization(IamConfig config, Instance<IamAuthorizer> authorizer) {
        this.config = config;
        this.authorizer = authorizer;
        if (!config.enabled()) {
            Log.warn(
                    "gatehouse.iam.enabled=false: the usage-plan admin routes accept unsigned"
                            + " callers (they stay on the management interface)");
        }
    }

    /**
     * A handler that lets the request through when the caller may perform {@code action} on the
     * resource path {@code path} gives for it (e.g. {@code /usageplans/free/usage}).
     */
    io.vertx.core.Handler<RoutingContext> require(
            String action, Function<RoutingContext, String> path) {
        return rc -> {
            if (!config.enabled()) {
                rc.next();
                return;
            }
            byte[] body =
                    rc.body() == null || rc.body().buffer() == null
                            ? new byte[0]
                            : rc.body().buffer().getBytes();
            IamRequest request =
                    new IamRequest(
                            VertxSignedRequests.of(rc.request(), body),
                            action,
                            "arn:aws:apigateway:" + config.region() + "::" + path.apply(rc),
                            VertxSignedRequests.sourceIp(rc.request()),
                            rc.request().isSSL());
            authorizer
                    .get()
                    .authorize(request)
                    .subscribe()
                    .with(
                            outcome -> {
                                if (outcome instanceof IamOutcome.Allowed allowed) {
                                    rc.put(RequestIdentity.PROPERTY, allowed.identity());
                                    rc.next();
                                } else {
                                    reject(rc, ((IamOutcome.Rejected) outcome).rejection());
                                }
                            },
                            rc::fail);
        };
    }

    private static void reject(RoutingContext rc, IamRejection rejection) {
        rc.response()
                .setStatusCode(rejection.status())
                .putHeader("Content-Type", "application/json")
                .putHeader(GatewayResponses.ERROR_TYPE_HEADER, rejection.errorType())
                .end(rejection.body());
    }
}
