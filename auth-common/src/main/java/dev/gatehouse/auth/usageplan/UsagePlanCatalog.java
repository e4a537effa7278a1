package dev.gatehouse.auth.usageplan;

import dev.gatehouse.auth.usageplan.config.ApiKeysConfig;
import dev.gatehouse.auth.usageplan.config.UsagePlansConfig;
import io.quarkus.logging.Log;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The validated usage plans and API keys. Every invalid setting is reported at once, each naming
 * its property, and stops startup: a gateway that silently ignores a limit is worse than one that
 * does not start.
 */
public final class UsagePlanCatalog {

    static final Pattern KEY_VALUE = Pattern.compile("[A-Za-z0-9_-]{20,128}");
    static final Pattern METHOD_KEY =
            Pattern.compile("/.*/(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS|\\*)");
    private static final String PLANS = "gatehouse.usage-plans.";
    private static final String KEYS = "gatehouse.api-keys.";

    private final Map<String, UsagePlan> plans;
    private final Map<String, ApiKeyDefinition> keys;

    UsagePlanCatalog(Map<String, UsagePlan> plans, Map<String, ApiKeyDefinition> keys) {
        this.plans = Map.copyOf(plans);
        this.keys = Map.copyOf(keys);
    }

    /** Validates the configuration; throws {@link IllegalArgumentException} listing every error. */
    public static UsagePlanCatalog from(UsagePlansConfig planConfig, ApiKeysConfig keyConfig) {
        List<String> errors = new ArrayList<>();
        Map<String, UsagePlan> plans = new TreeMap<>();
        planConfig.plans().forEach((name, plan) -> plans.put(name, plan(name, plan, errors)));
        Map<String, ApiKeyDefinition> keys = new TreeMap<>();
        Map<String, String> nameByValue = new HashMap<>();
        keyConfig
                .keys()
                .forEach((name, key) -> keys.put(name, key(name, key, plans, nameByValue, errors)));
        if (!errors.isEmpty()) {
            throw new IllegalArgumentException(
                    "Invalid usage plan or API key configuration:\n  "
                            + String.join("\n  ", errors));
        }
        return new UsagePlanCatalog(plans, keys);
    }

    private static UsagePlan plan(String name, UsagePlansConfig.Plan plan, List<String> errors) {
        String prefix = PLANS + name + ".";
        Optional<QuotaSettings> quota = plan.quota().map(q -> quota(prefix + "quota.", q, errors));
        Optional<ThrottleSettings> throttle =
                plan.throttle().map(t -> throttle(prefix + "throttle.", t, errors));
        Map<String, ThrottleSettings> methods = new LinkedHashMap<>();
        plan.methodThrottle()
                .forEach(
                        (method, t) -> {
                            String property = prefix + "method-throttle.\"" + method + "\"";
                            if (!METHOD_KEY.matcher(method).matches()) {
                                errors.add(
                                        property
                                                + ": the key must be <resource path>/<HTTP method>,"
                                                + " e.g. /stores/GET");
                            }
                            methods.put(method, throttle(property + ".", t, errors));
                        });
        String policy = plan.redisUnavailable().toLowerCase(Locale.ROOT);
        if (!policy.equals("fail-open") && !policy.equals("fail-closed")) {
            errors.add(
                    prefix
                            + "redis-unavailable: must be fail-open or fail-closed, not '"
                            + plan.redisUnavailable()
                            + "'");
        }
        quota.filter(q -> q.offset() > 0 && q.period() == QuotaPeriod.DAY)
                .ifPresent(
                        q ->
                                Log.warnf(
                                        "%squota.offset with period DAY: AWS's own documentation"
                                            + " has described offset two ways; Gatehouse subtracts"
                                            + " it from the first day's limit",
                                        prefix));
        return new UsagePlan(
                name,
                quota,
                throttle,
                methods,
                new LinkedHashSet<>(plan.apis()),
                policy.equals("fail-open"));
    }

