package dev.gatehouse.fanout.deadletter;

import static dev.gatehouse.fanout.TestCallers.ADMIN;
import static dev.gatehouse.fanout.TestCallers.PUBLISHER;
import static dev.gatehouse.fanout.TestCallers.publish;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.gatehouse.fanout.WebhookReceiver;
import dev.gatehouse.testing.RedisTestResource;
import dev.gatehouse.testing.SmtpTestResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

/** A delivery that used up its attempts is dead-lettered; an admin's replay delivers it. */
@QuarkusTest
@WithTestResource(value = RedisTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = WebhookReceiver.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = SmtpTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class DeadLetterReplayTest {

    @Test
    void alwaysFailingGoesToTheDeadLettersAndAReplayDeliversIt() {
        WebhookReceiver.mendDoomed(false);
        String id = publish("doomed.thing", "{\"n\":1}");
        JsonPath dead = awaitState(id, "dead-lettered");
        assertEquals(3, dead.getInt("deliveries.doomed.attempts"));
        assertEquals("HTTP 500 from the subscriber", dead.getString("deliveries.doomed.lastError"));
        assertEquals(3, WebhookReceiver.at("/doomed", id).size(), "max-attempts 3");
        String deadLetter = dead.getString("deliveries.doomed.deadLetterId");

        // Only the admin policy allows a replay.
        given().filter(PUBLISHER)
                .post("/dead-letters/" + deadLetter + "/replay")
                .then()
                .statusCode(403)
                .header("x-amzn-ErrorType", "AccessDeniedException");

        WebhookReceiver.mendDoomed(true);
        given().filter(ADMIN)
                .post("/dead-letters/" + deadLetter + "/replay")
                .then()
                .statusCode(202)
                .body("eventId", equalTo(id))
                .body("subscriber", equalTo("doomed"));
        JsonPath delivered = awaitState(id, "delivered");
        assertEquals(1, delivered.getInt("deliveries.doomed.attempts"));
        assertEquals(4, WebhookReceiver.at("/doomed", id).size());

        // A dead letter is replayed once.
        given().filter(ADMIN)
                .post("/dead-letters/" + deadLetter + "/replay")
                .then()
                .statusCode(404)
                .body(equalTo("{\"message\":\"Dead letter not found\"}"));
    }

    @Test
    void unknownDeadLettersAreNotFound() {
        for (String id : new String[] {"1-0", "nope", "99999999999999-0"}) {
            given().filter(ADMIN)
                    .post("/dead-letters/" + id + "/replay")
                    .then()
                    .statusCode(404)
                    .header("x-amzn-ErrorType", "NotFoundException");
        }
    }

    private static JsonPath awaitState(String id, String state) {
        long deadline = System.currentTimeMillis() + 20_000;
        while (true) {
            JsonPath event = given().filter(ADMIN).get("/events/" + id).then().extract().jsonPath();
            if (state.equals(event.getString("deliveries.doomed.state"))) {
                return event;
            }
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError(event.prettify());
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }
    }
}
