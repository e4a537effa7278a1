package dev.gatehouse.stores.cluster;

import static dev.gatehouse.stores.TestCallers.signed;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import dev.gatehouse.stores.TestKeys;
import dev.gatehouse.testing.RedisTestResource;
import dev.gatehouse.testing.TestUserPoolResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/**
 * The catalogue's keys share one hash tag, and a customer's orders another, so seeding, listing,
 * search and orders run on a cluster.
 */
@QuarkusTest
@WithTestResource(value = TestUserPoolResource.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
@WithTestResource(
        value = RedisTestResource.class,
        scope = TestResourceScope.RESTRICTED_TO_CLASS,
        initArgs = @ResourceArg(name = RedisTestResource.MODE, value = "cluster"))
class StoresOnRedisClusterTest {

    @Test
    void listsStoresFromAThreeMasterCluster() {
        signed().header("x-api-key", TestKeys.UNLIMITED)
                .get("/stores")
                .then()
                .statusCode(200)
                .body("$", hasSize(8));
        signed().header("x-api-key", TestKeys.UNLIMITED)
                .get("/stores/mad-010")
                .then()
                .statusCode(200)
                .body("city", equalTo("Madrid"));
    }

    @Test
    void searchesOnAThreeMasterCluster() {
        given().header("Authorization", TestUserPoolResource.pool().idToken())
                .contentType("application/json")
                .body(
                        "{\"query\":\"books\",\"near\":{\"lat\":40.4168,\"lon\":-3.7038},\"radiusKm\":20}")
                .post("/stores/search")
                .then()
                .statusCode(200)
                .body("$", not(hasSize(0)))
                .body("city", everyItem(equalTo("Madrid")));
    }

    @Test
    void placesAndListsOrdersOnAThreeMasterCluster() {
        String token = TestUserPoolResource.pool().idToken();
        String orderId =
                given().header("Authorization", token)
                        .contentType("application/json")
                        .body(
                                "{\"storeId\":\"mad-010\",\"items\":[{\"name\":\"Atlas\",\"quantity\":1}]}")
                        .post("/orders")
                        .then()
                        .statusCode(201)
                        .extract()
                        .path("orderId");
        given().header("Authorization", token)
                .get("/orders")
                .then()
                .statusCode(200)
                .body("orderId", hasItem(orderId));
    }
}
