package dev.gatehouse.index.notifications;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.gatehouse.index.StoresServiceStub;
import dev.gatehouse.testing.RedisTestResource;
import dev.gatehouse.testing.SigV4Signing;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * POST /notifications, fanout-service's webhook: AWS_IAM, so only a signed principal allowed by its
 * policy posts; what it posts is kept once per idempotency key (for "My orders") and never listed
 * on the public page, since a notification names a customer's order.
 */
@QuarkusTest
@TestProfile(NotificationsWebhookTest.WithPrincipals.class)
@WithTestResource(value = RedisTestResource.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
@WithTestResource(value = StoresServiceStub.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
class NotificationsWebhookTest {

    @Inject NotificationInbox inbox;

    static final SigV4Signing FANOUT =
            SigV4Signing.as("AKIAINDEXTESTFANOUT2", "IndexServiceTestFanoutSecret000000000000");
    static final SigV4Signing NOBODY =
            SigV4Signing.as("AKIAINDEXTESTNOBODY2", "IndexServiceTestNobodySecret000000000000");

    /** Test principals: fanout-service (the suite's policy) and one without any policy. */
    public static class WithPrincipals implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            String p = "gatehouse.iam.principals.";
            return Map.of(
                    "gatehouse.iam.master-key",
                    "dGVzdC1tYXN0ZXIta2V5LW9mLWV4YWN0bHktMzJieXQ=",
                    p + "fanout-service.arn",
                    "arn:aws:iam::123456789012:role/fanout-service",
                    p + "fanout-service.access-key-id",
                    "AKIAINDEXTESTFANOUT2",
                    p + "fanout-service.secret-access-key",
                    "IndexServiceTestFanoutSecret000000000000",
                    p + "fanout-service.policy",
                    "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                            + "\"Action\":\"execute-api:Invoke\","
                            + "\"Resource\":\"arn:aws:execute-api:*:*:*/*/POST/*\"}]}",
                    p + "nobody.arn",
                    "arn:aws:iam::123456789012:user/nobody",
                    p + "nobody.access-key-id",
                    "AKIAINDEXTESTNOBODY2",
                    p + "nobody.secret-access-key",
                    "IndexServiceTestNobodySecret000000000000");
        }
    }

    static final String EVENT =
            "{\"eventId\":\"11111111-2222-3333-4444-555555555555\",\"type\":\"order.placed\","
                    + "\"detail\":{\"orderId\":\"o-77\"}}";

    @Test
    void fanoutServicePostsAndARetriedDeliveryIsKeptOnce() {
        for (int attempt = 0; attempt < 2; attempt++) {
            post(FANOUT, EVENT, "11111111-2222-3333-4444-555555555555:push").statusCode(204);
        }
        List<Notification> kept =
                inbox.latest().stream()
                        .filter(n -> n.eventId().equals("11111111-2222-3333-4444-555555555555"))
                        .toList();
        assertEquals(1, kept.size(), "a retried delivery is kept once");
        Notification notification = kept.get(0);
        assertEquals("push", notification.channel());
        assertEquals("order.placed", notification.type());
        assertEquals("o-77", notification.summary(), "the order id, for matching in My orders");
    }

    @Test
    void thePublicPageNeverListsACustomersNotifications() {
        String eventId = "99999999-8888-7777-6666-555555555555";
        String orderId = "o-private-4242";
        post(
                        FANOUT,
                        "{\"eventId\":\""
                                + eventId
                                + "\",\"type\":\"order.placed\",\"detail\":{\"orderId\":\""
                                + orderId
                                + "\"}}",
                        eventId + ":push")
                .statusCode(204);
        assertEquals(
                1,
                inbox.latest().stream().filter(n -> n.eventId().equals(eventId)).count(),
                "the notification arrived");

        String page = given().get("/").then().statusCode(200).extract().asString();
        assertFalse(page.contains(orderId), "another customer's order id on the public page");
        assertFalse(page.contains(eventId), "a notification's event id on the public page");
        assertFalse(page.contains("data-event-id"), "a notification list on the public page");
    }

    @Test
    void unsignedPostsGetMissingAuthenticationToken() {
        given().contentType("application/json")
                .body(EVENT)
                .post("/notifications")
                .then()
                .statusCode(403)
                .body(equalTo("{\"message\":\"Missing Authentication Token\"}"));
    }

    @Test
    void principalsThePolicyDoesNotAllowAreDenied() {
        post(NOBODY, EVENT, "x:push")
                .statusCode(403)
                .header("x-amzn-ErrorType", "AccessDeniedException");
    }

    @Test
    void malformedNotificationsAreRejected() {
        post(FANOUT, "{\"type\":\"order.placed\"}", "y:push")
                .statusCode(400)
                .body("message", equalTo("eventId is required"));
        post(FANOUT, "nope", "z:push").statusCode(400);
    }

    private static ValidatableResponse post(SigV4Signing caller, String body, String key) {
        return given().filter(caller)
                .contentType("application/json")
                .header("Idempotency-Key", key)
                .queryParam("channel", "push")
                .body(body)
                .post("/notifications")
                .then();
    }
}
