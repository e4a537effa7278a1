package dev.gatehouse.fanout.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.fanout.WebhookReceiver;
import dev.gatehouse.fanout.config.FanoutConfig;
import dev.gatehouse.fanout.delivery.SubscriberPump.State;
import dev.gatehouse.fanout.events.FanoutKeys;
import dev.gatehouse.testing.Await;
import dev.gatehouse.testing.RedisTestResource;
import dev.gatehouse.testing.SmtpTestResource;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.UniEmitter;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every transition of a {@link SubscriberPump} that can go wrong, on a real Redis stream and
 * consumer group: the pump under test is the production class; only its subscriber is a test
 * channel that holds each delivery until the test lets it complete, so nothing here waits on the
 * clock to see a state.
 */
@QuarkusTest
@WithTestResource(value = RedisTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = WebhookReceiver.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = SmtpTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class SubscriberPumpTest {

    private static final AtomicInteger SUBSCRIBERS = new AtomicInteger();

    @Inject ReactiveRedisDataSource redis;

    private DeliveryLedger ledger;
    private String subscriber;
    private final HeldChannel channel = new HeldChannel();

    @BeforeEach
    void ledgerAndSubscriber() {
        ledger = new DeliveryLedger(redis);
        subscriber = "pump-test-" + SUBSCRIBERS.incrementAndGet() + "-" + System.nanoTime();
    }

    @Test
    void aRunningPumpHoldsNoMoreThanMaxInFlightAndReadsAgainWhenOneSettles() {
        SubscriberPump pump = pump("first", 2);
        publish(5);
        pump.start();
        assertEquals(State.RUNNING, pump.state());
        Await.until("two deliveries reached the subscriber", () -> channel.held.size() == 2);
        assertEquals(2, pump.inFlight());
        assertEquals(2, pending(), "only as many read as there is room for");

        channel.held.get(0).complete(null);
        Await.until("a third delivery was read", () -> channel.held.size() == 3);
        Await.until("the first settled", () -> delivered(pump) == 1);
        assertEquals(2, pump.inFlight());
        pump.halt();
    }

    @Test
    void aStoppedPumpSettlesWhatIsUnderWayAndReadsNoMore() {
        SubscriberPump pump = pump("draining", 2);
        publish(4);
        pump.start();
        Await.until("two deliveries under way", () -> channel.held.size() == 2);

        pump.stop();
        assertEquals(State.DRAINING, pump.state());
        assertFalse(pump.settled(), "two deliveries are still under way");
        channel.held.forEach(held -> held.complete(null));
        Await.until("both settled", pump::settled);

        assertEquals(2, delivered(pump));
        assertEquals(2, channel.held.size(), "nothing read after stop");
        assertEquals(0, pending());
        assertEquals(2L, streamLength(), "the two never read stay in the stream");
        pump.claimAbandoned();
        assertTrue(pump.settled(), "a draining pump begins no claim");
    }

    @Test
    void aHaltedPumpLeavesWhatWasUnderWayForAnotherConsumerAndIgnoresLateOutcomes() {
        SubscriberPump crashed = pump("crashed", 2);
        publish(2);
        crashed.start();
        Await.until("two deliveries under way", () -> channel.held.size() == 2);

        crashed.halt();
        assertEquals(State.HALTED, crashed.state());
        assertTrue(crashed.settled(), "a halted pump holds nothing");
        channel.held.forEach(held -> held.complete(null));
        assertEquals(0, delivered(crashed), "an outcome after the halt is not recorded");
        assertEquals(0, crashed.inFlight());
        assertEquals(2, pending(), "both stay pending, as after a crash");

        HeldChannel survivorChannel = new HeldChannel();
        SubscriberPump survivor = pump("survivor", 2, survivorChannel, Duration.ZERO);
        survivor.start();
        survivor.claimAbandoned();
        Await.until("the survivor claimed both", () -> survivorChannel.held.size() == 2);
        survivorChannel.held.forEach(held -> held.complete(null));
        Await.until("the survivor settled both", () -> delivered(survivor) == 2);
        assertEquals(0, pending());
        survivor.halt();
    }

    @Test
    void aPumpStartsOnceAndNeverAfterAHalt() {
        SubscriberPump pump = pump("once", 1);
        pump.start();
        assertThrows(IllegalStateException.class, pump::start);
        pump.halt();
        assertThrows(IllegalStateException.class, pump::start);
        assertEquals(State.HALTED, pump.state());
    }

    @Test
    void aFailedReadIsRetriedUntilTheStreamCanBeRead() {
        // No consumer group yet: XREADGROUP fails (NOGROUP) until the group exists.
        SubscriberPump pump = pump("retrying", 2, channel, Duration.ofSeconds(30), false);
        long failedBefore = noGroupErrors();
        pump.start();
        Await.until("the first read failed with NOGROUP", () -> noGroupErrors() > failedBefore);
        assertFalse(pump.settled(), "the failed read is retried, not forgotten");
        ledger.ensureGroup(subscriber).await().atMost(Duration.ofSeconds(5));
        publish(1);
        Await.until("delivered after the retry", () -> channel.held.size() == 1);
        pump.halt();
    }

    private SubscriberPump pump(String consumer, int maxInFlight) {
        return pump(consumer, maxInFlight, channel, Duration.ofSeconds(30));
    }

    private SubscriberPump pump(
            String consumer, int maxInFlight, HeldChannel to, Duration visibility) {
        return pump(consumer, maxInFlight, to, visibility, true);
    }

    private SubscriberPump pump(
            String consumer,
            int maxInFlight,
            HeldChannel to,
            Duration visibility,
            boolean withGroup) {
        if (withGroup) {
            ledger.ensureGroup(subscriber).await().atMost(Duration.ofSeconds(5));
        }
        return new SubscriberPump(
                subscriber,
                new TestSubscription(maxInFlight),
                to,
                ledger,
                consumer,
                new TestWorker(visibility));
    }

    private void publish(int events) {
        for (int i = 0; i < events; i++) {
            RedisTestResource.standalone()
                    .call(
                            "XADD",
                            FanoutKeys.deliveries(subscriber),
                            "*",
                            "id",
                            "event-" + i,
                            "attempt",
                            "1",
                            "event",
                            "{\"n\":" + i + "}");
        }
    }

    private long pending() {
        List<?> summary =
                (List<?>)
                        RedisTestResource.standalone()
                                .call("XPENDING", FanoutKeys.deliveries(subscriber), "fanout");
        return Long.parseLong(summary.get(0).toString());
    }

    /** Commands Redis refused with NOGROUP so far (INFO errorstats). */
    private static long noGroupErrors() {
        String info = RedisTestResource.standalone().call("INFO", "errorstats").toString();
        return info.lines()
                .filter(line -> line.startsWith("errorstat_NOGROUP:count="))
                .mapToLong(line -> Long.parseLong(line.substring(line.indexOf('=') + 1).trim()))
                .findFirst()
                .orElse(0);
    }

    private long streamLength() {
        return Long.parseLong(
                RedisTestResource.standalone()
                        .call("XLEN", FanoutKeys.deliveries(subscriber))
                        .toString());
    }

    private static long delivered(SubscriberPump pump) {
        DeliveryCounts counts = new DeliveryCounts();
        pump.addOutcomesTo(counts);
        return counts.delivered();
    }

    /** A subscriber that accepts each delivery only when the test completes it. */
    static final class HeldChannel implements Channel {
        final List<UniEmitter<? super Void>> held = new CopyOnWriteArrayList<>();

        @Override
        public Uni<Void> deliver(Delivery delivery) {
            return Uni.createFrom().emitter(held::add);
        }
    }

    private record TestSubscription(int maxInFlight) implements FanoutConfig.Subscription {
        public String eventType() {
            return "pump.test";
        }

        public FanoutConfig.Kind kind() {
            return FanoutConfig.Kind.webhook;
        }

        public Optional<String> url() {
            return Optional.empty();
        }

        public String recipient() {
            return "";
        }

        public String subject() {
            return "";
        }

        public Duration timeout() {
            return Duration.ofMinutes(1);
        }

        public int maxAttempts() {
            return 5;
        }

        public Duration initialBackoff() {
            return Duration.ofSeconds(1);
        }

        public Duration maxBackoff() {
            return Duration.ofMinutes(5);
        }
    }

    private record TestWorker(Duration visibilityTimeout) implements FanoutConfig.Worker {
        public boolean enabled() {
            return true;
        }

        public Optional<String> consumerName() {
            return Optional.empty();
        }

        public Duration pollInterval() {
            return Duration.ofMillis(100);
        }

        public Duration readBlock() {
            return Duration.ofMillis(200);
        }
    }
}
