package dev.gatehouse.auth.usageplan.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gatehouse.auth.api.GatewayResponses;
import dev.gatehouse.auth.api.RequestIdentity;
import dev.gatehouse.auth.iam.IamAuthorizer;
import dev.gatehouse.auth.iam.config.IamConfig;
import dev.gatehouse.auth.usageplan.config.MeteringConfig;
import dev.gatehouse.auth.usageplan.controlplane.ApiKeyImport;
import dev.gatehouse.auth.usageplan.controlplane.ApiKeys;
import dev.gatehouse.auth.usageplan.controlplane.ControlPlaneException;
import dev.gatehouse.auth.usageplan.controlplane.ControlPlaneStore;
import dev.gatehouse.auth.usageplan.controlplane.UsagePlanKeys;
import dev.gatehouse.auth.usageplan.controlplane.UsagePlans;
import io.quarkus.logging.Log;
import io.quarkus.vertx.http.ManagementInterface;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import java.io.IOException;
import java.util.function.Function;

/**
 * API Gateway's control plane for API keys, usage plans and plan keys (REST-JSON, SigV4 service
 * {@code apigateway}) on the management interface, authorized as AWS authorizes it: action {@code
 * apigateway:<HTTP method>} on {@code arn:aws:apigateway:<region>::<request path>}. Each route maps
 * HTTP to one service call and a status code.
 */
@ApplicationScoped
public class ControlPlaneRoutes {

    private static final int BODY_LIMIT = 1_048_576;

    private final MeteringConfig config;
    private final Instance<ApiKeys> keys;
    private final Instance<ApiKeyImport> imports;
    private final Instance<UsagePlans> plans;
    private final Instance<UsagePlanKeys> planKeys;
    private final Instance<ControlPlaneStore> store;
    private final ObjectMapper json;
    private final ControlPlaneAuthorization authorization;

    ControlPlaneRoutes(
            MeteringConfig config,
            Instance<ApiKeys> keys,
            Instance<ApiKeyImport> imports,
            Instance<UsagePlans> plans,
            Instance<UsagePlanKeys> planKeys,
            Instance<ControlPlaneStore> store,
            ObjectMapper json,
            IamConfig iam,
            Instance<IamAuthorizer> authorizer) {
        this.config = config;
        this.keys = keys;
        this.imports = imports;
        this.plans = plans;
        this.planKeys = planKeys;
        this.store = store;
        this.json = json;
        this.authorization = new ControlPlaneAuthorization(iam, authorizer);
    }

    /** One operation: reads the request, returns the response body (null for none). */
    private interface Operation extends Function<RoutingContext, Uni<? extends Object>> {}

    void register(@Observes ManagementInterface management) {
        if (!config.enabled()) {
            return;
        }
        Router router = management.router();
        route(router, HttpMethod.POST, "/apikeys", 201, this::createOrImport);
        route(
                router,
                HttpMethod.GET,
                "/apikeys",
                200,
                rc ->
                        keys.get()
                                .list(
                                        query(rc, "name"),
                                        query(rc, "customerId"),
                                        flag(rc, "includeValues"),
                                        query(rc, "position"),
                                        query(rc, "limit")));
        route(
                router,
                HttpMethod.GET,
                "/apikeys/:keyId",
                200,
                rc -> keys.get().get(rc.pathParam("keyId"), flag(rc, "includeValue")));
        route(
                router,
                HttpMethod.PATCH,
                "/apikeys/:keyId",
                200,
                rc -> keys.get().update(rc.pathParam("keyId"), body(rc), caller(rc)));
        route(
                router,
                HttpMethod.DELETE,
                "/apikeys/:keyId",
                202,
                rc -> keys.get().delete(rc.pathParam("keyId"), caller(rc)));
        route(
                router,
                HttpMethod.POST,
                "/usageplans",
                201,
                rc -> plans.get().create(body(rc), caller(rc)));
        route(
                router,
                HttpMethod.GET,
                "/usageplans",
                200,
                rc ->
                        plans.get()
                                .list(
                                        query(rc, "keyId"),
                                        query(rc, "position"),
                                        query(rc, "limit")));
        route(
                router,
                HttpMethod.GET,
                "/usageplans/:planId",
                200,
                rc -> plans.get().get(rc.pathParam("planId")));
        route(
                router,
                HttpMethod.PATCH,
                "/usageplans/:planId",
                200,
                rc -> plans.get().update(rc.pathParam("planId"), body(rc), caller(rc)));
        route(
                router,
                HttpMethod.DELETE,
                "/usageplans/:planId",
                202,
                rc -> plans.get().delete(rc.pathParam("planId"), caller(rc)));
        route(
                router,
                HttpMethod.POST,
                "/usageplans/:planId/keys",
                201,
                rc -> planKeys.get().create(rc.pathParam("planId"), body(rc), caller(rc)));
        route(
                router,
                HttpMethod.GET,
                "/usageplans/:planId/keys",
                200,
                rc ->
                        planKeys.get()
                                .list(
                                        rc.pathParam("planId"),
                                        query(rc, "name"),
                                        query(rc, "position"),
                                        query(rc, "limit")));
        route(
                router,
                HttpMethod.GET,
                "/usageplans/:planId/keys/:keyId",
                200,
                rc -> planKeys.get().get(rc.pathParam("planId"), rc.pathParam("keyId")));
        route(
                router,
                HttpMethod.DELETE,
                "/usageplans/:planId/keys/:keyId",
                202,
                rc ->
                        planKeys.get()
                                .delete(rc.pathParam("planId"), rc.pathParam("keyId"), caller(rc)));
        route(
                router,
                HttpMethod.GET,
                "/audit",
                200,
                rc -> new AuditLog(store.get(), json).newest(query(rc, "limit")));
    }

