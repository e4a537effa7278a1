package dev.gatehouse.benchmarks;

import java.time.Duration;
import java.util.Map;

/**
 * The limits both sides are given: a bucket that never runs dry within a run and a quota that is
 * never reached, so every call is allowed and does all of its work.
 */
final class BenchmarkPlan {

    static final String NAME = "bench";
    static final int BURST = 1_000_000_000;
    static final int RATE_PER_SECOND = 1_000_000;
    static final int MONTHLY_QUOTA = 2_000_000_000;

    /** The expiry usage-plan-decide.lua sets on a bucket: time to refill from empty, plus 1 s. */
    static final Duration BUCKET_TTL = Duration.ofSeconds(BURST / RATE_PER_SECOND + 1);

    private BenchmarkPlan() {}

    /** The plan and metering settings for Gatehouse, as a service's properties would say them. */
    static Map<String, String> gatehouseProperties() {
        String plan = "gatehouse.usage-plans." + NAME + ".";
        return Map.of(
                plan + "throttle.burst-limit",
                Integer.toString(BURST),
                plan + "throttle.rate-limit",
                Integer.toString(RATE_PER_SECOND),
                plan + "quota.limit",
                Integer.toString(MONTHLY_QUOTA),
                plan + "quota.period",
                "MONTH",
                "gatehouse.metering.api-name",
                GatehouseDecisionBenchmark.API,
                // Long enough that a slow answer under 50 threads is measured, never failed open.
                "gatehouse.metering.redis-timeout",
                "30s");
    }
}