    private static QuotaSettings quota(
            String prefix, UsagePlansConfig.Quota quota, List<String> errors) {
        int limit = 0;
        if (quota.limit().isEmpty()) {
            errors.add(prefix + "limit: required when a quota is configured");
        } else if (quota.limit().getAsInt() < 0) {
            errors.add(prefix + "limit: must be 0 or more, not " + quota.limit().getAsInt());
        } else {
            limit = quota.limit().getAsInt();
        }
        if (quota.offset() < 0) {
            errors.add(prefix + "offset: must be 0 or more, not " + quota.offset());
        }
        QuotaPeriod period = QuotaPeriod.MONTH;
        if (quota.period().isEmpty()) {
            errors.add(prefix + "period: required (DAY, WEEK or MONTH)");
        } else {
            try {
                period = QuotaPeriod.valueOf(quota.period().get().strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                errors.add(
                        prefix
                                + "period: unknown period '"
                                + quota.period().get()
                                + "' (DAY, WEEK or MONTH)");
            }
        }
        return new QuotaSettings(limit, Math.max(0, quota.offset()), period);
    }

    private static ThrottleSettings throttle(
            String prefix, UsagePlansConfig.Throttle throttle, List<String> errors) {
        if (throttle.burstLimit().isEmpty() || throttle.rateLimit().isEmpty()) {
            errors.add(
                    prefix
                            + "burst-limit and "
                            + prefix
                            + "rate-limit: both are required for a throttle");
            return new ThrottleSettings(0, 0);
        }
        int burst = throttle.burstLimit().getAsInt();
        double rate = throttle.rateLimit().getAsDouble();
        if (burst < 0) {
            errors.add(prefix + "burst-limit: must be 0 or more, not " + burst);
        }
        if (!(rate >= 0) || Double.isInfinite(rate)) {
            errors.add(prefix + "rate-limit: must be 0 or more, not " + rate);
        }
        if (burst == 0 && rate > 0) {
            errors.add(
                    prefix
                            + "burst-limit: 0 with a positive rate-limit would refuse every"
                            + " request; set a burst of at least 1");
        }
        return new ThrottleSettings(rate, burst);
    }

    private static ApiKeyDefinition key(
            String name,
            ApiKeysConfig.Key key,
            Map<String, UsagePlan> plans,
            Map<String, String> nameByValue,
            List<String> errors) {
        String prefix = KEYS + name + ".";
        List<String> planNames =
                key.plan().stream().map(String::strip).filter(p -> !p.isEmpty()).toList();
        if (planNames.isEmpty()) {
            errors.add(prefix + "plan: required");
        }
        Map<String, String> planByApi = new HashMap<>();
        for (String planName : planNames) {
            UsagePlan plan = plans.get(planName);
            if (plan == null) {
                errors.add(
                        prefix
                                + "plan: names a missing usage plan '"
                                + planName
                                + "' (defined: "
                                + String.join(", ", plans.keySet())
                                + ")");
                continue;
            }
            for (String api : plan.apis()) {
                for (Map.Entry<String, String> other : planByApi.entrySet()) {
                    if (api.equals(other.getKey())
                            || api.equals(UsagePlan.ALL_APIS)
                            || other.getKey().equals(UsagePlan.ALL_APIS)) {
                        errors.add(
                                prefix
                                        + "plan: the key is in two plans ("
                                        + other.getValue()
                                        + ", "
                                        + planName
                                        + ") for the same API; AWS allows one plan per API stage");
                    }
                }
            }
            plan.apis().forEach(api -> planByApi.putIfAbsent(api, planName));
        }
        Optional<String> value = key.value().map(String::strip).filter(v -> !v.isEmpty());
        value.ifPresent(
                v -> {
                    if (!KEY_VALUE.matcher(v).matches()) {
                        errors.add(
                                prefix
                                        + "value: must be 20-128 characters of A-Z, a-z, 0-9, '-'"
                                        + " or '_' (the value itself is not shown)");
                    }
                    String other = nameByValue.putIfAbsent(v, name);
                    if (other != null) {
                        errors.add(
                                prefix
                                        + "value: the same value as "
                                        + KEYS
                                        + other
                                        + ".value; a key's value is its identity");
                    }
                });
        return new ApiKeyDefinition(name, planNames, value, key.enabled());
    }

    public Map<String, UsagePlan> plans() {
        return plans;
    }

    public Map<String, ApiKeyDefinition> keys() {
        return keys;
    }

    public Optional<UsagePlan> plan(String name) {
        return Optional.ofNullable(plans.get(name));
    }

    /** The plans of a key, in configuration order. */
    public List<UsagePlan> plansOf(ApiKeyDefinition key) {
        return key.plans().stream().map(plans::get).toList();
    }

    /** Plan names that cover {@code api}, for reports. */
    public Set<String> planNames() {
        return plans.keySet();
    }
}
