package dev.gatehouse.fanout.events;

import static dev.gatehouse.fanout.TestCallers.ADMIN;
import static dev.gatehouse.fanout.TestCallers.NOBODY;
import static dev.gatehouse.fanout.TestCallers.PUBLISHER;
import static dev.gatehouse.fanout.TestCallers.event;
import static dev.gatehouse.fanout.TestCallers.publish;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.gatehouse.fanout.WebhookReceiver;
import dev.gatehouse.testing.ManagementInterface;
import dev.gatehouse.testing.RedisTestResource;
import dev.gatehouse.testing.SmtpTestResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** POST /events and GET /events/{id}: signed callers only, validated input, idempotency. */
@QuarkusTest
@WithTestResource(value = RedisTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = WebhookReceiver.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = SmtpTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class PublishEventsTest {

    /** The management interface's {@code /q/} root (loopback, its own port). */
    @TestHTTPResource(value = "/", management = true)
    URL management;

    @Test
    void servesMetricsOnTheManagementInterfaceOnlyAndHealthOnThePublicPort() {
        ManagementInterface.servesMetricsThereOnly(management);
    }

    static final String UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    @Test
    void acceptsASignedEventAndShowsIt() {
        String id =
                publish(
                                PUBLISHER,
                                "{\"type\":\"unwatched.thing\",\"source\":\"tests\","
                                        + "\"detail\":{\"n\":1}}")
                        .statusCode(202)
                        .header("x-amzn-RequestId", matchesPattern(".+"))
                        .body("eventId", matchesPattern(UUID))
                        .extract()
                        .path("eventId");
        event(id)
                .statusCode(200)
                .body("eventId", equalTo(id))
                .body("type", equalTo("unwatched.thing"))
                .body("source", equalTo("tests"))
                .body("detail.n", equalTo(1))
                .body("time", matchesPattern("\\d{4}-\\d\\d-\\d\\dT.*Z"))
                .body("deliveries.size()", equalTo(0));
    }

    @Test
    void theSourceDefaultsToThePublishingPrincipal() {
        String id = dev.gatehouse.fanout.TestCallers.publish("unwatched.thing", "{}");
        event(id).statusCode(200).body("source", equalTo("stores-service"));
    }

    @Test
    void theSameIdempotencyKeyPublishesOnce() throws Exception {
        String body =
                "{\"type\":\"order.placed\",\"idempotencyKey\":\"order-idem-1\","
                        + "\"detail\":{\"orderId\":\"o-idem-1\"}}";
        String first = publish(PUBLISHER, body).statusCode(202).extract().path("eventId");
        String second = publish(PUBLISHER, body).statusCode(202).extract().path("eventId");
        assertEquals(first, second);
        // Another publisher's keys are its own.
        String admins = publish(ADMIN, body).statusCode(202).extract().path("eventId");
        assertNotEquals(first, admins);

        WebhookReceiver.await("/push", first);
        // Settled deliveries leave the stream: once it is empty, a second delivery enqueued by
        // the repeated publish would have arrived.
        awaitEmpty(FanoutKeys.deliveries("push"));
        assertEquals(1, WebhookReceiver.at("/push", first).size(), "delivered once");
    }

    private static void awaitEmpty(String stream) throws InterruptedException {
        for (int i = 0; i < 400; i++) {
            if (((Number) RedisTestResource.standalone().call("XLEN", stream)).longValue() == 0) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError(stream + " still holds unsettled deliveries after 20 s");
    }

    @Test
    void unsignedRequestsGetMissingAuthenticationToken() {
        given().contentType("application/json")
                .body("{\"type\":\"order.placed\",\"detail\":{}}")
                .post("/events")
                .then()
                .statusCode(403)
                .header("x-amzn-ErrorType", "MissingAuthenticationTokenException")
                .body(equalTo("{\"message\":\"Missing Authentication Token\"}"));
        given().get("/events/00000000-0000-0000-0000-000000000000")
                .then()
                .statusCode(403)
                .header("x-amzn-ErrorType", "MissingAuthenticationTokenException");
    }

    @Test
    void callersThePolicyDoesNotAllowGetAccessDenied() {
        publish(NOBODY, "{\"type\":\"order.placed\",\"detail\":{}}")
                .statusCode(403)
                .header("x-amzn-ErrorType", "AccessDeniedException")
                .body(
                        "Message",
                        containsString(
                                "user/nobody is not authorized to perform: execute-api:Invoke"));
        // The publisher may publish, not read.
        String id = dev.gatehouse.fanout.TestCallers.publish("unwatched.thing", "{}");
        given().filter(PUBLISHER)
                .get("/events/" + id)
                .then()
                .statusCode(403)
                .header("x-amzn-ErrorType", "AccessDeniedException");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "{\"type\":|Request body is not valid JSON",
                "[]|Request body must be a JSON object",
                "{\"detail\":{}}|type is required",
                "{\"type\":7,\"detail\":{}}|type must be a string",
                "{\"type\":\"\",\"detail\":{}}|type must not be empty",
                "{\"type\":\"order.placed\"}|detail is required",
                "{\"type\":\"order.placed\",\"detail\":[1]}|detail must be a JSON object",
                "{\"type\":\"order.placed\",\"detail\":{},\"source\":1}|source must be a string",
                "{\"type\":\"order.placed\",\"detail\":{},\"idempotencyKey\":\"\"}"
                        + "|idempotencyKey must not be empty"
            })
    void badEventsAreRejectedNamingTheFieldAndChangeNothing(String body, String message) {
        long before = eventCount();
        publish(PUBLISHER, body)
                .statusCode(400)
                .header("x-amzn-ErrorType", "BadRequestException")
                .body("message", equalTo(message))
                .body(not(containsString("Exception")));
        assertEquals(before, eventCount(), "nothing was stored");
    }

    @Test
    void anEventOver256KilobytesIsTooLarge() {
        long before = eventCount();
        String big =
                "{\"type\":\"order.placed\",\"detail\":{\"x\":\"" + "a".repeat(270_000) + "\"}}";
        publish(PUBLISHER, big)
                .statusCode(413)
                .header("x-amzn-ErrorType", "RequestTooLargeException")
                .body(equalTo("{\"message\":\"Request Too Long\"}"));
        // Checked before authentication, as API Gateway does.
        given().contentType("application/json").body(big).post("/events").then().statusCode(413);
        assertEquals(before, eventCount(), "nothing was stored");
        // Just under the limit is fine.
        String fits =
                "{\"type\":\"unwatched.thing\",\"detail\":{\"x\":\"" + "a".repeat(250_000) + "\"}}";
        publish(PUBLISHER, fits).statusCode(202);
    }

    @Test
    void withRedisDownAPublishIsServiceUnavailableNeverA500() {
        publish(PUBLISHER, "{\"type\":\"unwatched.thing\",\"detail\":{}}").statusCode(202);
        RedisTestResource.stopStandalone();
        try {
            publish(PUBLISHER, "{\"type\":\"unwatched.thing\",\"detail\":{}}")
                    .statusCode(503)
                    .body(not(containsString("Exception")));
        } finally {
            RedisTestResource.restartStandalone();
        }
        publish(PUBLISHER, "{\"type\":\"unwatched.thing\",\"detail\":{}}").statusCode(202);
    }

    @Test
    void unknownEventsAreNotFound() {
        event("00000000-0000-0000-0000-000000000000")
                .statusCode(404)
                .header("x-amzn-ErrorType", "NotFoundException")
                .body(equalTo("{\"message\":\"Event not found\"}"));
        event("not-an-id").statusCode(404).body("message", equalTo("Event not found"));
    }

    private static long eventCount() {
        return (Long)
                RedisTestResource.standalone()
                        .call(
                                "EVAL",
                                "return #redis.call('KEYS', ARGV[1])",
                                "0",
                                "{fanout}:event:*");
    }
}
