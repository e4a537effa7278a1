package dev.gatehouse.fanout.delivery;

import static dev.gatehouse.fanout.TestCallers.publish;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.gatehouse.fanout.WebhookReceiver;
import dev.gatehouse.fanout.WebhookReceiver.Received;
import dev.gatehouse.fanout.events.FanoutKeys;
import dev.gatehouse.fanout.subscription.Subscriptions;
import dev.gatehouse.testing.Await;
import dev.gatehouse.testing.RedisTestResource;
import dev.gatehouse.testing.SmtpTestResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Deliveries read by a consumer that crashes are claimed by another only once they have been
 * abandoned for the visibility timeout, then delivered. Deterministic: the timeout is a minute, the
 * survivor's claims are triggered by the test (not by its timer), and the deliveries are made
 * overdue by setting their idle time in Redis (XCLAIM IDLE), not by waiting.
 */
@QuarkusTest
@TestProfile(AbandonedDeliveriesTest.MinuteVisibility.class)
@WithTestResource(value = RedisTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = WebhookReceiver.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = SmtpTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class AbandonedDeliveriesTest {

    static final String BULK = FanoutKeys.deliveries("bulk");

    /** A visibility timeout no slow machine reaches during the test. */
    public static class MinuteVisibility implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("gatehouse.fanout.worker.visibility-timeout", "60s");
        }
    }

    @Inject DeliveryWorkers workers;
    @Inject Subscriptions subscriptions;

    @Test
    void deliveriesReadByACrashedConsumerAreClaimedOnlyOnceOverdueAndThenDelivered() {
        workers.haltAll();
        // Reads blocked in Redis when the workers halted must return before the crashed consumer
        // reads, or they would take some of its deliveries.
        Await.until("no halted worker's read is blocked in Redis", () -> !readsBlocked());
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            ids.add(publish("bulk.thing", "{\"crash\":" + i + "}"));
        }
        // A consumer reads them all, then dies without acknowledging anything.
        List<String> entries = readAsCrashed();
        assertEquals(20, entries.size());

        DeliveryWorker survivor = workers.start("survivor-" + System.nanoTime());
        long claims = xautoclaimCalls();
        survivor.claimNow();
        int pumps = subscriptions.all().size();
        Await.until(
                "the survivor claimed on every stream once",
                () -> xautoclaimCalls() >= claims + pumps);
        assertEquals(
                entries.size(),
                ownedBy("crashed", entries),
                "held by the crashed consumer until the visibility timeout");

        // Now abandoned for two minutes, on Redis's clock: overdue.
        List<Object> overdue = new ArrayList<>(List.of("XCLAIM", BULK, "fanout", "crashed", "0"));
        overdue.addAll(entries);
        overdue.addAll(List.of("IDLE", "120000", "JUSTID"));
        RedisTestResource.standalone()
                .call(overdue.stream().map(String::valueOf).toArray(String[]::new));
        survivor.claimNow();
        Await.until("the survivor delivered all", () -> arrived(ids).size() == ids.size());
        for (String id : ids) {
            DeliveryTest.awaitEvent(id, e -> DeliveryTest.delivered(e, "bulk"));
        }
    }

    private static List<String> readAsCrashed() {
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
                                BULK,
                                ">");
        List<String> ids = new ArrayList<>();
        for (Object entry : (List<?>) ((List<?>) ((List<?>) read).get(0)).get(1)) {
            ids.add(((List<?>) entry).get(0).toString());
        }
        return ids;
    }

    /** How many of {@code entries} are pending for {@code consumer}. */
    private static long ownedBy(String consumer, List<String> entries) {
        List<?> pending =
                (List<?>)
                        RedisTestResource.standalone()
                                .call("XPENDING", BULK, "fanout", "-", "+", "1000", consumer);
        Set<String> held = new HashSet<>();
        for (Object entry : pending) {
            held.add(((List<?>) entry).get(0).toString());
        }
        return entries.stream().filter(held::contains).count();
    }

    /** XAUTOCLAIM calls Redis has answered so far (INFO commandstats). */
    private static long xautoclaimCalls() {
        String info = RedisTestResource.standalone().call("INFO", "commandstats").toString();
        return info.lines()
                .filter(line -> line.startsWith("cmdstat_xautoclaim:calls="))
                .mapToLong(
                        line ->
                                Long.parseLong(
                                        line.substring(line.indexOf('=') + 1, line.indexOf(','))))
                .findFirst()
                .orElse(0);
    }

    /** Whether a client is blocked in XREADGROUP (a worker's read waiting for deliveries). */
    private static boolean readsBlocked() {
        String clients = RedisTestResource.standalone().call("CLIENT", "LIST").toString();
        return clients.lines()
                .anyMatch(c -> c.contains("cmd=xreadgroup") && c.contains(" flags=b"));
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
