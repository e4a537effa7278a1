package dev.gatehouse.auth.usageplan;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A validated usage plan.
 *
 * @param methodThrottles by AWS method key, e.g. {@code /stores/GET}
 * @param apis the APIs covered; {@code *} for all
 */
public record UsagePlan(
        String name,
        Optional<QuotaSettings> quota,
        Optional<ThrottleSettings> throttle,
        Map<String, ThrottleSettings> methodThrottles,
        Set<String> apis,
        boolean failOpen) {

    public static final String ALL_APIS = "*";

    public boolean covers(String api) {
        return apis.contains(ALL_APIS) || apis.contains(api);
    }
}
