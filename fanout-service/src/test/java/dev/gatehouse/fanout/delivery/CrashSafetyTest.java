package dev.gatehouse.fanout.delivery;

import static dev.gatehouse.fanout.TestCallers.event;
import static dev.gatehouse.fanout.TestCallers.publish;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.gatehouse.fanout.WebhookReceiver;
import dev.gatehouse.fanout.WebhookReceiver.Received;
import dev.gatehouse.testing.Await;
import dev.gatehouse.testing.RedisTestResource;
import dev.gatehouse.testing.SmtpTestResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * At least once, whatever dies: deliveries read by a consumer that crashes are claimed by another
 * after the visibility timeout (3 s in tests), and nothing published is lost across a restart.
 */
@QuarkusTest
@WithTestResource(value = RedisTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = WebhookReceiver.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = SmtpTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class CrashSafetyTest {

    @Inject DeliveryWorkers workers;

    @Test
    void deliveriesReadByACrashedConsumerAreClaimedAndDelivered() throws Exception {
        workers.haltAll();
        // Reads blocked in Redis when the workers halted must return before the crashed consumer
        // reads, or they would take some of its deliveries.
        Await.until("no halted worker's read is blocked in Redis", () -> !readsBlocked());
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            ids.add(publish("bulk.thing", "{\"crash\":" + i + "}"));
        }
        // A consumer reads them all, then dies without acknowledging anything.
        Object read =
                RedisTestResource.standalone()
                        .call(
                                "XREADGROUP",
                                "GROUP",
                                "fanout",
                                "crashed",
                                "COUNT",
                                "100",
                                "STREAMS",
                                "{fanout}:deliveries:bulk",
                                ">");
        assertEquals(20, ((List<?>) ((List<?>) ((List<?>) read).get(0)).get(1)).size());
        long readAt = redisMillis();

        workers.start("survivor-" + System.nanoTime());
        long started = redisMillis();
        // Only a survivor that starts well within the timeout can tell an early claim from a due
        // one (a loaded machine may start it later: then this run proves nothing, and says so).
        assumeTrue(
                started - readAt < 1_000,
                "survivor started " + (started - readAt) + " ms after the crashed read");
        Await.until("the survivor delivered all", () -> arrived(ids).size() == ids.size());
        assertEquals(new HashSet<>(ids), arrived(ids), "the survivor claimed and delivered all");
        for (String id : ids) {
            JsonPath state = DeliveryTest.awaitEvent(id, e -> DeliveryTest.delivered(e, "bulk"));
            // Held by the dead consumer until the visibility timeout (3 s), on Redis's clock.
            long deliveredAt =
                    Instant.parse(state.getString("deliveries.bulk.deliveredAt")).toEpochMilli();
            assertTrue(
                    deliveredAt - readAt >= 3_000,
                    id + " delivered " + (deliveredAt - readAt) + " ms after the crashed read");
        }
    }

    @Test
    void noEventIsLostAcrossARestartInTheMiddleOfAThousand() throws Exception {
        int total = 1_000;
        List<String> ids = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger published = new AtomicInteger();
        ExecutorService publishers = Executors.newFixedThreadPool(8);
        List<Future<?>> work = new ArrayList<>();
        for (int i = 0; i < total; i++) {
            int n = i;
            work.add(
                    publishers.submit(
                            () -> {
                                ids.add(publish("bulk.thing", "{\"n\":" + n + "}"));
                                if (published.incrementAndGet() == total / 2) {
                                    // The instance dies mid-stream; a new one takes over.
                                    workers.haltAll();
                                    workers.start("restarted-" + System.nanoTime());
                                }
                            }));
        }
        for (Future<?> f : work) {
            f.get(60, TimeUnit.SECONDS);
        }
        publishers.shutdown();
        assertEquals(total, new HashSet<>(ids).size());

        Await.until("every published event was delivered", () -> arrived(ids).size() == total);
        int deliveries = 0;
        for (String id : ids) {
            deliveries += WebhookReceiver.at("/bulk", id).size();
        }
        assertTrue(deliveries >= total, "at least once");
        for (String id : ids.subList(0, 50)) {
            event(id).statusCode(200);
            DeliveryTest.awaitEvent(id, e -> DeliveryTest.delivered(e, "bulk"));
        }
    }

    /** Whether a client is blocked in XREADGROUP (a worker's read waiting for deliveries). */
    private static boolean readsBlocked() {
        String clients = RedisTestResource.standalone().call("CLIENT", "LIST").toString();
        return clients.lines()
                .anyMatch(c -> c.contains("cmd=xreadgroup") && c.contains(" flags=b"));
    }

    private static long redisMillis() {
        List<?> time = (List<?>) RedisTestResource.standalone().call("TIME");
        return Long.parseLong(time.get(0).toString()) * 1_000
                + Long.parseLong(time.get(1).toString()) / 1_000;
    }

    private static Set<String> arrived(List<String> ids) {
        Set<String> wanted = new HashSet<>(ids);
        Set<String> arrived = new HashSet<>();
        for (Received r : WebhookReceiver.at("/bulk")) {
            if (wanted.contains(r.eventId()) && r.signatureValid()) {
                arrived.add(r.eventId());
            }
        }
        return arrived;
    }
}
