package dev.gatehouse.auth.usageplan;

import io.vertx.mutiny.redis.client.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The outcome of the usage-plan check for one request, with what the rate-limit headers need (the
 * plan's limits as the decision read them, so that a plan changed at run time is described as
 * enforced). A plan without a throttle or a quota has no {@link Throttle} or {@link Quota}; only a
 * refused request has a {@code retryAfterSeconds}.
 */
public record UsageDecision(
        Outcome outcome,
        String keyId,
        String plan,
        Optional<Throttle> throttle,
        Optional<Quota> quota,
        OptionalLong retryAfterSeconds) {

    /** The token bucket the request was decided on. */
    public record Throttle(int burstLimit, double rateLimit, long tokensLeft, long secondsToFull) {}

    /**
     * The quota of the current period. A throttled request is decided before its quota, so it
     * reports none.
     */
    public record Quota(long limit, QuotaPeriod period, long remaining, long secondsToPeriodEnd) {}

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
        return of(outcome, null, null);
    }

    public static UsageDecision of(Outcome outcome, String keyId, String plan) {
        return new UsageDecision(
                outcome, keyId, plan, Optional.empty(), Optional.empty(), OptionalLong.empty());
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
        int burst = reply.get(3).toInteger(); // -1: the plan has no throttle
        long limit = reply.get(4).toLong(); // -1: the plan has no quota
        long toPeriodEnd = reply.get(5).toLong();
        String rateText = reply.get(6).toString();
        double rate = rateText.isEmpty() ? -1 : Double.parseDouble(rateText);
        String periodText = reply.get(7).toString();
        QuotaPeriod period =
                periodText.isEmpty() ? QuotaPeriod.MONTH : QuotaPeriod.valueOf(periodText);
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
                                        throttle(burst, rate, tokens, seconds),
                                        quota(limit, period, remaining, toPeriodEnd),
                                        OptionalLong.empty());
                        // A throttled request is decided before its quota: none is reported.
                        case 2 ->
                                new UsageDecision(
                                        Outcome.THROTTLED,
                                        keyId,
                                        plan,
                                        throttle(burst, rate, 0, seconds),
                                        Optional.empty(),
                                        OptionalLong.of(seconds));
                        default ->
                                new UsageDecision(
                                        Outcome.QUOTA_EXCEEDED,
                                        keyId,
                                        plan,
                                        throttle(burst, rate, tokens, 0),
                                        quota(limit, period, 0, toPeriodEnd),
                                        OptionalLong.of(Math.max(1, toPeriodEnd)));
                    });
        }
        if (decisions.size() != requests) {
            throw new IllegalStateException(
                    "usage-plan-decide.lua decided " + decisions.size() + " of " + requests);
        }
        return decisions;
    }

    private static Optional<Throttle> throttle(
            int burst, double rate, long tokens, long secondsToFull) {
        return burst < 0
                ? Optional.empty()
                : Optional.of(new Throttle(burst, rate, tokens, secondsToFull));
    }

    private static Optional<Quota> quota(
            long limit, QuotaPeriod period, long remaining, long secondsToPeriodEnd) {
        return limit < 0
                ? Optional.empty()
                : Optional.of(new Quota(limit, period, remaining, secondsToPeriodEnd));
    }
}
