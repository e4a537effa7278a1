package dev.gatehouse.auth.usageplan.controlplane;

import static dev.gatehouse.auth.usageplan.UsageDecision.Outcome.ALLOWED;
import static dev.gatehouse.auth.usageplan.UsageDecision.Outcome.FORBIDDEN;
import static dev.gatehouse.auth.usageplan.UsageDecision.Outcome.QUOTA_EXCEEDED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gatehouse.auth.usageplan.ApiKeyDirectory;
import dev.gatehouse.auth.usageplan.RedisTimeShift;
import dev.gatehouse.auth.usageplan.UsageDecision;
import dev.gatehouse.auth.usageplan.UsagePlanCatalog;
import dev.gatehouse.auth.usageplan.UsagePlanLimiter;
import dev.gatehouse.auth.usageplan.config.MeteringConfig;
import dev.gatehouse.testing.RedisTestResource;
import io.quarkus.redis.client.RedisClientName;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * A key created, disabled, moved to another plan or deleted through the control plane of one
 * instance is honoured by another instance (its own limiter, connections and memory) on its very
 * next request, while that instance serves the key without pause.
 */
@QuarkusTest
@WithTestResource(value = RedisTestResource.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
class RunTimeChangesOnTwoInstancesTest {

    static final String ROUTE = "/stores/GET";
    static final String VALUE = "TwoInstancesKeyValue00000001";

    @Inject ApiKeys keys;
    @Inject UsagePlans plans;
    @Inject UsagePlanKeys planKeys;
    @Inject UsagePlanCatalog catalog;
    @Inject MeteringConfig config;
    @Inject ObjectMapper json;

    @Inject
    @RedisClientName("second")
    ReactiveRedisDataSource secondClient;

    record Seen(long startedNanos, long doneNanos, UsageDecision decision) {}

    JsonNode body(String text) throws Exception {
        return json.readTree(text);
    }

    String plan(int quota) throws Exception {
        return plans.create(
                        body(
                                "{\"name\":\"p"
                                        + quota
                                        + "\",\"quota\":{\"limit\":"
                                        + quota
                                        + ",\"period\":\"MONTH\"},\"apiStages\":[{\"apiId\":\"stores\",\"stage\":\"dev\"}]}"),
                        "test")
                .await()
                .atMost(Duration.ofSeconds(10))
                .get("id")
                .asText();
    }

    void attach(String plan, String key) throws Exception {
        planKeys.create(plan, body("{\"keyId\":\"" + key + "\",\"keyType\":\"API_KEY\"}"), "test")
                .await()
                .atMost(Duration.ofSeconds(10));
    }

    @Test
    void everyChangeHoldsOnTheOtherInstanceFromItsNextRequest() throws Exception {
        UsagePlanLimiter other =
                new UsagePlanLimiter(
                        secondClient, new ApiKeyDirectory(), catalog, config, RedisTimeShift.NONE);
        String large = plan(1_000_000);
        String empty = plan(0);
        ConcurrentLinkedQueue<Seen> seen = new ConcurrentLinkedQueue<>();
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService traffic = Executors.newFixedThreadPool(4);
        for (int t = 0; t < 4; t++) {
            traffic.submit(
                    () -> {
                        while (running.get()) {
                            long started = System.nanoTime();
                            UsageDecision d =
                                    other.decide(VALUE, ROUTE)
                                            .await()
                                            .atMost(Duration.ofSeconds(5));
                            seen.add(new Seen(started, System.nanoTime(), d));
                        }
                        return null;
                    });
        }
        try {
            awaitTraffic(seen, Long.MIN_VALUE);
            long created = System.nanoTime();
            String id =
                    keys.create(
                                    body(
                                            "{\"name\":\"two\",\"enabled\":true,\"value\":\""
                                                    + VALUE
                                                    + "\"}"),
                                    "test")
                            .await()
                            .atMost(Duration.ofSeconds(10))
                            .get("id")
                            .asText();
            attach(large, id);
            long attached = System.nanoTime();
            awaitTraffic(seen, attached);
            long disabling = System.nanoTime();
            keys.update(
                            id,
                            body(
                                    "{\"patchOperations\":[{\"op\":\"replace\",\"path\":\"/enabled\",\"value\":\"false\"}]}"),
                            "test")
                    .await()
                    .atMost(Duration.ofSeconds(10));
            long disabled = System.nanoTime();
            awaitTraffic(seen, disabled);
            long enabling = System.nanoTime();
            keys.update(
                            id,
                            body(
                                    "{\"patchOperations\":[{\"op\":\"replace\",\"path\":\"/enabled\",\"value\":\"true\"}]}"),
                            "test")
                    .await()
                    .atMost(Duration.ofSeconds(10));
            planKeys.delete(large, id, "test").await().atMost(Duration.ofSeconds(10));
            attach(empty, id);
            long moved = System.nanoTime();
            awaitTraffic(seen, moved);
            long deleting = System.nanoTime();
            keys.delete(id, "test").await().atMost(Duration.ofSeconds(10));
            long deleted = System.nanoTime();
            awaitTraffic(seen, deleted);
            running.set(false);
            traffic.shutdown();
            assertTrue(traffic.awaitTermination(10, TimeUnit.SECONDS));

            check(seen, Long.MIN_VALUE, created, d -> d.outcome() == FORBIDDEN, "before creation");
            check(
                    seen,
                    attached,
                    disabling,
                    d -> d.outcome() == ALLOWED && large.equals(d.plan()),
                    "created and attached");
            check(seen, disabled, enabling, d -> d.outcome() == FORBIDDEN, "disabled");
            check(
                    seen,
                    moved,
                    deleting,
                    d -> d.outcome() == QUOTA_EXCEEDED && empty.equals(d.plan()),
                    "moved to the plan with no quota");
            check(seen, deleted, Long.MAX_VALUE, d -> d.outcome() == FORBIDDEN, "deleted");
            long firstRefusal =
                    seen.stream()
                            .filter(s -> s.doneNanos() > disabling)
                            .filter(s -> s.decision().outcome() == FORBIDDEN)
                            .mapToLong(Seen::doneNanos)
                            .min()
                            .orElseThrow();
            System.out.printf(
                    "UpdateApiKey enabled=false to the first refusal on the other instance: %.1f"
                            + " ms (the update itself took %.1f ms); %d decisions observed%n",
                    (firstRefusal - disabling) / 1e6, (disabled - disabling) / 1e6, seen.size());
        } finally {
            running.set(false);
            traffic.shutdownNow();
        }
    }

    /** Waits until at least 20 decisions started after {@code since} have completed. */
    private static void awaitTraffic(ConcurrentLinkedQueue<Seen> seen, long since)
            throws InterruptedException {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (seen.stream().filter(s -> s.startedNanos() > since).count() < 20) {
            assertTrue(System.nanoTime() < deadline, "no traffic on the other instance");
            Thread.sleep(10);
        }
    }

    private static void check(
            ConcurrentLinkedQueue<Seen> seen,
            long from,
            long to,
            Predicate<UsageDecision> expected,
            String phase) {
        List<Seen> window =
                seen.stream().filter(s -> s.startedNanos() > from && s.doneNanos() < to).toList();
        assertTrue(!window.isEmpty(), "traffic during phase " + phase);
        List<Seen> wrong = window.stream().filter(s -> !expected.test(s.decision())).toList();
        assertEquals(List.of(), wrong.stream().map(s -> s.decision().outcome()).toList(), phase);
    }
}
