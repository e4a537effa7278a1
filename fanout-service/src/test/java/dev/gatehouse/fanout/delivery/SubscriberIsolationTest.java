package dev.gatehouse.fanout.delivery;

import static dev.gatehouse.fanout.TestCallers.event;
import static dev.gatehouse.fanout.TestCallers.publish;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.gatehouse.fanout.WebhookReceiver;
import dev.gatehouse.testing.RedisTestResource;
import dev.gatehouse.testing.SmtpTestResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Subscribers never wait for each other: one that hangs holds only its own deliveries. Shown by
 * cause, not by timing: held answers nothing until the test releases it, and times out only after
 * longer than any wait of the test, so a subscriber that had to wait for held's slot would stall.
 */
@QuarkusTest
@TestProfile(SubscriberIsolationTest.HeldAndPrompt.class)
@WithTestResource(value = RedisTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = WebhookReceiver.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = SmtpTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class SubscriberIsolationTest {

    /** held and prompt both take held.thing, one delivery at a time each. */
    public static class HeldAndPrompt implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            String held = "gatehouse.fanout.subscriptions.held.";
            String prompt = "gatehouse.fanout.subscriptions.prompt.";
            return Map.ofEntries(
                    // Longer than held's timeout: nothing is claimed while held holds it.
                    Map.entry("gatehouse.fanout.worker.visibility-timeout", "5m"),
                    Map.entry(held + "event-type", "held.thing"),
                    Map.entry(held + "kind", "webhook"),
                    Map.entry(held + "url", "${test.receiver}/held"),
                    Map.entry(held + "timeout", "2m"),
                    Map.entry(held + "max-in-flight", "1"),
                    Map.entry(prompt + "event-type", "held.thing"),
                    Map.entry(prompt + "kind", "webhook"),
                    Map.entry(prompt + "url", "${test.receiver}/prompt"),
                    Map.entry(prompt + "timeout", "2s"),
                    Map.entry(prompt + "max-in-flight", "1"));
        }
    }

    @Test
    void aHangingSubscriberNeverDelaysAnother() throws Exception {
        try {
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                ids.add(publish("held.thing", "{}"));
            }
            WebhookReceiver.awaitDistinct("/held", 1);
            for (String id : ids) {
                DeliveryTest.awaitEvent(id, e -> DeliveryTest.delivered(e, "prompt"));
                assertEquals(1, WebhookReceiver.at("/prompt", id).size(), "once: " + id);
            }
            assertEquals(1, WebhookReceiver.heldUnanswered(), "held still holds its first");
            assertEquals(1, WebhookReceiver.at("/held").size(), "and has taken no other");
            event(ids.get(ids.size() - 1)).body("deliveries.held.state", equalTo("pending"));
        } finally {
            WebhookReceiver.releaseHeld();
        }
    }
}
