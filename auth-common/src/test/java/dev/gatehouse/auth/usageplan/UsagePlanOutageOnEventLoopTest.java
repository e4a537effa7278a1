package dev.gatehouse.auth.usageplan;

import static dev.gatehouse.auth.usageplan.UsageDecision.Outcome.ALLOWED;
import static dev.gatehouse.auth.usageplan.UsageDecision.Outcome.FORBIDDEN;
import static dev.gatehouse.auth.usageplan.UsageDecision.Outcome.SERVED_WITHOUT_LIMITS;
import static dev.gatehouse.auth.usageplan.UsageDecision.Outcome.UNAVAILABLE;
import static dev.gatehouse.auth.usageplan.UsagePlanOutageTest.CLOSED;
import static dev.gatehouse.auth.usageplan.UsagePlanOutageTest.OPEN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.auth.usageplan.UsageDecision.Outcome;
import dev.gatehouse.testing.RedisTestResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The outage policies when the decision is asked on an event loop, as the request filter does. */
@QuarkusTest
@WithTestResource(value = RedisTestResource.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
class UsagePlanOutageOnEventLoopTest {

    @Inject UsagePlanLimiter limiter;
    @Inject Vertx vertx;

    /** A decision and the thread it was answered on. */
    record Answer(Outcome outcome, Thread askedOn, Thread answeredOn) {}

    private Answer decideOnLoop(Context loop, String key) throws Exception {
        CompletableFuture<Answer> answer = new CompletableFuture<>();
        loop.runOnContext(
                ignored -> {
                    Thread asking = Thread.currentThread();
                    limiter.decide(
                            key,
                            "/stores/GET",
                            (decision, failure) -> {
                                if (failure == null) {
                                    answer.complete(
                                            new Answer(
                                                    decision.outcome(),
                                                    asking,
                                                    Thread.currentThread()));
                                } else {
                                    answer.completeExceptionally(failure);
                                }
                            });
                });
        return answer.get(5, TimeUnit.SECONDS);
    }

    private Outcome allowedOnItsLoop(Context loop, String key) throws Exception {
        Answer answer = decideOnLoop(loop, key);
        if (answer.outcome() == ALLOWED) {
            assertSame(answer.askedOn(), answer.answeredOn(), "answered on the loop that asked");
        }
        return answer.outcome();
    }

    @Test
    void appliesEachPlansPolicyWhileRedisIsDownAndRecoversWhenItReturns() throws Exception {
        Context loop = vertx.getOrCreateContext();
        assertTrue(loop.isEventLoopContext());
        assertEquals(ALLOWED, allowedOnItsLoop(loop, OPEN));
        assertEquals(ALLOWED, allowedOnItsLoop(loop, CLOSED));

        RedisTestResource.stopStandalone();
        try {
            assertEquals(
                    SERVED_WITHOUT_LIMITS,
                    decideOnLoop(loop, OPEN).outcome(),
                    "fail-open: served, counted as a miss");
            assertEquals(UNAVAILABLE, decideOnLoop(loop, CLOSED).outcome(), "fail-closed: 503");
            assertEquals(FORBIDDEN, decideOnLoop(loop, "NeverProvisionedKey0000000").outcome());
        } finally {
            RedisTestResource.restartStandalone();
        }

        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        Outcome outcome = allowedOnItsLoop(loop, OPEN);
        while (outcome != ALLOWED && System.nanoTime() < deadline) {
            Thread.sleep(100);
            outcome = allowedOnItsLoop(loop, OPEN);
        }
        assertEquals(ALLOWED, outcome, "recovered by itself");
        assertEquals(ALLOWED, allowedOnItsLoop(loop, CLOSED));
    }
}
