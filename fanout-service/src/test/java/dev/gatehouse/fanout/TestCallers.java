package dev.gatehouse.fanout;

import static io.restassured.RestAssured.given;

import dev.gatehouse.testing.SigV4Signing;
import io.restassured.response.ValidatableResponse;

/** IAM principals configured for tests in src/test/resources/META-INF, and signed requests. */
public final class TestCallers {

    /** May only publish (POST /events), as stores-service does. */
    public static final SigV4Signing PUBLISHER =
            SigV4Signing.as("AKIAFANOUTPUBLISHER2", "FanoutServiceTestPublisherSecret00000000");

    /** May invoke every route. */
    public static final SigV4Signing ADMIN =
            SigV4Signing.as("AKIAFANOUTTESTADMIN2", "FanoutServiceTestAdminSecret000000000000");

    /** Has no policy at all. */
    public static final SigV4Signing NOBODY =
            SigV4Signing.as("AKIAFANOUTTESTNOBODY", "FanoutServiceTestNobodySecret00000000000");

    /** The credentials fanout-service signs its deliveries with. */
    public static final String SIGNER_ID = "AKIAFANOUTTESTSIGNER";

    public static final String SIGNER_SECRET = "FanoutServiceTestSignerSecret00000000000";

    private TestCallers() {}

    /** POST /events as {@code caller}. */
    public static ValidatableResponse publish(SigV4Signing caller, String body) {
        return given().filter(caller)
                .contentType("application/json")
                .body(body)
                .post("/events")
                .then();
    }

    /** Publishes {@code type} with {@code detail} as the publisher; returns the event id. */
    public static String publish(String type, String detail) {
        return publish(PUBLISHER, "{\"type\":\"" + type + "\",\"detail\":" + detail + "}")
                .statusCode(202)
                .extract()
                .path("eventId");
    }

    /** GET /events/{id} as the admin. */
    public static ValidatableResponse event(String eventId) {
        return given().filter(ADMIN).get("/events/" + eventId).then();
    }
}
