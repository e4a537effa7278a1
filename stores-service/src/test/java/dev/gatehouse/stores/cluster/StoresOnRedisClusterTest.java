package dev.gatehouse.stores.cluster;

import static dev.gatehouse.stores.TestCallers.signed;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import dev.gatehouse.stores.TestKeys;
import dev.gatehouse.testing.RedisTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** The catalogue's keys share one hash tag, so seeding, listing and search run on a cluster. */
@QuarkusTest
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
        given().contentType("application/json")
                .body(
                        "{\"query\":\"books\",\"near\":{\"lat\":40.4168,\"lon\":-3.7038},\"radiusKm\":20}")
                .post("/stores/search")
                .then()
                .statusCode(200)
                .body("$", not(hasSize(0)))
                .body("city", everyItem(equalTo("Madrid")));
    }
}
