package dev.gatehouse.auth.usageplan;

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
