package dev.gatehouse.auth.usageplan.controlplane;

import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.gatehouse.auth.usageplan.controlplane.StoredUsagePlan.ApiStage;
import dev.gatehouse.auth.usageplan.controlplane.StoredUsagePlan.Quota;
import dev.gatehouse.auth.usageplan.controlplane.StoredUsagePlan.Throttle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code UpdateUsagePlan}'s patch operations, on the paths AWS documents: {@code /name}, {@code
 * /description}, {@code /productCode}, {@code /throttle/burstLimit|rateLimit}, {@code
 * /quota/limit|offset|period}, {@code add|remove /apiStages} with value {@code apiId:stage}, and
 * {@code /apiStages/<apiId>:<stage>/throttle/<resourcePath>/<httpMethod>/rateLimit|burstLimit} (the
 * resource path's slashes may be escaped as {@code ~1}).
 */
final class UsagePlanPatch {

    private UsagePlanPatch() {}

    static StoredUsagePlan apply(StoredUsagePlan plan, List<PatchOperation> ops) {
        String name = plan.name();
        String description = plan.description();
        String productCode = plan.productCode();
        Throttle throttle = plan.throttle();
        Quota quota = plan.quota();
        List<ApiStage> stages = new ArrayList<>(plan.apiStages());
        for (PatchOperation op : ops) {
            String path = op.path();
            String kind = op.op();
            if (path.equals("/name") && kind.equals("replace")) {
                name = ApiKeys.limited("name", op.required(), ApiKeys.MAX_NAME);
            } else if (path.equals("/description") && kind.equals("replace")) {
                description = ApiKeys.limited("description", op.value(), ApiKeys.MAX_DESCRIPTION);
            } else if (path.equals("/productCode") && kind.equals("replace")) {
                productCode = ApiKeys.limited("productCode", op.value(), ApiKeys.MAX_NAME);
            } else if (path.equals("/throttle") && kind.equals("remove")) {
                throttle = null;
            } else if (path.startsWith("/throttle/") && isSet(kind)) {
                throttle = throttle(throttle, path.substring(10), op, "throttle");
            } else if (path.equals("/quota") && kind.equals("remove")) {
                quota = null;
            } else if (path.startsWith("/quota/") && isSet(kind)) {
                Quota q = quota == null ? new Quota(null, 0, null) : quota;
                String v = op.required();
                quota =
                        switch (path.substring(7)) {
                            case "limit" ->
                                    new Quota(
                                            UsagePlanSettings.integer(
                                                    new TextNode(v), "quota.limit"),
                                            q.offset(),
                                            q.period());
                            case "offset" ->
                                    new Quota(
                                            q.limit(),
                                            UsagePlanSettings.integer(
                                                    new TextNode(v), "quota.offset"),
                                            q.period());
                            case "period" -> new Quota(q.limit(), q.offset(), v);
                            default -> throw op.unsupported();
                        };
            } else if (path.equals("/apiStages") && kind.equals("add")) {
                String[] ref = stageRef(op.required(), op);
                stages.add(UsagePlanSettings.stage(ref[0], ref[1], Map.of(), stages));
            } else if (path.equals("/apiStages") && kind.equals("remove")) {
                String[] ref = stageRef(op.required(), op);
                if (!stages.removeIf(s -> s.apiId().equals(ref[0]) && s.stage().equals(ref[1]))) {
                    throw ControlPlaneException.notFound(
                            "Invalid API stage " + ref[0] + ":" + ref[1] + " specified");
                }
            } else if (path.startsWith("/apiStages/")) {
                stages = methodThrottle(stages, path.substring(11), op);
            } else {
                throw op.unsupported();
            }
        }
        if (quota != null) {
            quota = UsagePlanSettings.checked(quota);
        }
        if (throttle != null) {
            throttle = UsagePlanSettings.checked(throttle, "throttle");
        }
        return new StoredUsagePlan(
                plan.id(),
                name,
                description,
                stages,
                throttle,
                quota,
                productCode,
                plan.tags(),
                plan.source(),
                plan.failOpen(),
                plan.keyIds());
    }

    private static boolean isSet(String kind) {
        return kind.equals("replace") || kind.equals("add");
    }

    private static Throttle throttle(Throttle t, String field, PatchOperation op, String where) {
        Throttle base = t == null ? new Throttle(null, null) : t;
        String v = op.required();
        return switch (field) {
            case "burstLimit" ->
                    new Throttle(
                            UsagePlanSettings.integer(new TextNode(v), where + ".burstLimit"),
                            base.rateLimit());
            case "rateLimit" ->
                    new Throttle(
                            base.burstLimit(),
                            UsagePlanSettings.number(
                                    new DoubleNode(parse(v, where)), where + ".rateLimit"));
            default -> throw op.unsupported();
        };
    }

    private static double parse(String v, String where) {
        try {
            return Double.parseDouble(v.strip());
        } catch (NumberFormatException e) {
            throw ControlPlaneException.badRequest(where + ".rateLimit must be a number");
        }
    }

    private static String[] stageRef(String value, PatchOperation op) {
        int colon = value.indexOf(':');
        if (colon <= 0 || colon == value.length() - 1) {
            throw ControlPlaneException.badRequest(
                    "Invalid API stage '" + value + "': must be <apiId>:<stage>");
        }
        return new String[] {value.substring(0, colon), value.substring(colon + 1)};
    }

    /** {@code <apiId>:<stage>/throttle/<resourcePath>/<method>[/rateLimit|/burstLimit]}. */
    private static List<ApiStage> methodThrottle(
            List<ApiStage> stages, String rest, PatchOperation op) {
        int slash = rest.indexOf('/');
        if (slash < 0 || !rest.startsWith("throttle", slash + 1)) {
            throw op.unsupported();
        }
        String[] ref = stageRef(rest.substring(0, slash), op);
        // After "throttle/": the resource path, its slashes escaped as ~1 (JSON pointer), e.g.
        // ~1stores/GET/rateLimit, or ~1/GET for the root resource.
        String target = rest.substring(slash + 1 + "throttle".length());
        if (target.startsWith("/")) {
            target = target.substring(1);
        }
        target = target.replace("~1", "/");
        if (!target.isEmpty() && !target.startsWith("/")) {
            target = "/" + target;
        }
        List<ApiStage> result = new ArrayList<>();
        boolean found = false;
        for (ApiStage stage : stages) {
            if (!stage.apiId().equals(ref[0]) || !stage.stage().equals(ref[1])) {
                result.add(stage);
                continue;
            }
            found = true;
            Map<String, Throttle> methods = new LinkedHashMap<>(stage.throttle());
            if (target.isEmpty() && op.op().equals("remove")) {
                methods.clear();
            } else if (op.op().equals("remove")) {
                if (methods.remove(target) == null) {
                    throw op.unsupported();
                }
            } else if (target.endsWith("/rateLimit") || target.endsWith("/burstLimit")) {
                int cut = target.lastIndexOf('/');
                String method = target.substring(0, cut);
                methods.put(
                        method,
                        throttle(methods.get(method), target.substring(cut + 1), op, "throttle"));
            } else {
                throw op.unsupported();
            }
            result.add(
                    UsagePlanSettings.stage(
                            stage.apiId(), stage.stage(), checkedAll(methods), List.of()));
        }
        if (!found) {
            throw ControlPlaneException.notFound(
                    "Invalid API stage " + ref[0] + ":" + ref[1] + " specified");
        }
        return result;
    }

    private static Map<String, Throttle> checkedAll(Map<String, Throttle> methods) {
        Map<String, Throttle> checked = new LinkedHashMap<>();
        methods.forEach((m, t) -> checked.put(m, UsagePlanSettings.checked(t, "throttle." + m)));
        return checked;
    }
}
