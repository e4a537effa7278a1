package dev.gatehouse.auth.usageplan;

import io.vertx.mutiny.redis.client.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The outcome of the usage-plan check for one request, with what the rate-limit headers need (the
 * plan's limits as the decision read them, so that a plan changed at run time is described as
 * enforced). Negative numbers mean "not applicable" (no throttle, no quota).
 */
public record UsageDecision(
        Outcome outcome,
        String keyId,
        String plan,
        int burstLimit,
        long tokensLeft,
        long secondsToFull,
        long quotaLimit,
        long quotaRemaining,
        long secondsToPeriodEnd,
        long retryAfterSeconds,
        double rateLimit,
        Optional<QuotaPeriod> quotaPeriod) {

    public enum Outcome {
        /** Every check passed; the request was counted. */
        ALLOWED,
        /** Missing, unknown, disabled, or not in a plan for this API (403). */
        FORBIDDEN,
        /** The token bucket is empty (429 Too Many Requests). */
        THROTTLED,
        /** The quota for the period is used up (429 Limit Exceeded). */
        QUOTA_EXCEEDED,
        /** Redis unreachable, plan fails open: served without throttle and quota. */
        SERVED_WITHOUT_LIMITS,
        /** Redis unreachable, plan fails closed (503). */
        UNAVAILABLE
    }

    public static UsageDecision of(Outcome outcome) {
        return new UsageDecision(
                outcome, null, null, -1, -1, 0, -1, -1, 0, 0, -1, Optional.empty());
    }

    public static UsageDecision of(Outcome outcome, String keyId, String plan) {
        return new UsageDecision(
                outcome, keyId, plan, -1, -1, 0, -1, -1, 0, 0, -1, Optional.empty());
    }

    /**
     * Parses the reply of {@code usage-plan-decide.lua} for a batch of {@code requests}: one
     * decision per request, in order.
     */
    static List<UsageDecision> fromBatch(Response reply, int requests) {
        List<UsageDecision> decisions = new ArrayList<>(requests);
        if (reply.get(0).toInteger() == 0) {
            UsageDecision forbidden = of(Outcome.FORBIDDEN);
            for (int i = 0; i < requests; i++) {
                decisions.add(forbidden);
            }
            return decisions;
        }
        String keyId = reply.get(1).toString();
        String plan = reply.get(2).toString();
        int burst = reply.get(3).toInteger();
        long limit = reply.get(4).toLong();
        long toPeriodEnd = reply.get(5).toLong();
        String rateText = reply.get(6).toString();
        double rate = rateText.isEmpty() ? -1 : Double.parseDouble(rateText);
        String periodText = reply.get(7).toString();
        Optional<QuotaPeriod> period =
                periodText.isEmpty()
                        ? Optional.empty()
                        : Optional.of(QuotaPeriod.valueOf(periodText));
        for (int row = 8; row + 3 < reply.size() && decisions.size() < requests; row += 4) {
            long tokens = reply.get(row + 1).toLong();
            long seconds = reply.get(row + 2).toLong();
            long remaining = reply.get(row + 3).toLong();
            decisions.add(
                    switch (reply.get(row).toInteger()) {
                        case 1 ->
                                new UsageDecision(
                                        Outcome.ALLOWED,
                                        keyId,
                                        plan,
                                        burst,
                                        tokens,
                                        seconds,
                                        limit,
                                        remaining,
                                        toPeriodEnd,
                                        0,
                                        rate,
                                        period);
                        // A throttled request is decided before its quota: none is reported.
                        case 2 ->
                                new UsageDecision(
                                        Outcome.THROTTLED,
                                        keyId,
                                        plan,
                                        burst,
                                        0,
                                        seconds,
                                        -1,
                                        -1,
                                        0,
                                        seconds,
                                        rate,
                                        period);
                        default ->
                                new UsageDecision(
                                        Outcome.QUOTA_EXCEEDED,
                                        keyId,
                                        plan,
                                        burst,
                                        tokens,
                                        0,
                                        limit,
                                        0,
                                        toPeriodEnd,
                                        Math.max(1, toPeriodEnd),
                                        rate,
                                        period);
                    });
        }
        if (decisions.size() != requests) {
            throw new IllegalStateException(
                    "usage-plan-decide.lua decided " + decisions.size() + " of " + requests);
        }
        return decisions;
    }

    public boolean hasThrottle() {
        return burstLimit >= 0;
    }

    public boolean hasQuota() {
        return quotaLimit >= 0;
    }
}
