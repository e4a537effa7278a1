package dev.gatehouse.auth.usageplan;

import static dev.gatehouse.auth.usageplan.UsageDecision.Outcome.ALLOWED;
import static dev.gatehouse.auth.usageplan.UsageDecision.Outcome.FORBIDDEN;
import static dev.gatehouse.auth.usageplan.UsageDecision.Outcome.QUOTA_EXCEEDED;
import static dev.gatehouse.auth.usageplan.UsageDecision.Outcome.THROTTLED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.auth.usageplan.UsageDecision.Outcome;
import dev.gatehouse.auth.usageplan.config.MeteringConfig;
import io.quarkus.redis.client.RedisClientName;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.RedisDataSource;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The limiter's rules, run against every Redis topology the suite supports (standalone and Redis
 * Cluster subclasses). Calendar boundaries are reached by shifting the script's clock.
 */
abstract class UsagePlanLimiterContract {

    static final String ROUTE = "/stores/GET";

    @Inject UsagePlanLimiter limiter;
    @Inject ShiftedRedisTime clock;
    @Inject ApiKeyDirectory directory;
    @Inject UsagePlanCatalog catalog;
    @Inject MeteringConfig config;
    @Inject ApiKeyProvisioner provisioner;
    @Inject RedisDataSource redis;

    @Inject
    @RedisClientName("second")
    ReactiveRedisDataSource secondClient;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    Outcome decide(String key) {
        return decision(key).outcome();
    }

    UsageDecision decision(String key) {
        return limiter.decide(key, ROUTE).await().atMost(Duration.ofSeconds(5));
    }

    long keyCount() {
        return redis.key().keys("*").size();
    }

    @Test
    void refusesAnUnknownKeyAndWritesNothing() {
        long before = keyCount();
        assertEquals(FORBIDDEN, decide("UnknownKeyValue000000000000000"));
        assertEquals(before, keyCount());
    }

    @Test
    void refusesADisabledKey() {
        assertEquals(FORBIDDEN, decide("DisabledKeyValueForTests01"));
    }

    @Test
    void refusesAKeyWhosePlansDoNotCoverThisApi() {
        assertEquals(FORBIDDEN, decide("FanoutKeyValueForTests0001"));
    }

    @Test
    void disablingAKeyTakesEffectOnTheNextRequest() {
        String record = UsageKeys.record(ApiKeyHash.sha256("OpenKeyValueForTests000001"));
        assertEquals(ALLOWED, decide("OpenKeyValueForTests000001"));
        redis.hash(String.class).hset(record, "enabled", "0");
        assertEquals(FORBIDDEN, decide("OpenKeyValueForTests000001"));
        redis.hash(String.class).hset(record, "enabled", "1");
        assertEquals(ALLOWED, decide("OpenKeyValueForTests000001"));
    }

    @Test
    void bucketStartsFullRefusesWhenEmptyAndRefillsAtTheRate() {
        String key = "Burst3KeyValueForTests0001";
        for (int i = 0; i < 3; i++) {
            assertEquals(ALLOWED, decide(key), "request " + (i + 1));
        }
        UsageDecision throttled = decision(key);
        assertEquals(THROTTLED, throttled.outcome());
        assertEquals(2, throttled.retryAfterSeconds().getAsLong(), "one token at 0.5/s takes 2 s");
        clock.shiftTo(Duration.ofMillis(2_100));
        assertEquals(ALLOWED, decide(key));
        assertEquals(THROTTLED, decide(key));
    }

    @Test
    void aThrottledRequestConsumesNoQuota() {
        String key = "BothKeyValueForTests000001";
        assertEquals(ALLOWED, decide(key));
        UsageDecision second = decision(key);
        assertEquals(ALLOWED, second.outcome());
        assertEquals(8, second.quota().orElseThrow().remaining());
        assertEquals(THROTTLED, decide(key));
        assertEquals(THROTTLED, decide(key));
        String sha = ApiKeyHash.sha256(key);
        long today = LocalDate.now(ZoneOffset.UTC).toEpochDay();
        assertEquals("2", redis.value(String.class).get(UsageKeys.quota(sha, "both", today)));
        assertEquals(
                "2",
                redis.hash(String.class).hget(UsageKeys.dailyUsage(sha, "both", today), "used"));
    }

    @Test
    void offsetLowersOnlyTheFirstPeriodsLimit() {
        String key = "Quota5KeyValueForTests0001";
        for (int i = 0; i < 3; i++) {
            assertEquals(ALLOWED, decide(key), "request " + (i + 1) + " of 5 - 2");
        }
        UsageDecision exceeded = decision(key);
        assertEquals(QUOTA_EXCEEDED, exceeded.outcome());
        assertEquals(
                exceeded.quota().orElseThrow().secondsToPeriodEnd(),
                exceeded.retryAfterSeconds().getAsLong());

        clock.shiftTo(untilNext(TemporalAdjusters.firstDayOfNextMonth()).plusSeconds(1));
        for (int i = 0; i < 5; i++) {
            assertEquals(ALLOWED, decide(key), "request " + (i + 1) + " of 5 in the second month");
        }
        assertEquals(QUOTA_EXCEEDED, decide(key));
    }

