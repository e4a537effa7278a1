package dev.gatehouse.stores.operations;

import static dev.gatehouse.stores.TestCallers.signed;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.gatehouse.stores.TestKeys;
import dev.gatehouse.testing.RedisTestResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = RedisTestResource.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
class OperationsEndpointsTest {

    private static final String UUID =
            "[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}";

    /** Metrics are served on the management interface (its /q/ context root). */
    @io.quarkus.test.common.http.TestHTTPResource(value = "/", management = true)
    java.net.URL management;

    @Test
    void reportsReadyWhenRedisAnswers() {
        given().get("/q/health/ready")
                .then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem(containsString("Redis")));
    }

    @Test
    void exposesPrometheusMetrics() {
        signed().header("x-api-key", TestKeys.UNLIMITED).get("/stores").then().statusCode(200);
        given().get(management + "metrics")
                .then()
                .statusCode(200)
                .body(containsString("http_server_requests_seconds_count"));
    }

    @Test
    void everyResponseOfTheManagementInterfaceCarriesARequestId() {
        String root = management.toString().replaceFirst("/q/?$", "");
        String metrics =
                given().get(root + "/q/metrics")
                        .then()
                        .statusCode(200)
                        .header("x-amzn-RequestId", matchesPattern(UUID))
                        .extract()
                        .header("x-amzn-RequestId");
        given().get(root + "/usageplans/free/usage?startDate=2026-01-01&endDate=2026-01-02")
                .then()
                .statusCode(403)
                .header("x-amzn-RequestId", matchesPattern(UUID));
        String missing =
                given().get(root + "/no-such-route")
                        .then()
                        .statusCode(404)
                        .header("x-amzn-RequestId", matchesPattern(UUID))
                        .extract()
                        .header("x-amzn-RequestId");
        assertNotEquals(metrics, missing, "one id per request");
    }

    @Test
    void publishesTheOpenApiDocument() {
        given().queryParam("format", "json")
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .body("paths", org.hamcrest.Matchers.hasKey("/stores/search"))
                .body(
                        "components.schemas.SearchRequest.properties",
                        org.hamcrest.Matchers.hasKey("radiusKm"));
    }
}
