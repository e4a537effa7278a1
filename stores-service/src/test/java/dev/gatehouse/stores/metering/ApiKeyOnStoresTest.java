package dev.gatehouse.stores.metering;

import static dev.gatehouse.stores.TestCallers.signed;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.stores.TestKeys;
import dev.gatehouse.testing.RedisTestResource;
import dev.gatehouse.testing.TestUserPoolResource;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.Header;
import io.restassured.http.Headers;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** GET /stores is "private": API key + usage plan, exactly as API Gateway answers. */
@QuarkusTest
@WithTestResource(value = RedisTestResource.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
@WithTestResource(value = TestUserPoolResource.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
class ApiKeyOnStoresTest {

    /** Metrics are served on the management interface (its /q/ context root). */
    @io.quarkus.test.common.http.TestHTTPResource(value = "/", management = true)
    java.net.URL management;

    @Inject RedisDataSource redis;

    static void assertForbidden(ValidatableResponse response) {
        response.statusCode(403)
                .contentType("application/json")
                .header("x-amzn-ErrorType", "ForbiddenException")
                .header("x-amzn-RequestId", notNullValue())
                .header("RateLimit", nullValue())
                .body(equalTo("{\"message\":\"Forbidden\"}"));
    }

    @Test
    void refusesARequestWithoutAKey() {
        assertForbidden(signed().get("/stores").then());
        assertForbidden(signed().get("/stores/lis-001").then());
    }

    static Stream<Arguments> badKeys() {
        return Stream.of(
                Arguments.of("empty", new Headers(new Header("x-api-key", ""))),
                Arguments.of("whitespace", new Headers(new Header("x-api-key", "     "))),
                Arguments.of("10 KB", new Headers(new Header("x-api-key", "k".repeat(10_240)))),
                Arguments.of(
                        "non-ASCII",
                        new Headers(new Header("x-api-key", "clé-ünïcødé-0000000000000"))),
                Arguments.of(
                        "repeated",
                        new Headers(
                                new Header("x-api-key", TestKeys.UNLIMITED),
                                new Header("x-api-key", TestKeys.UNLIMITED))),
                Arguments.of(
                        "unknown",
                        new Headers(new Header("x-api-key", "NoSuchKeyValue00000000000000"))),
                Arguments.of("disabled", new Headers(new Header("x-api-key", TestKeys.DISABLED))),
                Arguments.of("in the query string", new Headers()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badKeys")
    void refusesABadKeyAndWritesNothing(String name, Headers headers) {
        Set<String> keysBefore = Set.copyOf(redis.key().keys("*"));
        assertForbidden(
                signed().headers(headers)
                        .queryParam("x-api-key", TestKeys.UNLIMITED)
                        .get("/stores")
                        .then());
        // No new key (a key of an earlier test may expire meanwhile: counting would race it).
        Set<String> created = new HashSet<>(redis.key().keys("*"));
        created.removeAll(keysBefore);
        assertEquals(Set.of(), created, "nothing written");
    }

    @Test
    void readsTheHeaderWhateverItsCase() {
        signed().header("X-API-Key", TestKeys.UNLIMITED).get("/stores").then().statusCode(200);
        signed().header("X-API-KEY", TestKeys.UNLIMITED).get("/stores").then().statusCode(200);
    }

    @Test
    void sendsRateLimitFieldsOnSuccess() {
        signed().header("x-api-key", TestKeys.UNLIMITED)
                .get("/stores")
                .then()
                .statusCode(200)
                .header("RateLimit-Policy", equalTo("\"throttle\";q=100000;w=1"))
                .header("RateLimit", matchesPattern("\"throttle\";r=\\d+;t=\\d+"))
                .header("Retry-After", nullValue());
    }

    @Test
    void throttlesWith429TooManyRequestsAndConsumesNoQuota() {
        signed().header("x-api-key", TestKeys.TINY)
                .get("/stores")
                .then()
                .statusCode(200)
                .header(
                        "RateLimit-Policy",
                        equalTo("\"throttle\";q=2;w=200, \"quota\";q=3;w=86400"))
                .header(
                        "RateLimit",
                        matchesPattern("\"throttle\";r=1;t=\\d+, \"quota\";r=2;t=\\d+"));
        signed().header("x-api-key", TestKeys.TINY).get("/stores/lis-001").then().statusCode(200);
        signed().header("x-api-key", TestKeys.TINY)
                .get("/stores")
                .then()
                .statusCode(429)
                .header("x-amzn-ErrorType", "TooManyRequestsException")
                .header("Retry-After", matchesPattern("[1-9]\\d*"))
                .header("RateLimit", containsString("\"throttle\";r=0"))
                .body(equalTo("{\"message\":\"Too Many Requests\"}"));
        long today = LocalDate.now(ZoneOffset.UTC).toEpochDay();
        String sha = dev.gatehouse.auth.usageplan.ApiKeyHash.sha256(TestKeys.TINY);
        assertEquals(
                "2",
                redis.value(String.class).get("{ak:" + sha + "}:q:tiny:" + today),
                "the throttled request was not counted");
    }

    @Test
    void refusesWith429LimitExceededOnceTheQuotaIsUsed() {
        signed().header("x-api-key", TestKeys.QUOTA_ONE).get("/stores").then().statusCode(200);
        String retryAfter =
                signed().header("x-api-key", TestKeys.QUOTA_ONE)
                        .get("/stores")
                        .then()
                        .statusCode(429)
                        .header("x-amzn-ErrorType", "LimitExceededException")
                        .header("RateLimit", matchesPattern("\"quota\";r=0;t=\\d+"))
                        .body(equalTo("{\"message\":\"Limit Exceeded\"}"))
                        .extract()
                        .header("Retry-After");
        ZonedDateTime now = ZonedDateTime.now(ZoneOffset.UTC);
        long toMonthEnd =
                java.time.Duration.between(
                                now,
                                now.toLocalDate()
                                        .withDayOfMonth(1)
                                        .plusMonths(1)
                                        .atStartOfDay(ZoneOffset.UTC))
                        .toSeconds();
        assertTrue(
                Math.abs(Long.parseLong(retryAfter) - toMonthEnd) <= 5,
                retryAfter + " vs " + toMonthEnd);
    }

    @Test
    void routesWithoutAKeyRequirementIgnoreTheHeader() {
        given().header("Authorization", TestUserPoolResource.pool().idToken())
                .header("x-api-key", "NoSuchKeyValue00000000000000")
                .contentType("application/json")
                .body("{\"category\":\"cafe\",\"limit\":1}")
                .post("/stores/search")
                .then()
                .statusCode(200)
                .header("RateLimit", nullValue());
    }

    @Test
    void countsOutcomesPerPlanAndKeyIdNeverPerValue() {
        signed().get("/stores").then().statusCode(403);
        signed().header("x-api-key", TestKeys.UNLIMITED).get("/stores").then().statusCode(200);
        String metrics =
                given().get(management + "metrics").then().statusCode(200).extract().asString();
        assertTrue(
                metrics.contains(
                        "gatehouse_usage_plan_requests_total{key_id=\"none\",outcome=\"forbidden\",plan=\"none\"}"),
                metrics);
        assertTrue(
                metrics.matches(
                        "(?s).*gatehouse_usage_plan_requests_total\\{key_id=\"[a-z0-9]{10}\",outcome=\"allowed\",plan=\"test\"}.*"));
        assertTrue(!metrics.contains(TestKeys.UNLIMITED), "no key value in metrics");
    }
}
