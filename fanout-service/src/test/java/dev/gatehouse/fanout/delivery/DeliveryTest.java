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
import io.restassured.path.json.JsonPath;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/** Each event reaches each subscriber, signed, once; failures are retried on their own. */
@QuarkusTest
@WithTestResource(value = RedisTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = WebhookReceiver.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = SmtpTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class DeliveryTest {

    static final String ORDER =
            "{\"orderId\":\"o-%s\",\"customer\":{\"name\":\"Ada\",\"email\":\"%s\"},"
                    + "\"items\":[{\"name\":\"Flat white\",\"quantity\":2,\"price\":\"3.50\"}],"
                    + "\"total\":\"7.00\",\"currency\":\"EUR\"}";

    @Test
    void anOrderReachesEverySubscriberOnceSigned() throws Exception {
        String email = "ada-" + System.nanoTime() + "@example.com";
        String id = publish("order.placed", ORDER.formatted("1", email));

        JsonPath state = awaitEvent(id, e -> allDelivered(e, "receipt", "push", "sms"));
        for (String subscriber : List.of("receipt", "push", "sms")) {
            assertEquals(1, state.getInt("deliveries." + subscriber + ".attempts"), subscriber);
            assertTrue(
                    state.getString("deliveries." + subscriber + ".deliveredAt")
                            .matches("\\d{4}-.*Z"),
                    subscriber);
        }
        for (String path : List.of("/push", "/sms")) {
            List<Received> arrived = WebhookReceiver.at(path, id);
            assertEquals(1, arrived.size(), path + " once");
            Received one = arrived.get(0);
            assertTrue(one.signatureValid(), path + " carries fanout-service's valid signature");
            assertEquals(id + ":" + path.substring(1), one.idempotencyKey());
            assertEquals("order.placed", one.event().getString("type"));
            assertEquals("o-1", one.event().getJsonObject("detail").getString("orderId"));
        }
        assertEquals("channel=sms", WebhookReceiver.at("/sms", id).get(0).query());

        MimeMessage[] mails = SmtpTestResource.awaitMessagesTo(email, 1);
        assertEquals(1, mails.length, "one receipt");
        assertEquals("Your order receipt", mails[0].getSubject());
        String text = mails[0].getContent().toString();
        assertTrue(text.contains("Hello Ada"), text);
        assertTrue(text.contains("order o-1"), text);
        assertTrue(text.contains("2 x Flat white  3.50"), text);
        assertTrue(text.contains("Total: 7.00 EUR"), text);
        assertEquals(id + ":receipt", mails[0].getHeader("Idempotency-Key")[0]);
    }

    @Test
    void aFailingSubscriberIsRetriedUntilItAccepts() {
        WebhookReceiver.flakyFailures(2);
        String id = publish("flaky.thing", "{}");
        JsonPath state = awaitEvent(id, e -> delivered(e, "flaky"));
        assertEquals(3, state.getInt("deliveries.flaky.attempts"));
        assertEquals(3, WebhookReceiver.at("/flaky", id).size());
    }

    @Test
    void aRetryingDeliveryShowsItsNextAttempt() {
        WebhookReceiver.mendDoomed(false);
        Instant published = Instant.now();
        String id = publish("stalled.thing", "{}");
        JsonPath state =
                awaitEvent(id, e -> "retrying".equals(e.getString("deliveries.stalled.state")));
        assertEquals(1, state.getInt("deliveries.stalled.attempts"));
        assertEquals(
                "HTTP 500 from the subscriber", state.getString("deliveries.stalled.lastError"));
        // The backoff is one hour (with jitter): the next attempt is far in the future.
        Instant next = Instant.parse(state.getString("deliveries.stalled.nextAttemptAt"));
        assertTrue(
                next.isAfter(published.plus(Duration.ofMinutes(10))),
                "nextAttemptAt " + next + " for a 1 h backoff");
    }

    @Test
    void anAddresslessReceiptIsDeadLetteredAtOnce() {
        String id = publish("order.placed", "{\"orderId\":\"o-2\"}");
        JsonPath state = awaitEvent(id, e -> allSettled(e, "receipt", "push", "sms"));
        assertEquals("dead-lettered", state.getString("deliveries.receipt.state"));
        assertEquals(1, state.getInt("deliveries.receipt.attempts"));
        assertEquals(
                "no email address at /detail/customer/email in the event",
                state.getString("deliveries.receipt.lastError"));
        assertEquals("delivered", state.getString("deliveries.push.state"));
    }

    static JsonPath awaitEvent(String id, Predicate<JsonPath> condition) {
        return Await.value(
                "event " + id + " got there",
                () -> event(id).statusCode(200).extract().jsonPath(),
                condition);
    }

    static boolean delivered(JsonPath state, String subscriber) {
        return "delivered".equals(state.getString("deliveries." + subscriber + ".state"));
    }

    static boolean allDelivered(JsonPath state, String... subscribers) {
        for (String subscriber : subscribers) {
            if (!delivered(state, subscriber)) {
                return false;
            }
        }
        return true;
    }

    static boolean allSettled(JsonPath state, String... subscribers) {
        for (String subscriber : subscribers) {
            String s = state.getString("deliveries." + subscriber + ".state");
            if (!"delivered".equals(s) && !"dead-lettered".equals(s)) {
                return false;
            }
        }
        return true;
    }
}
