package dev.gatehouse.stores.catalog;

import static dev.gatehouse.stores.TestCallers.signed;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import dev.gatehouse.stores.TestKeys;
import dev.gatehouse.testing.RedisTestResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@QuarkusTest
@WithTestResource(value = RedisTestResource.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
class StoresResourceTest {

    @Test
    void listsTheFirstEightStoresByDefault() {
        signed().header("x-api-key", TestKeys.UNLIMITED)
                .get("/stores")
                .then()
                .statusCode(200)
                .contentType("application/json")
                .body("$", hasSize(8))
                .body("[0].id", equalTo("lis-001"))
                .body("[7].id", equalTo("lis-008"))
                .body("[0]", hasKey("openingHours"))
                .body("[0].tags", notNullValue());
    }

    @Test
    void listsAsManyStoresAsTheLimitAsks() {
        signed().header("x-api-key", TestKeys.UNLIMITED)
                .queryParam("limit", 1)
                .get("/stores")
                .then()
                .statusCode(200)
                .body("$", hasSize(1));
        signed().header("x-api-key", TestKeys.UNLIMITED)
                .queryParam("limit", 100)
                .get("/stores")
                .then()
                .statusCode(200)
                .body("$", hasSize(100));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "101", "-1", "abc", " ", "1.5", "99999999999"})
    void rejectsALimitOutsideOneToAHundred(String limit) {
        signed().header("x-api-key", TestKeys.UNLIMITED)
                .queryParam("limit", limit)
                .get("/stores")
                .then()
                .statusCode(400)
                .header("x-amzn-ErrorType", "BadRequestException")
                .body(equalTo("{\"message\":\"limit must be an integer between 1 and 100\"}"));
    }

    @Test
    void returnsOneStoreWithEveryField() {
        signed().header("x-api-key", TestKeys.UNLIMITED)
                .get("/stores/par-003")
                .then()
                .statusCode(200)
                .body("id", equalTo("par-003"))
                .body("city", equalTo("Paris"))
                .body("country", equalTo("FR"))
                .body("name", notNullValue())
                .body("category", notNullValue())
                .body("address", notNullValue())
                .body("latitude", notNullValue())
                .body("longitude", notNullValue())
                .body("openingHours.monday", matchesPattern("\\d\\d:\\d\\d-\\d\\d:\\d\\d|closed"))
                .body("$", not(hasKey("distanceKm")));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "nope-999",
                "lis-0001",
                "under_score-missing",
                "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
                "%F0%9F%98%80"
            })
    void answersStoreNotFoundForAMissingStore(String id) {
        signed().header("x-api-key", TestKeys.UNLIMITED)
                .urlEncodingEnabled(false)
                .get("/stores/" + id)
                .then()
                .statusCode(404)
                .contentType("application/json")
                .body(equalTo("{\"message\":\"Store not found\"}"));
    }

    @Test
    void answersAnUnknownRouteAsApiGatewayDoes() {
        signed().header("x-api-key", TestKeys.UNLIMITED)
                .get("/nothing-here")
                .then()
                .statusCode(403)
                .header("x-amzn-ErrorType", "MissingAuthenticationTokenException")
                .body(equalTo("{\"message\":\"Missing Authentication Token\"}"));
        signed().header("x-api-key", TestKeys.UNLIMITED)
                .delete("/stores")
                .then()
                .statusCode(403)
                .body(equalTo("{\"message\":\"Missing Authentication Token\"}"));
    }

    @Test
    void everyResponseCarriesARequestId() {
        String uuid = "[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}";
        signed().header("x-api-key", TestKeys.UNLIMITED)
                .get("/stores")
                .then()
                .header("x-amzn-RequestId", matchesPattern(uuid));
        signed().header("x-api-key", TestKeys.UNLIMITED)
                .get("/stores/none")
                .then()
                .header("x-amzn-RequestId", matchesPattern(uuid));
    }

    @Test
    void everyListedStoreHasCoordinatesOnEarth() {
        signed().header("x-api-key", TestKeys.UNLIMITED)
                .queryParam("limit", 100)
                .get("/stores")
                .then()
                .body("latitude", everyItem(notNullValue()))
                .body("id", everyItem(matchesPattern("[a-z]{3}-\\d{3}")));
    }
}
