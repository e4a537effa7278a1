package dev.gatehouse.stores.metering;

import static dev.gatehouse.stores.TestCallers.asAdmin;
import static dev.gatehouse.stores.TestCallers.signed;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.gatehouse.auth.usageplan.ApiKeyDirectory;
import dev.gatehouse.auth.usageplan.ApiKeyHash;
import dev.gatehouse.stores.TestKeys;
import dev.gatehouse.testing.RedisTestResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** GetUsage / UpdateUsage on the management interface, in API Gateway's shapes. */
@QuarkusTest
@WithTestResource(value = RedisTestResource.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
class UsageReportsTest {

    @TestHTTPResource(value = "/", management = true)
    URL management;

    @Inject ApiKeyDirectory directory;

    String keyId(String value) {
        return directory.find(ApiKeyHash.sha256(value)).orElseThrow().id();
    }

    /** Admin routes hang off the management server's root, not its /q context root. */
    String admin(String path) {
        return management.getProtocol()
                + "://"
                + management.getHost()
                + ":"
                + management.getPort()
                + path;
    }

    @Test
    void reportsUsedAndRemainingPerDayAndKeyId() {
        signed().header("x-api-key", TestKeys.QUOTA_ONE).get("/stores").then().statusCode(200);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        String id = keyId(TestKeys.QUOTA_ONE);

        List<List<Integer>> days =
                asAdmin()
                        .queryParam("startDate", today.minusDays(2).toString())
                        .queryParam("endDate", today.toString())
                        .get(admin("/usageplans/quota1/usage"))
                        .then()
                        .statusCode(200)
                        .contentType("application/json")
                        .body("usagePlanId", equalTo("quota1"))
                        .body("startDate", equalTo(today.minusDays(2).toString()))
                        .body("endDate", equalTo(today.toString()))
                        .extract()
                        .path("values.'" + id + "'");
        assertEquals(List.of(List.of(0, 1), List.of(0, 1), List.of(1, 0)), days);
    }

    @Test
    void updateUsageSetsTheRemainingQuotaOfTheCurrentPeriod() {
        signed().header("x-api-key", TestKeys.TINY).get("/stores/lis-002").then().statusCode(200);
        String id = keyId(TestKeys.TINY);
        asAdmin()
                .contentType("application/json")
                .body(
                        "{\"patchOperations\":[{\"op\":\"replace\",\"path\":\"/remaining\",\"value\":\"0\"}]}")
                .patch(admin("/usageplans/tiny/keys/" + id + "/usage"))
                .then()
                .statusCode(200)
                .body("values.'" + id + "'[0][1]", equalTo(0));
        signed().header("x-api-key", TestKeys.TINY)
                .get("/stores/lis-002")
                .then()
                .statusCode(429)
                .body(equalTo("{\"message\":\"Limit Exceeded\"}"));
        asAdmin()
                .contentType("application/json")
                .body(
                        "{\"patchOperations\":[{\"op\":\"replace\",\"path\":\"/remaining\",\"value\":\"1\"}]}")
                .patch(admin("/usageplans/tiny/keys/" + id + "/usage"))
                .then()
                .statusCode(200);
        signed().header("x-api-key", TestKeys.TINY).get("/stores/lis-002").then().statusCode(200);
    }

    @Test
    void refusesBadReportRequestsInTheAwsEnvelope() {
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        asAdmin()
                .queryParam("startDate", today)
                .queryParam("endDate", today)
                .get(admin("/usageplans/gold/usage"))
                .then()
                .statusCode(404)
                .header("x-amzn-ErrorType", "NotFoundException")
                .body(equalTo("{\"message\":\"Invalid Usage Plan ID specified\"}"));
        asAdmin()
                .queryParam("endDate", today)
                .get(admin("/usageplans/quota1/usage"))
                .then()
                .statusCode(400)
                .body("message", equalTo("startDate is required (YYYY-MM-DD)"));
        asAdmin()
                .queryParam("startDate", "23/11/2026")
                .queryParam("endDate", today)
                .get(admin("/usageplans/quota1/usage"))
                .then()
                .statusCode(400)
                .body("message", equalTo("startDate must be a date in the form YYYY-MM-DD"));
        asAdmin()
                .queryParam("startDate", today)
                .queryParam("endDate", "2000-01-01")
                .get(admin("/usageplans/quota1/usage"))
                .then()
                .statusCode(400)
                .header("x-amzn-ErrorType", "BadRequestException");
        asAdmin()
                .queryParam("startDate", today)
                .queryParam("endDate", today)
                .queryParam("keyId", "nosuchkey0")
                .get(admin("/usageplans/quota1/usage"))
                .then()
                .statusCode(404)
                .body(equalTo("{\"message\":\"Invalid API Key identifier specified\"}"));
        String id = keyId(TestKeys.QUOTA_ONE);
        for (String body :
                List.of(
                        "",
                        "{",
                        "{\"patchOperations\":[]}",
                        "{\"patchOperations\":[{\"op\":\"add\",\"path\":\"/remaining\",\"value\":\"1\"}]}",
                        "{\"patchOperations\":[{\"op\":\"replace\",\"path\":\"/remaining\",\"value\":\"-3\"}]}")) {
            asAdmin()
                    .contentType("application/json")
                    .body(body)
                    .patch(admin("/usageplans/quota1/keys/" + id + "/usage"))
                    .then()
                    .statusCode(400)
                    .header("x-amzn-ErrorType", "BadRequestException");
        }
    }

    @Test
    void isNotReachableThroughThePublicPort() {
        asAdmin()
                .get("/usageplans/quota1/usage?startDate=2026-01-01&endDate=2026-01-02")
                .then()
                .statusCode(403)
                .body(equalTo("{\"message\":\"Missing Authentication Token\"}"));
    }
}
