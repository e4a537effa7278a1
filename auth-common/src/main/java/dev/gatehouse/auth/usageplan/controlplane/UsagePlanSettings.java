package dev.gatehouse.auth.usageplan.controlplane;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.auth.usageplan.QuotaPeriod;
import dev.gatehouse.auth.usageplan.UsagePlan;
import dev.gatehouse.auth.usageplan.controlplane.StoredUsagePlan.ApiStage;
import dev.gatehouse.auth.usageplan.controlplane.StoredUsagePlan.Quota;
import dev.gatehouse.auth.usageplan.controlplane.StoredUsagePlan.Throttle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** Reading and checking a usage plan's {@code throttle}, {@code quota} and {@code apiStages}. */
final class UsagePlanSettings {

    static final Pattern METHOD_KEY =
            Pattern.compile("/.*/(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS|ANY|\\*)");
    static final int MAX_METHOD_THROTTLES = 20;

    private UsagePlanSettings() {}

    static Throttle throttle(JsonNode node, String where) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isObject()) {
            throw ControlPlaneException.badRequest(where + " must be an object");
        }
        Integer burst =
                node.has("burstLimit")
                        ? integer(node.get("burstLimit"), where + ".burstLimit")
                        : null;
        Double rate =
                node.has("rateLimit") ? number(node.get("rateLimit"), where + ".rateLimit") : null;
        return checked(new Throttle(burst, rate), where);
    }

    /**
     * A throttle as enforced: a rate without a burst gets a bucket of one second's rate (at least
     * one), since a bucket of 0 would refuse everything.
     */
    static Throttle checked(Throttle t, String where) {
        Integer burst = t.burstLimit();
        Double rate = t.rateLimit();
        if (burst != null && burst < 0) {
            throw ControlPlaneException.badRequest(where + ".burstLimit must be 0 or more");
        }
        if (rate != null && (!(rate >= 0) || rate.isInfinite())) {
            throw ControlPlaneException.badRequest(where + ".rateLimit must be 0 or more");
        }
        if (rate != null && rate > 0 && (burst == null || burst == 0)) {
            burst = (int) Math.max(1, Math.ceil(rate));
        }
        return new Throttle(burst, rate);
    }

    static Quota quota(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isObject()) {
            throw ControlPlaneException.badRequest("quota must be an object");
        }
        Integer limit = node.has("limit") ? integer(node.get("limit"), "quota.limit") : null;
        Integer offset = node.has("offset") ? integer(node.get("offset"), "quota.offset") : 0;
        String period = node.has("period") ? node.get("period").asText() : null;
        return checked(new Quota(limit, offset, period));
    }

    static Quota checked(Quota q) {
        if (q.limit() == null || q.limit() < 0) {
            throw ControlPlaneException.badRequest("quota.limit is required and must be 0 or more");
        }
        if (q.offset() != null && q.offset() < 0) {
            throw ControlPlaneException.badRequest("quota.offset must be 0 or more");
        }
        String period = q.period() == null ? "" : q.period().toUpperCase(Locale.ROOT);
        try {
            QuotaPeriod.valueOf(period);
        } catch (IllegalArgumentException e) {
            throw ControlPlaneException.badRequest(
                    "Invalid quota period specified: must be one of DAY, WEEK, MONTH");
        }
        return new Quota(q.limit(), q.offset() == null ? 0 : q.offset(), period);
    }

    static List<ApiStage> apiStages(JsonNode node) {
        List<ApiStage> stages = new ArrayList<>();
        if (node == null || node.isNull()) {
            return stages;
        }
        if (!node.isArray()) {
            throw ControlPlaneException.badRequest("apiStages must be a list");
        }
        for (JsonNode s : node) {
            String apiId = s.path("apiId").asText("");
            String stage = s.path("stage").asText("");
            Map<String, Throttle> methods = new LinkedHashMap<>();
            JsonNode throttle = s.get("throttle");
            if (throttle != null && throttle.isObject()) {
                throttle.fields()
                        .forEachRemaining(
                                e ->
                                        methods.put(
                                                e.getKey(),
                                                throttle(e.getValue(), "throttle." + e.getKey())));
            }
            stages.add(stage(apiId, stage, methods, stages));
        }
        return stages;
    }

    static ApiStage stage(
            String apiId, String stage, Map<String, Throttle> methods, List<ApiStage> others) {
        if (apiId.isEmpty() || stage.isEmpty() || apiId.length() > 128 || stage.length() > 128) {
            throw ControlPlaneException.badRequest("An API stage needs an apiId and a stage");
        }
        if (UsagePlan.ALL_APIS.equals(apiId) != UsagePlan.ALL_APIS.equals(stage)) {
            throw ControlPlaneException.badRequest("Invalid stage identifier specified");
        }
        methods.forEach(
                (key, t) -> {
                    if (!METHOD_KEY.matcher(key).matches()) {
                        throw ControlPlaneException.badRequest(
                                "Invalid method throttle key '"
                                        + key
                                        + "': must be <resource path>/<HTTP method>, e.g."
                                        + " /stores/GET");
                    }
                });
        if (methods.size() > MAX_METHOD_THROTTLES) {
            throw ControlPlaneException.limitExceeded(
                    "At most " + MAX_METHOD_THROTTLES + " method throttles per API stage");
        }
        ApiStage created = new ApiStage(apiId, stage, methods);
        for (ApiStage other : others) {
            if (other.scope().equals(created.scope())) {
                throw ControlPlaneException.conflict(
                        "API stage " + apiId + ":" + stage + " is already in the usage plan");
            }
        }
        return created;
    }

    /** Whether two stages overlap (the same API stage, or one covers every API). */
    static boolean overlap(ApiStage a, ApiStage b) {
        return a.scope().equals(b.scope())
                || a.scope().equals(UsagePlan.ALL_APIS)
                || b.scope().equals(UsagePlan.ALL_APIS);
    }

    static Integer integer(JsonNode node, String field) {
        if (node == null || !(node.isIntegralNumber() || node.isTextual())) {
            throw ControlPlaneException.badRequest(field + " must be a whole number");
        }
        try {
            long v = Long.parseLong(node.asText().strip());
            if (v > Integer.MAX_VALUE || v < Integer.MIN_VALUE) {
                throw new NumberFormatException();
            }
            return (int) v;
        } catch (NumberFormatException e) {
            throw ControlPlaneException.badRequest(field + " must be a whole number");
        }
    }

    static Double number(JsonNode node, String field) {
        if (node == null || !(node.isNumber() || node.isTextual())) {
            throw ControlPlaneException.badRequest(field + " must be a number");
        }
        try {
            return Double.parseDouble(node.asText().strip());
        } catch (NumberFormatException e) {
            throw ControlPlaneException.badRequest(field + " must be a number");
        }
    }
}