    @Test
    void dailyQuotaResetsAtMidnightUtc() {
        String key = "DailyKeyValueForTests00001";
        assertEquals(ALLOWED, decide(key));
        assertEquals(ALLOWED, decide(key));
        assertEquals(QUOTA_EXCEEDED, decide(key));
        Duration toMidnight = untilNext(d -> d.plus(1, java.time.temporal.ChronoUnit.DAYS));
        clock.shiftTo(toMidnight.minusSeconds(2));
        assertEquals(QUOTA_EXCEEDED, decide(key), "still the same UTC day");
        clock.shiftTo(toMidnight.plusSeconds(1));
        assertEquals(ALLOWED, decide(key), "a new UTC day");
    }

    @Test
    void weeklyQuotaResetsOnSundayUtc() {
        String key = "WeeklyKeyValueForTests0001";
        assertEquals(ALLOWED, decide(key));
        assertEquals(ALLOWED, decide(key));
        assertEquals(QUOTA_EXCEEDED, decide(key));
        Duration toSunday = untilNext(TemporalAdjusters.next(java.time.DayOfWeek.SUNDAY));
        clock.shiftTo(toSunday.minusSeconds(2));
        assertEquals(QUOTA_EXCEEDED, decide(key), "still Saturday");
        clock.shiftTo(toSunday.plusSeconds(1));
        assertEquals(ALLOWED, decide(key), "Sunday starts a new week");
    }

    @Test
    void aMethodOverrideHasABucketOfItsOwn() {
        String key = "MethodsKeyValueForTests001";
        for (int i = 0; i < 2; i++) {
            assertEquals(
                    ALLOWED,
                    limiter.decide(key, "/stores/{id}/GET").await().indefinitely().outcome());
        }
        assertEquals(
                THROTTLED,
                limiter.decide(key, "/stores/{id}/GET").await().indefinitely().outcome());
        assertEquals(ALLOWED, decide(key), "the plan bucket of /stores/GET is untouched");
    }

    @Test
    void exactlyTheQuotaSucceedsUnder200ConcurrentRequestsOnTwoInstances() {
        Map<Outcome, Long> outcomes = concurrently("ExactKeyValueForTests00001", 200);
        assertEquals(100L, outcomes.get(ALLOWED), outcomes.toString());
        assertEquals(100L, outcomes.get(QUOTA_EXCEEDED), outcomes.toString());
    }

    @Test
    void theBucketNeverOverAdmitsUnder200ConcurrentRequestsOnTwoInstances() {
        Map<Outcome, Long> outcomes = concurrently("Burst50KeyValueForTests001", 200);
        assertEquals(50L, outcomes.get(ALLOWED), outcomes.toString());
        assertEquals(150L, outcomes.get(THROTTLED), outcomes.toString());
    }

    @Test
    void generatedValuesAreRevealedOnceAndOnlyTheirHashIsStored() throws Exception {
        var file = config.revealFile().orElseThrow();
        var values = new com.fasterxml.jackson.databind.ObjectMapper().readTree(file.toFile());
        String generated = values.get("generatedKey").asText();
        assertTrue(generated.matches("[A-Za-z0-9]{40}"), "40 alphanumerics");
        assertEquals(ALLOWED, decide(generated));
        for (String name : redis.key().keys("*")) {
            assertTrue(!name.contains(generated), "plaintext value in key name " + name);
            if (redis.key().type(name) == io.quarkus.redis.datasource.keys.RedisValueType.HASH) {
                assertTrue(
                        redis.hash(String.class).hgetall(name).values().stream()
                                .noneMatch(v -> v.contains(generated)),
                        "plaintext value in " + name);
            }
        }
        assertTrue(
                provisioner.provision().isEmpty(),
                "provisioning again creates and reveals nothing");
    }

    private Map<Outcome, Long> concurrently(String key, int requests) {
        UsagePlanLimiter second =
                new UsagePlanLimiter(secondClient, directory, catalog, config, clock);
        // A second instance would have warmed its pool at startup, as the first one did.
        List<Uni<io.vertx.mutiny.redis.client.Response>> pings = new ArrayList<>();
        for (int i = 0; i < config.warmConnections(); i++) {
            pings.add(secondClient.execute(io.vertx.mutiny.redis.client.Command.PING));
        }
        Uni.join().all(pings).andFailFast().await().atMost(Duration.ofSeconds(10));
        List<Uni<UsageDecision>> calls = new ArrayList<>();
        for (int i = 0; i < requests; i++) {
            calls.add((i % 2 == 0 ? limiter : second).decide(key, ROUTE));
        }
        List<UsageDecision> decisions =
                Uni.join().all(calls).andFailFast().await().atMost(Duration.ofSeconds(30));
        return decisions.stream()
                .collect(Collectors.groupingBy(UsageDecision::outcome, Collectors.counting()));
    }

    /** Time from now until the start (00:00 UTC) of the day the adjuster picks. */
    static Duration untilNext(java.time.temporal.TemporalAdjuster adjuster) {
        Instant now = Instant.now();
        LocalDate target = LocalDate.ofInstant(now, ZoneOffset.UTC).with(adjuster);
        return Duration.between(now, target.atStartOfDay(ZoneOffset.UTC).toInstant());
    }
}
