package dev.gatehouse.auth.usageplan;

import static dev.gatehouse.auth.usageplan.UsageDecision.Outcome.ALLOWED;
import static dev.gatehouse.auth.usageplan.UsageDecision.Outcome.QUOTA_EXCEEDED;
import static dev.gatehouse.auth.usageplan.UsageDecision.Outcome.THROTTLED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.testing.RedisTestResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The limiter contract against a standalone Redis, and how it uses the round trips. */
@QuarkusTest
@WithTestResource(value = RedisTestResource.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
class UsagePlanLimiterTest extends UsagePlanLimiterContract {

    @Test
    void concurrentDecisionsForOneKeyShareRoundTrips() {
        long before = scriptCalls();
        long started = System.nanoTime();
        List<Uni<UsageDecision>> calls = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            calls.add(limiter.decide("OpenKeyValueForTests000001", "/batch/GET"));
        }
        List<UsageDecision> decisions =
                Uni.join().all(calls).andFailFast().await().atMost(Duration.ofSeconds(30));
        double seconds = (System.nanoTime() - started) / 1e9;
        long calls200 = scriptCalls() - before;
        long allowed =
                decisions.stream()
                        .filter(d -> d.outcome() == UsageDecision.Outcome.ALLOWED)
                        .count();
        // Burst 100 at 100/s: the bucket's worth plus what refilled meanwhile, whatever the
        // batching.
        assertTrue(
                allowed >= 100 && allowed <= 100 + Math.ceil(seconds * 100),
                "allowed " + allowed + " in " + seconds + " s");
        assertEquals(
                200,
                decisions.stream()
                        .filter(
                                d ->
                                        d.outcome() == UsageDecision.Outcome.ALLOWED
                                                || d.outcome() == UsageDecision.Outcome.THROTTLED)
                        .count());
        assertTrue(calls200 < 100, "200 concurrent decisions took " + calls200 + " script calls");
    }

    @Test
    void eachRequestOfABatchGetsItsOwnFiguresInOrder() {
        clearCounters();
        List<UsageDecision> throttle = decideTogether("Burst3KeyValueForTests0001", 6);
        // Burst 3, 0.5 tokens/s, starts full: three pass (2, 1, 0 left), three wait for a token.
        assertEquals(
                List.of(ALLOWED, ALLOWED, ALLOWED, THROTTLED, THROTTLED, THROTTLED),
                throttle.stream().map(UsageDecision::outcome).toList());
        assertEquals(
                List.of(2L, 1L, 0L, 0L, 0L, 0L),
                throttle.stream().map(d -> d.throttle().orElseThrow().tokensLeft()).toList());
        assertEquals(List.of(2L, 4L, 6L), secondsToFull(throttle.subList(0, 3)));
        for (UsageDecision throttled : throttle.subList(3, 6)) {
            assertEquals(2, throttled.retryAfterSeconds().getAsLong(), throttled.toString());
            assertEquals(
                    2, throttled.throttle().orElseThrow().secondsToFull(), throttled.toString());
            assertEquals(3, throttled.throttle().orElseThrow().burstLimit(), throttled.toString());
            assertTrue(throttled.quota().isEmpty(), "a throttled request reports no quota");
        }

        List<UsageDecision> quota = decideTogether("Quota5KeyValueForTests0001", 5);
        // Limit 5 less the offset 2 in the key's first month: three pass (2, 1, 0 left).
        assertEquals(
                List.of(ALLOWED, ALLOWED, ALLOWED, QUOTA_EXCEEDED, QUOTA_EXCEEDED),
                quota.stream().map(UsageDecision::outcome).toList());
        assertEquals(
                List.of(2L, 1L, 0L, 0L, 0L),
                quota.stream().map(d -> d.quota().orElseThrow().remaining()).toList());
        for (UsageDecision decision : quota) {
            assertEquals(3, decision.quota().orElseThrow().limit(), decision.toString());
            assertTrue(decision.throttle().isEmpty(), "no throttle in this plan");
            assertEquals(quota.get(0).keyId(), decision.keyId());
            assertTrue(decision.keyId().matches("[a-z0-9]{10}"), decision.keyId());
            assertEquals("quota5", decision.plan());
        }
        UsageDecision exceeded = quota.get(4);
        long toPeriodEnd = exceeded.quota().orElseThrow().secondsToPeriodEnd();
        assertTrue(toPeriodEnd > 0, exceeded.toString());
        assertEquals(toPeriodEnd, exceeded.retryAfterSeconds().getAsLong());
        assertTrue(quota.get(0).retryAfterSeconds().isEmpty());
    }

    /** {@code n} decisions for one key submitted at once: a first call, then one batch. */
    private List<UsageDecision> decideTogether(String key, int n) {
        List<Uni<UsageDecision>> calls = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            calls.add(limiter.decide(key, "/batch/GET"));
        }
        return Uni.join().all(calls).andFailFast().await().atMost(Duration.ofSeconds(10));
    }

    private static List<Long> secondsToFull(List<UsageDecision> decisions) {
        return decisions.stream().map(d -> d.throttle().orElseThrow().secondsToFull()).toList();
    }

    /** Buckets and quota counters start over; key records stay. */
    private void clearCounters() {
        for (String pattern : List.of("*:tb:*", "*:q:*")) {
            for (String key : redis.key().keys(pattern)) {
                redis.key().del(key);
            }
        }
    }

    private long scriptCalls() {
        String stats = redis.execute("INFO", "commandstats").toString();
        long total = 0;
        for (String line : stats.split("\r?\n")) {
            if (line.startsWith("cmdstat_evalsha:") || line.startsWith("cmdstat_eval:")) {
                String calls = line.substring(line.indexOf("calls=") + 6);
                total += Long.parseLong(calls.substring(0, calls.indexOf(',')));
            }
        }
        return total;
    }
}
