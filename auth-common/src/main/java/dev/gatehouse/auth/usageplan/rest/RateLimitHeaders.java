package dev.gatehouse.auth.usageplan.rest;

import dev.gatehouse.auth.usageplan.QuotaPeriod;
import dev.gatehouse.auth.usageplan.ThrottleSettings;
import dev.gatehouse.auth.usageplan.UsageDecision;
import dev.gatehouse.auth.usageplan.UsagePlan;
import jakarta.ws.rs.core.MultivaluedMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The IETF {@code RateLimit-Policy} and {@code RateLimit} fields (draft-ietf-httpapi-ratelimit-
 * headers-11: named policies, {@code q}/{@code w} and {@code r}/{@code t} parameters) and {@code
 * Retry-After} in whole seconds, at least 1.
 */
final class RateLimitHeaders {

    private RateLimitHeaders() {}

    static void write(
            MultivaluedMap<String, Object> headers,
            UsageDecision decision,
            UsagePlan plan,
            String methodKey) {
        List<String> policies = new ArrayList<>();
        List<String> limits = new ArrayList<>();
        if (decision.hasThrottle()) {
            double rate = throttleOf(plan, methodKey).map(ThrottleSettings::rateLimit).orElse(0.0);
            long window =
                    rate > 0 ? Math.max(1, (long) Math.ceil(decision.burstLimit() / rate)) : 86_400;
            policies.add("\"throttle\";q=" + decision.burstLimit() + ";w=" + window);
            limits.add(
                    "\"throttle\";r="
                            + decision.tokensLeft()
                            + ";t="
                            + Math.max(0, decision.secondsToFull()));
        }
        if (decision.hasQuota()) {
            QuotaPeriod period = plan.quota().map(q -> q.period()).orElse(QuotaPeriod.MONTH);
            policies.add("\"quota\";q=" + decision.quotaLimit() + ";w=" + seconds(period));
            limits.add(
                    "\"quota\";r="
                            + Math.max(0, decision.quotaRemaining())
                            + ";t="
                            + Math.max(0, decision.secondsToPeriodEnd()));
        }
        if (!policies.isEmpty()) {
            headers.putSingle("RateLimit-Policy", String.join(", ", policies));
            headers.putSingle("RateLimit", String.join(", ", limits));
        }
        if (decision.retryAfterSeconds() > 0) {
            headers.putSingle(
                    "Retry-After", Long.toString(Math.max(1, decision.retryAfterSeconds())));
        }
    }

    private static Optional<ThrottleSettings> throttleOf(UsagePlan plan, String methodKey) {
        return Optional.ofNullable(plan.methodThrottles().get(methodKey)).or(plan::throttle);
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
