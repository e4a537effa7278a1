package dev.gatehouse.stores.events;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gatehouse.testing.Await;
import dev.gatehouse.testing.RedisTestResource;
import dev.gatehouse.testing.TestUserPool;
import dev.gatehouse.testing.TestUserPoolResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A placed order's {@code order.placed} event goes through the Redis outbox: the order is saved
 * while fanout-service is down or failing, and the event is published, signed as stores-service
 * with the order id as idempotency key, once fanout-service accepts it, and only then removed.
 */
@QuarkusTest
@WithTestResource(value = RedisTestResource.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
@WithTestResource(value = TestUserPoolResource.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
@WithTestResource(value = FanoutStandIn.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
class OrderEventsOutboxTest {

    final ObjectMapper json = new ObjectMapper();

    // The relay's own timer never fires in these tests (FanoutStandIn sets an interval of an hour):
    // a test sweeps when it needs a sweep, and an event published without one went out at once.
    @Inject OutboxRelay relay;

    @AfterEach
    void reset() {
        FanoutStandIn.down();
        FanoutStandIn.failing = false;
    }

    @Test
    void anOrderPlacedWhileFanoutIsDownIsPublishedOnceItIsBack() throws Exception {
        FanoutStandIn.down();
        String sub = UUID.randomUUID().toString();
        String orderId = place(sub, "ada@example.com");
        assertEquals(
                200,
                given().header("Authorization", token(sub, "ada@example.com"))
                        .get("/orders")
                        .statusCode(),
                "the order is saved");
        for (int sweep = 0; sweep < 3; sweep++) {
            sweep(); // finds fanout-service down
        }
        assertTrue(pending(sub).containsKey(orderId), "the event waits in the outbox");
        assertTrue(published(orderId).isEmpty());

        FanoutStandIn.up();
        sweep();
        assertTrue(!published(orderId).isEmpty(), "published once fanout-service is back");
        JsonNode event = json.readTree(published(orderId).get(0).body());
        assertTrue(published(orderId).get(0).signatureValid(), "signed as stores-service");
        assertEquals("order.placed", event.path("type").asText());
        assertEquals(orderId, event.path("idempotencyKey").asText());
        assertEquals(orderId, event.at("/detail/orderId").asText());
        assertEquals("ada@example.com", event.at("/detail/customer/email").asText());
        assertEquals("Sourdough", event.at("/detail/items/0/name").asText());
        await(() -> pending(sub).isEmpty(), "removed from the outbox after the 202");
        await(() -> !marked(sub), "the customer's mark is dropped");
    }

    @Test
    void anEventStaysInTheOutboxWhileFanoutRefusesIt() throws Exception {
        FanoutStandIn.failing = true;
        FanoutStandIn.up();
        String sub = UUID.randomUUID().toString();
        int before = FanoutStandIn.attempts;
        String orderId = place(sub, "bob@example.com");
        for (int sweep = 0; sweep < 3; sweep++) {
            sweep();
        }
        assertTrue(FanoutStandIn.attempts >= before + 3, "retried on every sweep");
        assertTrue(pending(sub).containsKey(orderId), "kept while fanout-service answers 503");

        FanoutStandIn.failing = false;
        sweep();
        assertTrue(pending(sub).isEmpty(), "removed once accepted");
        assertEquals(1, published(orderId).size());
    }

    @Test
    void whenFanoutIsUpTheEventGoesOutAtOnce() throws Exception {
        FanoutStandIn.up();
        String sub = UUID.randomUUID().toString();
        String orderId = place(sub, "cy@example.com");
        // No sweep runs: only the relay's nudge after the order can publish it.
        await(() -> !published(orderId).isEmpty(), "published");
        await(() -> pending(sub).isEmpty(), "removed from the outbox after the 202");
    }

    private void sweep() {
        relay.sweepOnce().await().atMost(Duration.ofSeconds(30));
    }

    private String place(String sub, String email) {
        return given().header("Authorization", token(sub, email))
                .contentType("application/json")
                .body(
                        "{\"storeId\":\"mad-010\",\"items\":[{\"name\":\"Sourdough\",\"quantity\":1}]}")
                .post("/orders")
                .then()
                .statusCode(201)
                .extract()
                .path("orderId");
    }

    private static String token(String sub, String email) {
        TestUserPool pool = TestUserPoolResource.pool();
        Map<String, Object> claims = pool.idClaims(TestUserPool.WEB_CLIENT);
        claims.put("sub", sub);
        claims.put("cognito:username", sub);
        claims.put("email", email);
        return TestUserPool.sign(pool.idKey(), claims);
    }

    private List<FanoutStandIn.Published> published(String orderId) {
        return FanoutStandIn.published.stream()
                .filter(p -> p.body().contains("\"idempotencyKey\":\"" + orderId + "\""))
                .toList();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> pending(String sub) {
        List<Object> flat =
                (List<Object>)
                        RedisTestResource.standalone().call("HGETALL", OutboxKeys.pending(sub));
        Map<String, String> map = new java.util.HashMap<>();
        for (int i = 0; i + 1 < flat.size(); i += 2) {
            map.put((String) flat.get(i), (String) flat.get(i + 1));
        }
        return map;
    }

    private static boolean marked(String sub) {
        return RedisTestResource.standalone().call("ZSCORE", OutboxKeys.CUSTOMERS, sub) != null;
    }

    private static void await(BooleanSupplier condition, String what) {
        Await.until(what, condition);
    }
}
