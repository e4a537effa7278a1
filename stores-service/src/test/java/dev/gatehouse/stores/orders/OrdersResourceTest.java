package dev.gatehouse.stores.orders;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.gatehouse.testing.RedisTestResource;
import dev.gatehouse.testing.TestUserPool;
import dev.gatehouse.testing.TestUserPoolResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@QuarkusTest
@WithTestResource(value = RedisTestResource.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
@WithTestResource(value = TestUserPoolResource.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
class OrdersResourceTest {

    private static final Pattern HGET_CALLS = Pattern.compile("cmdstat_hget:calls=(\\d+)");

    /** An ID token of the web client for a customer of its own (a fresh {@code sub}). */
    static String customer(String sub, String email) {
        TestUserPool pool = TestUserPoolResource.pool();
        Map<String, Object> claims = pool.idClaims(TestUserPool.WEB_CLIENT);
        claims.put("sub", sub);
        claims.put("cognito:username", sub);
        claims.put("email", email);
        return TestUserPool.sign(pool.idKey(), claims);
    }

    static ValidatableResponse place(String token, String body) {
        return given().header("Authorization", token)
                .contentType("application/json")
                .body(body)
                .post("/orders")
                .then();
    }

    static ValidatableResponse orders(String token) {
        return given().header("Authorization", token).get("/orders").then();
    }

    @Test
    void placesAnOrderForAStoreOfTheCatalogue() {
        String sub = UUID.randomUUID().toString();
        String token = customer(sub, "ada@example.com");
        String orderId =
                place(
                                token,
                                "{\"storeId\":\"mad-010\",\"items\":[{\"name\":\" Sourdough \","
                                        + "\"quantity\":2}],\"note\":\"by the door\"}")
                        .statusCode(201)
                        .header("Location", matchesPattern("/orders/[0-9a-f-]{36}"))
                        .body("orderId", matchesPattern("[0-9a-f-]{36}"))
                        .body("storeId", equalTo("mad-010"))
                        .body("storeName", notNullValue())
                        .body("items[0].name", equalTo("Sourdough"))
                        .body("items[0].quantity", equalTo(2))
                        .body("note", equalTo("by the door"))
                        .body("status", equalTo("PLACED"))
                        .body("placedAt", matchesPattern("\\d{4}-\\d{2}-\\d{2}T.*Z"))
                        .body("customer.sub", equalTo(sub))
                        .body("customer.email", equalTo("ada@example.com"))
                        .extract()
                        .path("orderId");
        orders(token).statusCode(200).body("$", hasSize(1)).body("[0].orderId", equalTo(orderId));
    }

    @Test
    void theLocationOfAPlacedOrderIsRelativeAndServesTheOrder() {
        String token = customer(UUID.randomUUID().toString(), "ada@example.com");
        var placed =
                place(
                                token,
                                "{\"storeId\":\"lis-001\",\"items\":[{\"name\":\"Tea\",\"quantity\":3}]}")
                        .statusCode(201)
                        .extract();
        String location = placed.header("Location");
        assertEquals("/orders/" + placed.path("orderId"), location);
        given().header("Authorization", token)
                .get(location)
                .then()
                .statusCode(200)
                .contentType("application/json")
                .body("orderId", equalTo(placed.path("orderId")))
                .body("items[0].name", equalTo("Tea"))
                .body("items[0].quantity", equalTo(3))
                .body("status", equalTo("PLACED"));
    }

    @Test
    void anotherCustomersOrderIsNotFoundAsIfAbsent() {
        String ada = customer(UUID.randomUUID().toString(), "ada@example.com");
        String bob = customer(UUID.randomUUID().toString(), "bob@example.com");
        String adas = placeOne(ada, "lis-001");
        String theirs = order(bob, adas).statusCode(404).extract().body().asString();
        String nobodys =
                order(bob, UUID.randomUUID().toString())
                        .statusCode(404)
                        .extract()
                        .body()
                        .asString();
        assertEquals("{\"message\":\"Order not found\"}", theirs);
        assertEquals(theirs, nobodys);
        order(bob, adas).header("x-amzn-ErrorType", "NotFoundException");
        given().get("/orders/" + adas).then().statusCode(401);
        order(ada, adas).statusCode(200).body("orderId", equalTo(adas));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "not a uuid, nope",
        "upper case, 0F8FAD5B-D9CB-469F-A165-70867728950E",
        "too long, 0f8fad5b-d9cb-469f-a165-70867728950e0",
        "no dashes, 0f8fad5bd9cb469fa16570867728950e",
        "encoded slash, a%2F..%2Fb",
    })
    void aMalformedOrderIdIsNotFoundWithoutAskingRedis(String name, String orderId) {
        String token = customer(UUID.randomUUID().toString(), "eve@example.com");
        long before = hgetCalls();
        given().urlEncodingEnabled(false)
                .header("Authorization", token)
                .get("/orders/" + orderId)
                .then()
                .statusCode(404)
                .body("message", equalTo("Order not found"));
        assertEquals(before, hgetCalls());
        order(token, UUID.randomUUID().toString()).statusCode(404);
        assertEquals(before + 1, hgetCalls(), "a well-formed id is looked up");
    }

    @Test
    void eachCustomerSeesOnlyTheirOwnOrdersNewestFirst() {
        String ada = customer(UUID.randomUUID().toString(), "ada@example.com");
        String bob = customer(UUID.randomUUID().toString(), "bob@example.com");
        String first = placeOne(ada, "lis-001");
        String second = placeOne(ada, "mad-010");
        String bobs = placeOne(bob, "lis-001");
        List<String> adas = orders(ada).statusCode(200).extract().path("orderId");
        assertEquals(List.of(second, first), adas);
        orders(bob).statusCode(200).body("orderId", equalTo(List.of(bobs)));
        given().header("Authorization", ada)
                .queryParam("limit", 1)
                .get("/orders")
                .then()
                .statusCode(200)
                .body("orderId", equalTo(List.of(second)));
        given().header("Authorization", ada)
                .queryParam("limit", 0)
                .get("/orders")
                .then()
                .statusCode(400)
                .body("message", equalTo("limit must be an integer between 1 and 100"));
    }

    @Test
    void needsAUserPoolTokenForBothRoutes() {
        given().contentType("application/json")
                .body("{\"storeId\":\"lis-001\",\"items\":[{\"name\":\"x\",\"quantity\":1}]}")
                .post("/orders")
                .then()
                .statusCode(401)
                .body(equalTo("{\"message\":\"Unauthorized\"}"));
        given().get("/orders").then().statusCode(401);
        String[] parts = customer("mallory", "m@example.com").split("\\.");
        given().header("Authorization", parts[0] + "." + parts[1] + ".AAAA")
                .get("/orders")
                .then()
                .statusCode(401);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            textBlock =
                    """
empty body            | ''                                                          | Request body is required: a JSON object with storeId and items
not JSON              | '{"storeId":'                                               | Request body is not valid JSON (line 1, column 12)
an array              | '[]'                                                        | Request body must be a JSON object
no storeId            | '{"items":[{"name":"x","quantity":1}]}'                     | storeId is required
storeId not a string  | '{"storeId":7,"items":[{"name":"x","quantity":1}]}'         | storeId must be a string
storeId malformed     | '{"storeId":"../x","items":[{"name":"x","quantity":1}]}'    | storeId must be 1 to 64 of A-Z, a-z, 0-9, _ and -
unknown store         | '{"storeId":"nope-999","items":[{"name":"x","quantity":1}]}' | storeId does not name a store of the catalogue
no items              | '{"storeId":"lis-001"}'                                     | items is required
empty items           | '{"storeId":"lis-001","items":[]}'                          | items must be an array of 1 to 20 items
item not an object    | '{"storeId":"lis-001","items":["x"]}'                       | items[0] must be an object with name and quantity
item without name     | '{"storeId":"lis-001","items":[{"quantity":1}]}'            | items[0].name is required
quantity zero         | '{"storeId":"lis-001","items":[{"name":"x","quantity":0}]}' | items[0].quantity must be an integer between 1 and 99
quantity fractional   | '{"storeId":"lis-001","items":[{"name":"x","quantity":1.5}]}' | items[0].quantity must be an integer between 1 and 99
quantity as a string  | '{"storeId":"lis-001","items":[{"name":"x","quantity":"1"}]}' | items[0].quantity must be an integer between 1 and 99
unknown item field    | '{"storeId":"lis-001","items":[{"name":"x","quantity":1,"price":0}]}' | Unknown field items[0].'price'; allowed: name, quantity
unknown field         | '{"storeId":"lis-001","items":[{"name":"x","quantity":1}],"status":"PAID"}' | Unknown field 'status'; allowed: items, note, storeId
duplicate key         | '{"storeId":"lis-001","storeId":"mad-010","items":[]}'      | Request body is not valid JSON (line 1, column 31)
""")
    void refusesBadOrdersWithAMessageNamingTheFieldAndSavesNothing(
            String name, String body, String message) {
        String token = customer(UUID.randomUUID().toString(), "eve@example.com");
        place(token, body).statusCode(400).body("message", equalTo(message));
        orders(token).statusCode(200).body("$", hasSize(0));
    }

    @Test
    void refusesBodiesPastJacksonsStreamLimitsWith400AndSavesNothing() {
        String token = customer(UUID.randomUUID().toString(), "eve@example.com");
        place(
                        token,
                        "{\"storeId\":\"lis-001\",\"items\":"
                                + "[".repeat(1001)
                                + "]".repeat(1001)
                                + "}")
                .statusCode(400)
                .header("x-amzn-ErrorType", "BadRequestException")
                .body(
                        "message",
                        equalTo(
                                "Request body exceeds a JSON limit: nesting depth is 1001, at"
                                        + " most 1000 allowed"));
        place(
                        token,
                        "{\"storeId\":\"lis-001\",\"items\":[{\"name\":\"x\",\"quantity\":"
                                + "1".repeat(1200)
                                + "}]}")
                .statusCode(400)
                .body(
                        "message",
                        startsWith("Request body exceeds a JSON limit: a number's length"));
        place(token, "{\"" + "k".repeat(60_000) + "\":1}")
                .statusCode(400)
                .body(
                        "message",
                        equalTo(
                                "Request body exceeds a JSON limit: a field name's length is"
                                        + " 60000, at most 50000 allowed"));
        orders(token).statusCode(200).body("$", hasSize(0));
    }

    @Test
    void refusesMoreThanTwentyItemsAndALongNote() {
        String token = customer(UUID.randomUUID().toString(), "eve@example.com");
        String items = "{\"name\":\"x\",\"quantity\":1},".repeat(21);
        place(
                        token,
                        "{\"storeId\":\"lis-001\",\"items\":["
                                + items.substring(0, items.length() - 1)
                                + "]}")
                .statusCode(400)
                .body("message", equalTo("items must be an array of 1 to 20 items"));
        place(
                        token,
                        "{\"storeId\":\"lis-001\",\"items\":[{\"name\":\"x\",\"quantity\":1}],"
                                + "\"note\":\""
                                + "n".repeat(501)
                                + "\"}")
                .statusCode(400)
                .body("message", equalTo("note must be at most 500 characters"));
        orders(token).statusCode(200).body("$", hasSize(0));
    }

    static ValidatableResponse order(String token, String orderId) {
        return given().header("Authorization", token).get("/orders/{id}", orderId).then();
    }

    /** HGET calls Redis has served since it started ({@code INFO commandstats}). */
    private static long hgetCalls() {
        String stats = RedisTestResource.standalone().call("INFO", "commandstats").toString();
        Matcher calls = HGET_CALLS.matcher(stats);
        return calls.find() ? Long.parseLong(calls.group(1)) : 0;
    }

    private static String placeOne(String token, String storeId) {
        return place(
                        token,
                        "{\"storeId\":\""
                                + storeId
                                + "\",\"items\":[{\"name\":\"Coffee\",\"quantity\":1}]}")
                .statusCode(201)
                .extract()
                .path("orderId");
    }
}
