package dev.gatehouse.fanout.delivery;

import static dev.gatehouse.fanout.TestCallers.event;
import static dev.gatehouse.fanout.TestCallers.publish;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.fanout.WebhookReceiver;
import dev.gatehouse.fanout.WebhookReceiver.Received;
import dev.gatehouse.testing.Await;
import dev.gatehouse.testing.RedisTestResource;
import dev.gatehouse.testing.SmtpTestResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
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
 * At least once, whatever dies: nothing published is lost across a restart in the middle of a
 * stream (deliveries read by a crashed consumer and claimed only once overdue: {@link
 * AbandonedDeliveriesTest}).
 */
@QuarkusTest
@WithTestResource(value = RedisTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = WebhookReceiver.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = SmtpTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class CrashSafetyTest {

    @Inject DeliveryWorkers workers;

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
