package dev.gatehouse.auth.usageplan.rest;

import dev.gatehouse.auth.usageplan.QuotaPeriod;
import dev.gatehouse.auth.usageplan.UsageDecision;
import jakarta.ws.rs.core.MultivaluedMap;
import java.util.Map;
import java.util.Optional;
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
    private record PolicyOf(String plan, Optional<Limit> throttle, Optional<Limit> quota) {}

    /** A limit as a policy names it: {@code q} requests per window {@code w} (seconds). */
    private record Limit(long q, long w) {}

    private final Map<PolicyOf, String> policies = new ConcurrentHashMap<>();

    void write(MultivaluedMap<String, Object> headers, UsageDecision decision) {
        if (decision.throttle().isPresent() || decision.quota().isPresent()) {
            PolicyOf policy =
                    new PolicyOf(
                            decision.plan(),
                            decision.throttle().map(RateLimitHeaders::limit),
                            decision.quota().map(RateLimitHeaders::limit));
            headers.putSingle(
                    "RateLimit-Policy", policies.computeIfAbsent(policy, RateLimitHeaders::policy));
            headers.putSingle("RateLimit", limits(decision));
        }
        decision.retryAfterSeconds()
                .ifPresent(
                        seconds ->
                                headers.putSingle(
                                        "Retry-After", Long.toString(Math.max(1, seconds))));
    }

    private static Limit limit(UsageDecision.Throttle throttle) {
        double rate = Math.max(0, throttle.rateLimit());
        long window =
                rate > 0 ? Math.max(1, (long) Math.ceil(throttle.burstLimit() / rate)) : 86_400;
        return new Limit(throttle.burstLimit(), window);
    }

    private static Limit limit(UsageDecision.Quota quota) {
        return new Limit(quota.limit(), seconds(quota.period()));
    }

    private static String policy(PolicyOf of) {
        StringBuilder policy = new StringBuilder(64);
        of.throttle()
                .ifPresent(
                        limit ->
                                policy.append("\"throttle\";q=")
                                        .append(limit.q())
                                        .append(";w=")
                                        .append(limit.w()));
        of.quota()
                .ifPresent(
                        limit -> {
                            if (!policy.isEmpty()) {
                                policy.append(", ");
                            }
                            policy.append("\"quota\";q=")
                                    .append(limit.q())
                                    .append(";w=")
                                    .append(limit.w());
                        });
        return policy.toString();
    }

    private static String limits(UsageDecision decision) {
        StringBuilder limits = new StringBuilder(64);
        decision.throttle()
                .ifPresent(
                        throttle ->
                                limits.append("\"throttle\";r=")
                                        .append(throttle.tokensLeft())
                                        .append(";t=")
                                        .append(Math.max(0, throttle.secondsToFull())));
        decision.quota()
                .ifPresent(
                        quota -> {
                            if (!limits.isEmpty()) {
                                limits.append(", ");
                            }
                            limits.append("\"quota\";r=")
                                    .append(Math.max(0, quota.remaining()))
                                    .append(";t=")
                                    .append(Math.max(0, quota.secondsToPeriodEnd()));
                        });
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
