package dev.gatehouse.lambda.fanout;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.fanout.events.FanoutKeys;
import dev.gatehouse.testing.RedisTestResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The SAM template's {@code DeliverySchedule} invokes fanout-service's function every minute with
 * an HTTP API event for {@code POST /deliveries/drain}: this posts that event, as the template
 * writes it, to fanout-service's own route in its Lambda build, and the run happens: it works the
 * streams (a waiting delivery is tried and dead-lettered) and says so in its answer.
 */
@QuarkusTest
@WithTestResource(value = RedisTestResource.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
class ScheduledDeliveryRunTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theSamTemplatesScheduledEventRunsADeliveryRunOnFanoutsRoute() throws Exception {
        // One delivery waits on its last attempt; audit's URL refuses connections, so the run
        // must read it, try it and dead-letter it: an answer no run that skipped the streams gives.
        String eventId = "scheduled-" + UUID.randomUUID();
        RedisTestResource.standalone()
                .call(
                        "XADD",
                        FanoutKeys.deliveries("audit"),
                        "*",
                        "id",
                        eventId,
                        "attempt",
                        "5",
                        "event",
                        "{\"detail-type\":\"audit.thing\"}");

        ValidatableResponse response = invoke(scheduledEvent());

        response.body("statusCode", equalTo(200));
        JsonPath run = new JsonPath(response.extract().path("body").toString());
        assertEquals(1, run.getLong("deadLettered"), run.prettify());
        assertEquals(0, run.getLong("delivered"), run.prettify());
        assertTrue(run.getBoolean("drained"), "nothing was left: " + run.prettify());
        assertTrue(run.getString("consumer").endsWith("-drain"), run.prettify());
        assertTrue(
                RedisTestResource.standalone()
                        .call("XRANGE", FanoutKeys.DEAD_LETTERS, "-", "+")
                        .toString()
                        .contains(eventId),
                "the dead-letter stream holds " + eventId);
    }

    @Test
    void theEventWithoutItsAuthorizerContextIsRefused() throws Exception {
        ObjectNode event = (ObjectNode) JSON.readTree(scheduledEvent());
        JsonNode removed = ((ObjectNode) event.path("requestContext")).remove("authorizer");
        assertTrue(removed != null, "the schedule's event names its caller: " + event);
        String anonymous = JSON.writeValueAsString(event);

        invoke(anonymous)
                .body("statusCode", equalTo(403))
                .body("headers.x-amzn-ErrorType", equalTo("MissingAuthenticationTokenException"))
                .body("body", endsWith("\"Missing Authentication Token\"}"));
    }

    private static ValidatableResponse invoke(String event) {
        return given().contentType("application/json")
                .body(event)
                .post("/_lambda_")
                .then()
                .statusCode(200);
    }

    /** The {@code Input} of {@code DeliverySchedule} in deploy/sam/template.yaml, resolved. */
    static String scheduledEvent() throws Exception {
        List<String> lines = Files.readAllLines(Path.of("..", "sam", "template.yaml"));
        StringBuilder input = new StringBuilder();
        boolean inSchedule = false;
        boolean inInput = false;
        for (String line : lines) {
            if (line.equals("  DeliverySchedule:")) {
                inSchedule = true;
            } else if (inSchedule && line.trim().equals("Input: !Sub |")) {
                inInput = true;
            } else if (inInput && !line.startsWith("          ")) {
                break;
            } else if (inInput) {
                input.append(line.substring(10)).append('\n');
            }
        }
        assertTrue(input.length() > 0, "DeliverySchedule has an Input");
        String event =
                input.toString()
                        .replace("${AWS::AccountId}", "123456789012")
                        .replace("${DeliveryScheduleRole.RoleId}", "AROAEXAMPLESCHEDULE1")
                        .replace("${DeliveryScheduleRole}", "gatehouse-DeliveryScheduleRole-1")
                        .replace("${Stage}", "prod");
        assertFalse(event.contains("${"), event);
        return event;
    }
}
