package dev.gatehouse.auth.usageplan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.auth.usageplan.config.ApiKeysConfig;
import dev.gatehouse.auth.usageplan.config.UsagePlansConfig;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Configuration is read by the real SmallRye mapping, then validated. */
class UsagePlanCatalogTest {

    static final Map<String, String> SERVERLESS_STYLE =
            Map.ofEntries(
                    Map.entry("gatehouse.usage-plans.free.quota.limit", "5000"),
                    Map.entry("gatehouse.usage-plans.free.quota.offset", "2"),
                    Map.entry("gatehouse.usage-plans.free.quota.period", "MONTH"),
                    Map.entry("gatehouse.usage-plans.free.throttle.burst-limit", "200"),
                    Map.entry("gatehouse.usage-plans.free.throttle.rate-limit", "100"),
                    Map.entry("gatehouse.usage-plans.paid.quota.limit", "50000"),
                    Map.entry("gatehouse.usage-plans.paid.quota.offset", "1"),
                    Map.entry("gatehouse.usage-plans.paid.quota.period", "MONTH"),
                    Map.entry("gatehouse.usage-plans.paid.throttle.burst-limit", "2000"),
                    Map.entry("gatehouse.usage-plans.paid.throttle.rate-limit", "1000"),
                    Map.entry(
                            "gatehouse.usage-plans.paid.method-throttle.\"/stores/GET\".burst-limit",
                            "5"),
                    Map.entry(
                            "gatehouse.usage-plans.paid.method-throttle.\"/stores/GET\".rate-limit",
                            "0.5"),
                    Map.entry("gatehouse.api-keys.freeKey.plan", "free"),
                    Map.entry("gatehouse.api-keys.paidKey.plan", "paid"));

    static UsagePlanCatalog catalog(Map<String, String> properties) {
        SmallRyeConfig config =
                new SmallRyeConfigBuilder()
                        .withMapping(UsagePlansConfig.class)
                        .withMapping(ApiKeysConfig.class)
                        .withSources(new PropertiesConfigSource(properties, "test", 250))
                        .build();
        return UsagePlanCatalog.from(
                config.getConfigMapping(UsagePlansConfig.class),
                config.getConfigMapping(ApiKeysConfig.class));
    }

    static String rejection(Map<String, String> changes) {
        Map<String, String> properties = new HashMap<>(SERVERLESS_STYLE);
        changes.forEach(
                (k, v) -> {
                    if (v == null) {
                        properties.remove(k);
                    } else {
                        properties.put(k, v);
                    }
                });
        return assertThrows(IllegalArgumentException.class, () -> catalog(properties)).getMessage();
    }

    @Test
    void readsTheServerlessStylePlans() {
        UsagePlanCatalog catalog = catalog(SERVERLESS_STYLE);
        UsagePlan free = catalog.plan("free").orElseThrow();
        assertEquals(new QuotaSettings(5000, 2, QuotaPeriod.MONTH), free.quota().orElseThrow());
        assertEquals(new ThrottleSettings(100, 200), free.throttle().orElseThrow());
        assertEquals(
                new ThrottleSettings(0.5, 5),
                catalog.plan("paid").orElseThrow().methodThrottles().get("/stores/GET"));
        assertTrue(free.failOpen());
        assertTrue(free.covers("stores-service"));
        assertEquals(java.util.List.of("free"), catalog.keys().get("freeKey").plans());
        assertFalse(catalog.keys().get("freeKey").value().isPresent());
    }

    @Test
    void rejectsANegativeLimitNamingTheProperty() {
        assertTrue(
                rejection(Map.of("gatehouse.usage-plans.free.quota.limit", "-1"))
                        .contains("gatehouse.usage-plans.free.quota.limit: must be 0 or more"));
    }

    @Test
    void rejectsAnUnknownPeriodNamingTheProperty() {
        assertTrue(
                rejection(Map.of("gatehouse.usage-plans.free.quota.period", "YEAR"))
                        .contains(
                                "gatehouse.usage-plans.free.quota.period: unknown period 'YEAR'"));
    }

    @Test
    void rejectsABurstOfZeroWithAPositiveRate() {
        assertTrue(
                rejection(Map.of("gatehouse.usage-plans.paid.throttle.burst-limit", "0"))
                        .contains(
                                "gatehouse.usage-plans.paid.throttle.burst-limit: 0 with a positive"
                                        + " rate-limit"));
    }

    @Test
    void rejectsAKeyNamingAMissingPlan() {
        assertTrue(
                rejection(Map.of("gatehouse.api-keys.freeKey.plan", "gold"))
                        .contains(
                                "gatehouse.api-keys.freeKey.plan: names a missing usage plan"
                                        + " 'gold'"));
    }

    @Test
    void rejectsAKeyInTwoPlansForTheSameApi() {
        assertTrue(
                rejection(Map.of("gatehouse.api-keys.freeKey.plan", "free,paid"))
                        .contains(
                                "gatehouse.api-keys.freeKey.plan: the key is in two plans (free,"
                                        + " paid) for the same API"));
    }

    @Test
    void acceptsAKeyInTwoPlansForDifferentApis() {
        Map<String, String> properties = new HashMap<>(SERVERLESS_STYLE);
        properties.put("gatehouse.usage-plans.free.apis", "stores-service");
        properties.put("gatehouse.usage-plans.paid.apis", "fanout-service");
        properties.put("gatehouse.api-keys.freeKey.plan", "free,paid");
        assertEquals(2, catalog(properties).keys().get("freeKey").plans().size());
    }

    @Test
    void rejectsAMalformedValueWithoutShowingIt() {
        String message = rejection(Map.of("gatehouse.api-keys.freeKey.value", "short-secret"));
        assertTrue(message.contains("gatehouse.api-keys.freeKey.value: must be 20-128 characters"));
        assertFalse(message.contains("short-secret"));
    }

    @Test
    void rejectsTwoKeysWithTheSameValue() {
        String value = "SameValueForTwoKeys000000";
        assertTrue(
                rejection(
                                Map.of(
                                        "gatehouse.api-keys.freeKey.value",
                                        value,
                                        "gatehouse.api-keys.paidKey.value",
                                        value))
                        .contains("the same value as"));
    }

    @Test
    void rejectsAMalformedMethodKeyAndAnUnknownOutagePolicy() {
        String message =
                rejection(
                        Map.of(
                                "gatehouse.usage-plans.free.method-throttle.\"stores\".burst-limit",
                                        "1",
                                "gatehouse.usage-plans.free.method-throttle.\"stores\".rate-limit",
                                        "1",
                                "gatehouse.usage-plans.free.redis-unavailable", "fail-sometimes"));
        assertTrue(
                message.contains(
                        "method-throttle.\"stores\": the key must be <resource path>/<HTTP"
                                + " method>"),
                message);
        assertTrue(
                message.contains(
                        "gatehouse.usage-plans.free.redis-unavailable: must be fail-open or"
                                + " fail-closed"),
                message);
    }
}
