package dev.gatehouse.auth.usageplan;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code gatehouse_usage_plan_requests_total{plan, key_id, outcome}}: allowed, throttled,
 * quota_exceeded, forbidden, fail_open, unavailable. Tagged by key id, never by key value.
 */
@ApplicationScoped
public class UsageMetrics {

    private final MeterRegistry registry;
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();

    UsageMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public void record(UsageDecision decision) {
        String outcome =
                switch (decision.outcome()) {
                    case SERVED_WITHOUT_LIMITS -> "fail_open";
                    default -> decision.outcome().name().toLowerCase(Locale.ROOT);
                };
        String plan = decision.plan() == null ? "none" : decision.plan();
        String keyId = decision.keyId() == null ? "none" : decision.keyId();
        counters.computeIfAbsent(
                        plan + '\u0000' + keyId + '\u0000' + outcome,
                        k ->
                                Counter.builder("gatehouse.usage_plan.requests")
                                        .description(
                                                "Requests on API-key routes by usage plan, key id"
                                                        + " and outcome")
                                        .tag("plan", plan)
                                        .tag("key_id", keyId)
                                        .tag("outcome", outcome)
                                        .register(registry))
                .increment();
    }
}
