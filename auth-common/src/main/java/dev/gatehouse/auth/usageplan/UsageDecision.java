package dev.gatehouse.auth.usageplan;

import io.vertx.mutiny.redis.client.Response;

/**
 * The outcome of the usage-plan check for one request, with what the rate-limit headers need.
 * Negative numbers mean "not applicable" (no throttle, no quota).
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
        long retryAfterSeconds) {

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
        return new UsageDecision(outcome, null, null, -1, -1, 0, -1, -1, 0, 0);
    }

    public static UsageDecision of(Outcome outcome, String keyId, String plan) {
        return new UsageDecision(outcome, keyId, plan, -1, -1, 0, -1, -1, 0, 0);
    }

    /** Parses the replies of {@code usage-plan-decide.lua}, one per request of the batch. */
    static java.util.List<UsageDecision> fromBatch(Response replies) {
        java.util.List<UsageDecision> decisions = new java.util.ArrayList<>(replies.size());
        for (Response reply : replies) {
            decisions.add(fromScript(reply));
        }
        return decisions;
    }

    /** Parses one reply of {@code usage-plan-decide.lua}. */
    static UsageDecision fromScript(Response reply) {
        Outcome outcome = Outcome.valueOf(reply.get(0).toString());
        if (reply.size() == 1) {
            return of(outcome);
        }
        return new UsageDecision(
                outcome,
                reply.get(1).toString(),
                reply.get(2).toString(),
                (int) Double.parseDouble(reply.get(3).toString()),
                Long.parseLong(reply.get(4).toString()),
                Long.parseLong(reply.get(5).toString()),
                Long.parseLong(reply.get(6).toString()),
                Long.parseLong(reply.get(7).toString()),
                Long.parseLong(reply.get(8).toString()),
                Long.parseLong(reply.get(9).toString()));
    }

    public boolean hasThrottle() {
        return burstLimit >= 0;
    }

    public boolean hasQuota() {
        return quotaLimit >= 0;
    }
}
