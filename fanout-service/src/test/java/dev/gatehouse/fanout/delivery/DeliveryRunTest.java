package dev.gatehouse.fanout.delivery;

import static dev.gatehouse.fanout.TestCallers.ADMIN;
import static dev.gatehouse.fanout.TestCallers.PUBLISHER;
import static dev.gatehouse.fanout.TestCallers.event;
import static dev.gatehouse.fanout.TestCallers.publish;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.fanout.WebhookReceiver;
import dev.gatehouse.fanout.events.FanoutKeys;
import dev.gatehouse.testing.Await;
import dev.gatehouse.testing.RedisTestResource;
import dev.gatehouse.testing.SmtpTestResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Where no worker runs on its own (Lambda), events wait in Redis until a delivery run ({@code POST
 * /deliveries/drain}) works them: it delivers, retries what fails, moves due retries, and ends as
 * soon as nothing is left, or at its budget.
 */
@QuarkusTest
@TestMethodOrder(MethodOrderer.MethodName.class)
@TestProfile(DeliveryRunTest.NoWorker.class)
@WithTestResource(value = RedisTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = WebhookReceiver.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = SmtpTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class DeliveryRunTest {

    /** As on Lambda: this instance only accepts events. A run lasts at most 4 s. */
    public static class NoWorker implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "gatehouse.fanout.worker.enabled", "false",
                    "gatehouse.fanout.drain.budget", "4s",
                    "gatehouse.fanout.drain.grace", "1s");
        }
    }

    @Test
    void eventsWaitForARunThatDeliversThemAllAndEndsWhenNothingIsLeft() throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            ids.add(publish("bulk.thing", "{\"run\":" + i + "}"));
        }
        // A worker reads as soon as the application starts: none has joined the stream's group.
        assertEquals(List.of(), readers(FanoutKeys.deliveries("bulk")), "no worker runs");
        for (String id : ids) {
            assertEquals(0, WebhookReceiver.at("/bulk", id).size(), "no worker runs");
            event(id).body("deliveries.bulk.state", equalTo("pending"));
        }

        JsonPath run = drain().statusCode(200).extract().jsonPath();

        assertTrue(run.getBoolean("drained"), "ended because nothing was left: " + run.prettify());
        assertTrue(run.getLong("durationMillis") < 4_000, run.prettify());
        assertTrue(run.getLong("delivered") >= ids.size(), run.prettify());
        assertTrue(run.getString("consumer").endsWith("-drain"), run.prettify());
        for (String id : ids) {
            assertEquals(1, WebhookReceiver.at("/bulk", id).size(), "once: " + id);
            event(id).body("deliveries.bulk.state", equalTo("delivered"));
        }
        Object consumers =
                RedisTestResource.standalone()
                        .call("XINFO", "CONSUMERS", FanoutKeys.deliveries("bulk"), "fanout");
        assertEquals(List.of(), consumers, "the run's consumer left the group it emptied");
    }

    @Test
    void aRunRetriesAFailingDeliveryUntilItIsAccepted() {
        WebhookReceiver.flakyFailures(2);
        String id = publish("flaky.thing", "{}");

        JsonPath run = drain().statusCode(200).extract().jsonPath();

        assertTrue(run.getBoolean("drained"), run.prettify());
        assertTrue(run.getLong("retried") >= 2, run.prettify());
        event(id)
                .body("deliveries.flaky.state", equalTo("delivered"))
                .body("deliveries.flaky.attempts", equalTo(3));
        assertEquals(3, WebhookReceiver.at("/flaky", id).size());
    }

    @Test
    void aRunEndsAtItsBudgetWhileASubscriberHangsAndOnlyOneRunsAtATime() throws Exception {
        // hanging takes one at a time and answers none (1 s timeout): 6 need 6 s, the budget is 4.
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            ids.add(publish("mixed.thing", "{}"));
        }
        int before = WebhookReceiver.at("/hanging").size();
        CompletableFuture<ExtractableResponse<Response>> first =
                CompletableFuture.supplyAsync(() -> drain().extract());
        Await.until(
                "the first run is under way", () -> WebhookReceiver.at("/hanging").size() > before);

        drain().statusCode(409)
                .header("x-amzn-ErrorType", "ConflictException")
                .body("message", equalTo("A delivery run of this instance is already under way"));

        ExtractableResponse<Response> done = first.get();
        JsonPath run = done.jsonPath();
        assertEquals(200, done.statusCode(), run.prettify());
        assertFalse(run.getBoolean("drained"), "ended at its budget: " + run.prettify());
        assertTrue(run.getLong("durationMillis") >= 4_000, run.prettify());
        assertTrue(run.getLong("durationMillis") < 7_000, run.prettify());
        for (String id : ids) {
            event(id).body("deliveries.quick.state", equalTo("delivered"));
        }
        // hanging's deliveries would keep every later run busy: they go.
        RedisTestResource.standalone()
                .call("DEL", FanoutKeys.RETRIES, FanoutKeys.deliveries("hanging"));
    }

    @Test
    void aRunNeedsAnIdentityWhosePolicyAllowsIt() {
        given().post("/deliveries/drain")
                .then()
                .statusCode(403)
                .body("message", equalTo("Missing Authentication Token"));
        given().filter(PUBLISHER).post("/deliveries/drain").then().statusCode(403);
    }

    /** The consumers of every group of {@code stream} (none when it has no group yet). */
    private static List<Object> readers(String stream) {
        List<Object> consumers = new ArrayList<>();
        for (Object group :
                (List<?>) RedisTestResource.standalone().call("XINFO", "GROUPS", stream)) {
            List<?> fields = (List<?>) group;
            String name = fields.get(fields.indexOf("name") + 1).toString();
            consumers.addAll(
                    (List<?>)
                            RedisTestResource.standalone()
                                    .call("XINFO", "CONSUMERS", stream, name));
        }
        return consumers;
    }

    private static io.restassured.response.ValidatableResponse drain() {
        return given().filter(ADMIN).post("/deliveries/drain").then();
    }
}
