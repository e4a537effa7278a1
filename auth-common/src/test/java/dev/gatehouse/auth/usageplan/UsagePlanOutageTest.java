package dev.gatehouse.auth.usageplan;

import static dev.gatehouse.auth.usageplan.UsageDecision.Outcome.ALLOWED;
import static dev.gatehouse.auth.usageplan.UsageDecision.Outcome.FORBIDDEN;
import static dev.gatehouse.auth.usageplan.UsageDecision.Outcome.SERVED_WITHOUT_LIMITS;
import static dev.gatehouse.auth.usageplan.UsageDecision.Outcome.UNAVAILABLE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.auth.usageplan.UsageDecision.Outcome;
import dev.gatehouse.testing.RedisTestResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Redis stopped mid-test: each plan's outage policy applies, and the limiter recovers alone. */
@QuarkusTest
@WithTestResource(value = RedisTestResource.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
class UsagePlanOutageTest {

    static final String OPEN = "OpenKeyValueForTests000001";
    static final String CLOSED = "ClosedKeyValueForTests0001";

    @Inject UsagePlanLimiter limiter;

    Outcome decide(String key) {
        return limiter.decide(key, "/stores/GET").await().atMost(Duration.ofSeconds(5)).outcome();
    }

    @Test
    void appliesEachPlansPolicyWhileRedisIsDownAndRecoversWhenItReturns() {
        assertEquals(ALLOWED, decide(OPEN));
        assertEquals(ALLOWED, decide(CLOSED));

        RedisTestResource.stopStandalone();
        try {
            assertEquals(
                    SERVED_WITHOUT_LIMITS, decide(OPEN), "fail-open: served, counted as a miss");
            assertEquals(UNAVAILABLE, decide(CLOSED), "fail-closed: 503");
            assertEquals(
                    FORBIDDEN,
                    decide("NeverProvisionedKey0000000"),
                    "an unknown key is refused even now");
            assertEquals(FORBIDDEN, decide("DisabledKeyValueForTests01"));
            for (int i = 0; i < 5; i++) {
                decide(OPEN);
            }
            assertTrue(
                    limiter.circuitOpen(),
                    "after repeated failures the circuit stops calling Redis");
            // While the circuit is open every decision still follows its plan's outage policy.
            for (int i = 0; i < 1_000; i++) {
                assertEquals(SERVED_WITHOUT_LIMITS, decide(OPEN));
                assertEquals(UNAVAILABLE, decide(CLOSED));
            }
        } finally {
            RedisTestResource.restartStandalone();
        }

        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        Outcome outcome = decide(OPEN);
        while (outcome != ALLOWED && System.nanoTime() < deadline) {
            sleep(100);
            outcome = decide(OPEN);
        }
        assertEquals(ALLOWED, outcome, "recovered by itself");
        assertEquals(ALLOWED, decide(CLOSED));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
