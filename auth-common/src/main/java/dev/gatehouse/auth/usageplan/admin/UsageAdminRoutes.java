package dev.gatehouse.auth.usageplan.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gatehouse.auth.api.GatewayResponseType;
import dev.gatehouse.auth.api.GatewayResponses;
import dev.gatehouse.auth.iam.IamAuthorizer;
import dev.gatehouse.auth.iam.config.IamConfig;
import dev.gatehouse.auth.usageplan.config.MeteringConfig;
import dev.gatehouse.auth.usageplan.controlplane.StoredUsagePlan;
import io.quarkus.logging.Log;
import io.quarkus.vertx.http.ManagementInterface;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Usage reports on the management interface only (never the public port), in the shape of the API
 * Gateway control plane: {@code GET /usageplans/{id}/usage?startDate&endDate[&keyId]} and {@code
 * PATCH /usageplans/{id}/keys/{keyId}/usage} with {@code replace /remaining}.
 */
@ApplicationScoped
public class UsageAdminRoutes {

    private final MeteringConfig config;
    private final Instance<UsageReports> reports;
    private final ObjectMapper json;
    private final ControlPlaneAuthorization authorization;

    UsageAdminRoutes(
            MeteringConfig config,
            Instance<UsageReports> reports,
            ObjectMapper json,
            IamConfig iam,
            Instance<IamAuthorizer> authorizer) {
        this.config = config;
        this.reports = reports;
        this.json = json;
        this.authorization = new ControlPlaneAuthorization(iam, authorizer);
    }

    void register(@Observes ManagementInterface management) {
        if (!config.enabled()) {
            return;
        }
        management
                .router()
                .get("/usageplans/:planId/usage")
                .handler(
                        authorization.require(
                                "apigateway:GET",
                                rc -> "/usageplans/" + rc.pathParam("planId") + "/usage"))
                .handler(this::getUsage);
        management
                .router()
                .patch("/usageplans/:planId/keys/:keyId/usage")
                .handler(BodyHandler.create().setBodyLimit(16_384))
                .handler(
                        authorization.require(
                                "apigateway:PATCH",
                                rc ->
                                        "/usageplans/"
                                                + rc.pathParam("planId")
                                                + "/keys/"
                                                + rc.pathParam("keyId")
                                                + "/usage"))
                .handler(this::updateUsage);
    }

    private void getUsage(RoutingContext rc) {
        withPlan(rc, plan -> getUsage(rc, plan));
    }

    private void getUsage(RoutingContext rc, StoredUsagePlan plan) {
        LocalDate start;
        LocalDate end;
        try {
            start = date(rc, "startDate");
            end = date(rc, "endDate");
        } catch (IllegalArgumentException e) {
            bad(rc, e.getMessage());
            return;
        }
        if (end.isBefore(start) || ChronoUnit.DAYS.between(start, end) >= UsageReports.MAX_DAYS) {
            bad(
                    rc,
                    "endDate must be on or after startDate and at most "
                            + UsageReports.MAX_DAYS
                            + " days later");
            return;
        }
        String keyId = rc.queryParams().get("keyId");
        if (keyId != null && !plan.keyIds().contains(keyId)) {
            error(rc, 404, "NotFoundException", "Invalid API Key identifier specified");
            return;
        }
        List<String> ids = keyId == null ? plan.keyIds() : List.of(keyId);
        respond(
                rc,
                reports.get()
                        .store()
                        .keys(ids)
                        .flatMap(
                                keys ->
                                        reports.get()
                                                .usage(
                                                        plan.toUsagePlan(),
                                                        List.copyOf(keys.values()),
                                                        start,
                                                        end)));
    }

    private void updateUsage(RoutingContext rc) {
        withPlan(rc, plan -> updateUsage(rc, plan));
    }

    private void updateUsage(RoutingContext rc, StoredUsagePlan plan) {
        String keyId = rc.pathParam("keyId");
        if (!plan.keyIds().contains(keyId)) {
            error(rc, 404, "NotFoundException", "Invalid API Key identifier specified");
            return;
        }
        if (plan.toUsagePlan().quota().isEmpty()) {
            bad(rc, "Usage plan " + plan.id() + " has no quota to update");
            return;
        }
        long remaining;
        try {
            remaining = remaining(rc.body().asString());
        } catch (IllegalArgumentException e) {
            bad(rc, e.getMessage());
            return;
        }
        respond(
                rc,
                reports.get()
                        .store()
                        .key(keyId)
                        .flatMap(
                                key -> {
                                    if (key.isEmpty()) {
                                        return Uni.createFrom()
                                                .failure(new IllegalStateException("key gone"));
                                    }
                                    return reports.get()
                                            .updateRemaining(
                                                    plan.toUsagePlan(), key.get(), remaining);
                                }));
    }

    private void withPlan(RoutingContext rc, java.util.function.Consumer<StoredUsagePlan> then) {
        reports.get()
                .store()
                .plan(rc.pathParam("planId"))
                .subscribe()
                .with(
                        plan -> {
                            if (plan.isEmpty()) {
                                error(
                                        rc,
                                        404,
                                        "NotFoundException",
                                        "Invalid Usage Plan ID specified");
                            } else {
                                then.accept(plan.get());
                            }
                        },
                        failure -> fail(rc, failure));
    }

    /** Reads {@code {"patchOperations":[{"op":"replace","path":"/remaining","value":"<n>"}]}}. */
    long remaining(String body) {
        JsonNode root;
        try {
            root = body == null || body.isBlank() ? null : json.readTree(body);
        } catch (IOException e) {
            throw new IllegalArgumentException("Request body is not valid JSON");
        }
        JsonNode operations = root == null ? null : root.get("patchOperations");
        if (operations == null || !operations.isArray() || operations.size() != 1) {
            throw new IllegalArgumentException(
                    "patchOperations must hold exactly one operation: replace /remaining");
        }
        JsonNode op = operations.get(0);
        if (!"replace".equals(op.path("op").asText())
                || !"/remaining".equals(op.path("path").asText())) {
            throw new IllegalArgumentException(
                    "Only the patch operation replace /remaining is supported");
        }
        try {
            long value = Long.parseLong(op.path("value").asText().strip());
            if (value < 0 || value > Integer.MAX_VALUE) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    "patchOperations[0].value must be a whole number of requests, 0 or more");
        }
    }

    private static LocalDate date(RoutingContext rc, String name) {
        String value = rc.queryParams().get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is required (YYYY-MM-DD)");
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(name + " must be a date in the form YYYY-MM-DD");
        }
    }

    private void respond(RoutingContext rc, Uni<UsageReports.Usage> usage) {
        usage.subscribe()
                .with(
                        result -> {
                            try {
                                rc.response()
                                        .putHeader("Content-Type", "application/json")
                                        .end(json.writeValueAsString(result));
                            } catch (IOException e) {
                                fail(rc, e);
                            }
                        },
                        failure -> fail(rc, failure));
    }

    private static void fail(RoutingContext rc, Throwable failure) {
        Log.error("usage report failed", failure);
        GatewayResponseType type = GatewayResponseType.SERVICE_UNAVAILABLE;
        error(rc, type.status(), type.errorType(), type.defaultMessage());
    }

    private static void bad(RoutingContext rc, String message) {
        error(rc, 400, "BadRequestException", message);
    }

    private static void error(RoutingContext rc, int status, String type, String message) {
        HttpServerResponse response = rc.response().setStatusCode(status);
        response.putHeader("Content-Type", "application/json")
                .putHeader(GatewayResponses.ERROR_TYPE_HEADER, type)
                .end(GatewayResponses.messageBody(message));
    }
}
