package dev.gatehouse.stores.search;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.stores.TestCallers;
import dev.gatehouse.stores.TestKeys;
import dev.gatehouse.testing.RedisTestResource;
import dev.gatehouse.testing.TestUserPool;
import dev.gatehouse.testing.TestUserPoolResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

@QuarkusTest
@WithTestResource(value = RedisTestResource.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
@WithTestResource(value = TestUserPoolResource.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
class StoreSearchResourceTest {

    private static ValidatableResponse search(String body) {
        return given().header("Authorization", TestUserPoolResource.pool().idToken())
                .contentType("application/json")
                .body(body)
                .post("/stores/search")
                .then();
    }

    @Test
    void matchesQueryWordsIgnoringCaseAndAccents() {
        List<String> accented =
                search("{\"query\":\"Café\",\"limit\":100}").statusCode(200).extract().path("id");
        List<String> plain =
                search("{\"query\":\"CAFE\",\"limit\":100}").statusCode(200).extract().path("id");
        assertFalse(accented.isEmpty());
        assertEquals(accented, plain);
        search("{\"query\":\"cafe\",\"limit\":100}").body("name", hasItem(containsString("Café")));
    }

    @Test
    void matchesTheStartOfWordsInNameCategoryAndTags() {
        search("{\"query\":\"boul\"}")
                .statusCode(200)
                .body("name", everyItem(containsString("Boulangerie")));
        search("{\"query\":\"sourdough\",\"limit\":100}")
                .statusCode(200)
                .body("tags", everyItem(hasItem("sourdough")));
        search("{\"query\":\"florist\",\"limit\":100}")
                .statusCode(200)
                .body("category", everyItem(equalTo("florist")));
    }

    @Test
    void everyQueryWordMustMatch() {
        List<Map<String, Object>> both =
                search("{\"query\":\"coffee wifi\",\"limit\":100}")
                        .statusCode(200)
                        .extract()
                        .path("$");
        assertFalse(both.isEmpty());
        for (Map<String, Object> store : both) {
            @SuppressWarnings("unchecked")
            List<String> tags = (List<String>) store.get("tags");
            assertTrue(tags.contains("coffee") && tags.contains("wifi"), store.toString());
        }
        search("{\"query\":\"coffee zzzznothing\"}").statusCode(200).body("$", hasSize(0));
    }

    @Test
    void filtersByCategory() {
        search("{\"category\":\"Bakery\",\"limit\":100}")
                .statusCode(200)
                .body("$", not(hasSize(0)))
                .body("category", everyItem(equalTo("bakery")))
                .body("[0]", not(hasItem("distanceKm")));
    }

    @Test
    void findsStoresNearAPointSortedByDistanceWithinTheRadius() {
        List<Float> distances =
                search("{\"near\":{\"lat\":48.8566,\"lon\":2.3522},\"radiusKm\":3,\"limit\":100}")
                        .statusCode(200)
                        .body("$", not(hasSize(0)))
                        .body("city", everyItem(equalTo("Paris")))
                        .body("distanceKm", everyItem(lessThanOrEqualTo(3.0f)))
                        .extract()
                        .path("distanceKm");
        for (int i = 1; i < distances.size(); i++) {
            assertTrue(distances.get(i - 1) <= distances.get(i), distances.toString());
        }
    }

    @Test
    void usesAFiveKilometreRadiusByDefault() {
        int defaultRadius =
                search("{\"near\":{\"lat\":38.7223,\"lon\":-9.1393},\"limit\":100}")
                        .statusCode(200)
                        .body("distanceKm", everyItem(lessThanOrEqualTo(5.0f)))
                        .extract()
                        .path("size()");
        int wider =
                search("{\"near\":{\"lat\":38.7223,\"lon\":-9.1393},\"radiusKm\":50,\"limit\":100}")
                        .extract()
                        .path("size()");
        assertTrue(wider > defaultRadius, wider + " vs " + defaultRadius);
    }

    @Test
    void combinesQueryCategoryAndNear() {
        search(
                        "{\"query\":\"bread\",\"category\":\"bakery\",\"near\":{\"lat\":52.52,\"lon\":13.405},\"radiusKm\":20}")
                .statusCode(200)
                .body("$", not(hasSize(0)))
                .body("city", everyItem(equalTo("Berlin")))
                .body("category", everyItem(equalTo("bakery")))
                .body("tags", everyItem(hasItem("bread")))
                .body("distanceKm", everyItem(notNullValue()));
    }

    @Test
    void nothingNearTheMiddleOfTheOcean() {
        search("{\"near\":{\"lat\":0,\"lon\":-30},\"radiusKm\":100}")
                .statusCode(200)
                .body("$", hasSize(0));
    }

    @Test
    void honoursTheLimit() {
        search("{\"category\":\"cafe\",\"limit\":2}").statusCode(200).body("$", hasSize(2));
        search("{\"category\":\"cafe\",\"limit\":100}")
                .statusCode(200)
                .body("size()", greaterThan(2));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "malformed JSON        | {\"query\":                                | Request body"
                        + " is not valid JSON",
                "trailing garbage      | {\"query\":\"x\"} }                        | Request body"
                        + " is not valid JSON",
                "empty body            | ''                                         | Request body"
                        + " is required",
                "array body            | [1,2]                                      | Request body"
                        + " must be a JSON object",
                "string body           | \"cafe\"                                   | Request body"
                        + " must be a JSON object",
                "nothing to search     | {}                                         | At least one"
                        + " of query, category, near is required",
                "query wrong type      | {\"query\":42}                             | query must be"
                        + " a string",
                "query blank           | {\"query\":\"   \"}                        | query must"
                        + " not be empty",
                "query punctuation     | {\"query\":\"!!!\"}                        | query must"
                        + " contain at least one letter or digit",
                "category wrong type   | {\"category\":[\"cafe\"]}                  | category must"
                        + " be a string",
                "near wrong type       | {\"near\":\"paris\"}                       | near must be"
                        + " an object with lat and lon",
                "near lat missing      | {\"near\":{\"lon\":2}}                     | near.lat is"
                        + " required",
                "near lat too big      | {\"near\":{\"lat\":90.5,\"lon\":2}}        | near.lat must"
                        + " be between -90 and 90",
                "near lat too small    | {\"near\":{\"lat\":-91,\"lon\":2}}         | near.lat must"
                        + " be between -90 and 90",
                "near lat a string     | {\"near\":{\"lat\":\"48\",\"lon\":2}}      | near.lat must"
                        + " be a number between -90 and 90",
                "near lon too big      | {\"near\":{\"lat\":48,\"lon\":180.1}}      | near.lon must"
                        + " be between -180 and 180",
                "near lon too small    | {\"near\":{\"lat\":48,\"lon\":-200}}       | near.lon must"
                        + " be between -180 and 180",
                "near lon boolean      | {\"near\":{\"lat\":48,\"lon\":true}}       | near.lon must"
                        + " be a number between -180 and 180",
                "near unknown field    | {\"near\":{\"lat\":48,\"lng\":2}}          | Unknown field"
                        + " near.'lng'",
                "radius zero           | {\"near\":{\"lat\":48,\"lon\":2},\"radiusKm\":0}     |"
                        + " radiusKm must be greater than 0 and at most 100",
                "radius negative       | {\"near\":{\"lat\":48,\"lon\":2},\"radiusKm\":-1}    |"
                        + " radiusKm must be greater than 0 and at most 100",
                "radius too big        | {\"near\":{\"lat\":48,\"lon\":2},\"radiusKm\":100.5} |"
                        + " radiusKm must be greater than 0 and at most 100",
                "radius a string       | {\"near\":{\"lat\":48,\"lon\":2},\"radiusKm\":\"5\"}  |"
                        + " radiusKm must be a number",
                "radius without near   | {\"query\":\"cafe\",\"radiusKm\":5}        | radiusKm"
                        + " requires near",
                "limit zero            | {\"query\":\"cafe\",\"limit\":0}           | limit must be"
                        + " between 1 and 100",
                "limit too big         | {\"query\":\"cafe\",\"limit\":101}         | limit must be"
                        + " between 1 and 100",
                "limit fractional      | {\"query\":\"cafe\",\"limit\":2.5}         | limit must be"
                        + " an integer between 1 and 100",
                "limit huge            | {\"query\":\"cafe\",\"limit\":1e40}        | limit must be"
                        + " an integer between 1 and 100",
                "limit a string        | {\"query\":\"cafe\",\"limit\":\"3\"}       | limit must be"
                        + " an integer between 1 and 100",
                "unknown field         | {\"query\":\"cafe\",\"radius\":5}          | Unknown field"
                        + " 'radius'",
                "duplicate field       | {\"query\":\"cafe\",\"query\":\"bar\"}     | Request body"
                        + " is not valid JSON",
            })
    void rejectsBadInputWithAMessageNamingTheField(String name, String body, String message) {
        search(body)
                .statusCode(400)
                .contentType("application/json")
                .header("x-amzn-ErrorType", "BadRequestException")
                .header("x-amzn-RequestId", notNullValue())
                .body("message", containsString(message))
                .body(not(containsString("Exception")))
                .body(not(containsString("\tat ")));
    }

    static Stream<Arguments> bodiesPastJacksonStreamLimits() {
        return Stream.of(
                Arguments.of(
                        "nesting deeper than 1000",
                        "{\"near\":" + "[".repeat(1000) + "]".repeat(1000) + "}",
                        "Request body exceeds a JSON limit: nesting depth is 1001, at most 1000"
                                + " allowed"),
                Arguments.of(
                        "a number of 1001 digits",
                        "{\"limit\":" + "9".repeat(1001) + "}",
                        "Request body exceeds a JSON limit: a number's length is"),
                Arguments.of(
                        "a field name of 50001 characters",
                        "{\"" + "n".repeat(50_001) + "\":1}",
                        "Request body exceeds a JSON limit: a field name's length is 50001, at"
                                + " most 50000 allowed"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bodiesPastJacksonStreamLimits")
    void rejectsABodyPastJacksonsStreamLimitsWith400(String name, String body, String message) {
        search(body)
                .statusCode(400)
                .header("x-amzn-ErrorType", "BadRequestException")
                .body("message", startsWith(message))
                .body(not(containsString("StreamReadConstraints")));
    }

    @Test
    void rejectsAQueryLongerThanTwoHundredCharacters() {
        search("{\"query\":\"" + "a".repeat(201) + "\"}")
                .statusCode(400)
                .body("message", equalTo("query must be at most 200 characters"));
    }

    @Test
    void rejectsABodyLargerThanTheLimitWithoutReadingIt() {
        given().contentType("application/json")
                .body("{\"query\":\"" + "a".repeat(70_000) + "\"}")
                .post("/stores/search")
                .then()
                .statusCode(413);
    }

    @Test
    void acceptsJsonWhateverTheContentType() {
        given().header("Authorization", TestUserPoolResource.pool().idToken())
                .contentType("text/plain")
                .body("{\"category\":\"cafe\",\"limit\":1}")
                .post("/stores/search")
                .then()
                .statusCode(200)
                .body("$", hasSize(1));
    }

    @Test
    void acceptsTheTokenAsBearerToo() {
        given().header("Authorization", "Bearer " + TestUserPoolResource.pool().idToken())
                .contentType("application/json")
                .body("{\"query\":\"cafe\",\"limit\":1}")
                .post("/stores/search")
                .then()
                .statusCode(200)
                .body("$", hasSize(1));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tokensSearchRefuses")
    void refusesAnythingButAValidIdTokenOfAnAllowedClient(String name, String authorization) {
        var request = given().contentType("application/json").body("{\"query\":\"cafe\"}");
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        request.post("/stores/search")
                .then()
                .statusCode(401)
                .header("x-amzn-ErrorType", "UnauthorizedException")
                .body(equalTo("{\"message\":\"Unauthorized\"}"));
    }

    static Stream<Arguments> tokensSearchRefuses() {
        TestUserPool pool = TestUserPoolResource.pool();
        String valid = pool.idToken();
        String[] parts = valid.split("\\.");
        Map<String, Object> expired = pool.idClaims(TestUserPool.WEB_CLIENT);
        long past = Instant.now().minusSeconds(7200).getEpochSecond();
        expired.put("iat", past);
        expired.put("auth_time", past);
        expired.put("exp", past + 3600);
        Map<String, Object> tampered = pool.idClaims(TestUserPool.WEB_CLIENT);
        tampered.put("sub", "someone-else");
        return Stream.of(
                Arguments.of("no Authorization header", null),
                Arguments.of("an empty header", ""),
                Arguments.of(
                        "claims changed after signing",
                        parts[0] + "." + TestUserPool.segment(tampered) + "." + parts[2]),
                Arguments.of("expired", TestUserPool.sign(pool.idKey(), expired)),
                Arguments.of(
                        "another app client",
                        TestUserPool.sign(pool.idKey(), pool.idClaims(TestUserPool.OTHER_CLIENT))),
                Arguments.of(
                        "an access token",
                        TestUserPool.sign(
                                pool.idKey(),
                                pool.accessClaims(TestUserPool.WEB_CLIENT, "openid"))),
                Arguments.of(
                        "signed by a key the pool never published",
                        TestUserPool.sign(
                                TestUserPool.newKey(), pool.idClaims(TestUserPool.WEB_CLIENT))));
    }

    @Test
    void theServerSideSearchFindsWhatTheUserSearchFinds() {
        List<String> byUser =
                search("{\"query\":\"books\",\"limit\":50}").statusCode(200).extract().path("id");
        List<String> byServer =
                given().filter(TestCallers.READER)
                        .header("x-api-key", TestKeys.UNLIMITED)
                        .queryParam("query", "books")
                        .queryParam("limit", 50)
                        .get("/stores")
                        .then()
                        .statusCode(200)
                        .extract()
                        .path("id");
        assertFalse(byUser.isEmpty());
        assertEquals(byUser, byServer);
    }
}