    private Uni<?> createOrImport(RoutingContext rc) {
        if ("import".equals(query(rc, "mode"))) {
            return imports.get()
                    .importCsv(
                            query(rc, "format"),
                            flag(rc, "failonwarnings"),
                            rc.body().asString(),
                            caller(rc));
        }
        return keys.get().create(body(rc), caller(rc));
    }

    private void route(
            Router router, HttpMethod method, String path, int status, Operation operation) {
        router.route(method, path)
                .handler(BodyHandler.create().setBodyLimit(BODY_LIMIT))
                .handler(
                        authorization.require(
                                "apigateway:" + method.name(), rc -> rc.normalizedPath()))
                .handler(rc -> run(rc, status, operation));
    }

    private void run(RoutingContext rc, int status, Operation operation) {
        Uni<? extends Object> result;
        try {
            result = operation.apply(rc);
        } catch (RuntimeException e) {
            result = Uni.createFrom().failure(e);
        }
        result.subscribe()
                .with(
                        body -> {
                            try {
                                rc.response().setStatusCode(status);
                                if (body == null) {
                                    rc.response().end();
                                } else {
                                    rc.response()
                                            .putHeader("Content-Type", "application/json")
                                            .end(json.writeValueAsString(body));
                                }
                            } catch (IOException e) {
                                fail(rc, e);
                            }
                        },
                        failure -> fail(rc, failure));
    }

    private static void fail(RoutingContext rc, Throwable failure) {
        if (failure instanceof ControlPlaneException e) {
            error(rc, e.status(), e.errorType(), e.getMessage());
        } else if (failure instanceof ControlPlaneStore.VersionMoved) {
            error(rc, 429, "TooManyRequestsException", "Too Many Requests");
        } else {
            Log.error("control-plane operation failed", failure);
            error(rc, 500, "InternalServerErrorException", "Internal server error");
        }
    }

    private static void error(RoutingContext rc, int status, String type, String message) {
        if (rc.response().ended()) {
            return;
        }
        rc.response()
                .setStatusCode(status)
                .putHeader("Content-Type", "application/json")
                .putHeader(GatewayResponses.ERROR_TYPE_HEADER, type)
                .end(GatewayResponses.messageBody(message));
    }

    private JsonNode body(RoutingContext rc) {
        String text = rc.body() == null ? null : rc.body().asString();
        if (text == null || text.isBlank()) {
            return json.createObjectNode();
        }
        try {
            JsonNode node = json.readTree(text);
            if (!node.isObject()) {
                throw ControlPlaneException.badRequest("The request body must be a JSON object");
            }
            return node;
        } catch (IOException e) {
            throw ControlPlaneException.badRequest("Could not parse request body into json");
        }
    }

    private static String query(RoutingContext rc, String name) {
        return rc.queryParams().get(name);
    }

    private static boolean flag(RoutingContext rc, String name) {
        return "true".equalsIgnoreCase(rc.queryParams().get(name));
    }

    private static String caller(RoutingContext rc) {
        Object identity = rc.get(RequestIdentity.PROPERTY);
        if (identity instanceof RequestIdentity id && id.userArn() != null) {
            return id.userArn();
        }
        return "anonymous";
    }
}
