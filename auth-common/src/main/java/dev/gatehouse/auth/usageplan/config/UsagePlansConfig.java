package dev.gatehouse.auth.usageplan.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import io.smallrye.config.WithParentName;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * Usage plans, named like {@code serverless.yml}'s {@code usagePlan} entries: {@code
 * gatehouse.usage-plans.<plan>.quota.limit=5000} and so on.
 */
@ConfigMapping(prefix = "gatehouse.usage-plans")
public interface UsagePlansConfig {

    /** Plans by name. */
    @WithParentName
    Map<String, Plan> plans();

    interface Plan {
        /** Requests per period; absent means no quota. */
        Optional<Quota> quota();

        /** Token-bucket throttle applied per API key; absent means no plan-level throttle. */
        Optional<Throttle> throttle();

        /**
         * Per-method throttles keyed like AWS, {@code "<resource path>/<HTTP method>"}, e.g. {@code
         * gatehouse.usage-plans.free.method-throttle."/stores/GET".rate-limit=10}. They replace the
         * plan throttle for that method, with a bucket of their own.
         */
        @WithName("method-throttle")
        Map<String, Throttle> methodThrottle();

        /**
         * APIs (service API names, {@code gatehouse.metering.api-name}) this plan covers, like a
         * plan's API stages. {@code *} covers every API.
         */
        @WithDefault("*")
        List<String> apis();

        /**
         * What to do when Redis cannot be reached: {@code fail-open} (AWS's documented behaviour:
         * serve without throttle and quota, log, count) or {@code fail-closed} (503).
         */
        @WithName("redis-unavailable")
        @WithDefault("fail-open")
        String redisUnavailable();
    }

    interface Quota {
        /** Maximum requests per period (>= 0). */
        OptionalInt limit();

        /** Requests subtracted from the limit of the first period only (>= 0). */
        @WithDefault("0")
        int offset();

        /** DAY, WEEK or MONTH, calendar-aligned in UTC. */
        Optional<String> period();
    }

    interface Throttle {
        /** Bucket capacity (integer >= 0). */
        OptionalInt burstLimit();

        /** Steady refill, requests per second (fractional allowed, >= 0). */
        OptionalDouble rateLimit();
    }
}
