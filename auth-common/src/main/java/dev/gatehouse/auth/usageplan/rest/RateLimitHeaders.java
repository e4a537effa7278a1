package dev.gatehouse.auth.usageplan.rest;

import dev.gatehouse.auth.usageplan.QuotaPeriod;
import dev.gatehouse.auth.usageplan.UsageDecision;
import jakarta.ws.rs.core.MultivaluedMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The IETF {@code RateLimit-Policy} and {@code RateLimit} fields (draft-ietf-httpapi-ratelimit-
 * headers-11: named policies, {@code q}/{@code w} and {@code r}/{@code t} parameters) and {@code
 * Retry-After} in whole seconds, at least 1.
 */
final class RateLimitHeaders {

    /**
     * A policy changes only with its plan's limits, so its field value is built once per limits
     * (the decision carries the limits it enforced, also of plans changed at run time).
     */
    private record PolicyOf(
            String plan, int burstLimit, double rateLimit, long quotaLimit, QuotaPeriod period) {}

    private final Map<PolicyOf, String> policies = new ConcurrentHashMap<>();

    void write(MultivaluedMap<String, Object> headers, UsageDecision decision) {
        if (decision.hasThrottle() || decision.hasQuota()) {
            headers.putSingle(
                    "RateLimit-Policy",
                    policies.computeIfAbsent(
                            new PolicyOf(
                                    decision.plan(),
                                    decision.burstLimit(),
                                    decision.rateLimit(),
                                    decision.quotaLimit(),
                                    decision.quotaPeriod().orElse(null)),
                            key -> policy(decision)));
            headers.putSingle("RateLimit", limits(decision));
        }
        if (decision.retryAfterSeconds() > 0) {
            headers.putSingle(
                    "Retry-After", Long.toString(Math.max(1, decision.retryAfterSeconds())));
        }
    }

    private static String policy(UsageDecision decision) {
        StringBuilder policy = new StringBuilder(64);
        if (decision.hasThrottle()) {
            double rate = Math.max(0, decision.rateLimit());
            long window =
                    rate > 0 ? Math.max(1, (long) Math.ceil(decision.burstLimit() / rate)) : 86_400;
            policy.append("\"throttle\";q=")
                    .append(decision.burstLimit())
                    .append(";w=")
                    .append(window);
        }
        if (decision.hasQuota()) {
            QuotaPeriod period = decision.quotaPeriod().orElse(QuotaPeriod.MONTH);
            if (!policy.isEmpty()) {
                policy.append(", ");
            }
            policy.append("\"quota\";q=")
                    .append(decision.quotaLimit())
                    .append(";w=")
                    .append(seconds(period));
        }
        return policy.toString();
    }

    private static String limits(UsageDecision decision) {
        StringBuilder limits = new StringBuilder(64);
        if (decision.hasThrottle()) {
            limits.append("\"throttle\";r=")
                    .append(decision.tokensLeft())
                    .append(";t=")
                    .append(Math.max(0, decision.secondsToFull()));
        }
        if (decision.hasQuota()) {
            if (!limits.isEmpty()) {
                limits.append(", ");
            }
            limits.append("\"quota\";r=")
                    .append(Math.max(0, decision.quotaRemaining()))
                    .append(";t=")
                    .append(Math.max(0, decision.secondsToPeriodEnd()));
        }
        return limits.toString();
    }

    private static long seconds(QuotaPeriod period) {
        return switch (period) {
            case DAY -> 86_400;
            case WEEK -> 604_800;
            // The nominal month; the exact end of the current one is in RateLimit's t.
            case MONTH -> 2_592_000;
        };
    }
}
