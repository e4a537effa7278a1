package dev.gatehouse.auth.cognito;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.gatehouse.testing.RedisTestResource;
import dev.gatehouse.testing.TestUserPool;
import dev.gatehouse.testing.TestUserPool.PoolKey;
import dev.gatehouse.testing.TestUserPoolResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.stream.Stream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code @CognitoUserPoolsRequired} end to end over real HTTP, against a JWKS server with keys
 * generated for the run: the happy path, the JWT attack matrix, rotation, a JWKS outage and the
 * result cache.
 */
@QuarkusTest
@WithTestResource(value = RedisTestResource.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
@WithTestResource(value = TestUserPoolResource.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
class CognitoAuthorizerTest {

    @Inject CognitoAuthorizer authorizer;

    @TestHTTPResource("/cognito/claims")
    URI claimsRoute;

    static TestUserPool pool() {
        return TestUserPoolResource.pool();
    }

    static RequestSpecification withAuthorization(String value) {
        return value == null ? given() : given().header("Authorization", value);
    }

    static void assertUnauthorized(String path, String authorization) {
        withAuthorization(authorization)
                .get(path)
                .then()
                .statusCode(401)
                .header("x-amzn-ErrorType", "UnauthorizedException")
                .contentType("application/json")
                .body(equalTo("{\"message\":\"Unauthorized\"}"));
    }

    @Test
    void validIdTokenReachesTheResourceWithItsClaims() {
        given().header("Authorization", pool().idToken())
                .get("/cognito/claims")
                .then()
                .statusCode(200)
                .body("sub", equalTo("5f2c1b7e-6a0d-4c3e-9b8a-1d2e3f4a5b6c"))
                .body("'cognito:username'", equalTo("alice"))
                .body("email_verified", equalTo("true"))
                .body("'cognito:groups'", equalTo("[\"buyers\"]"))
                .body("token_use", equalTo("id"));
    }

    @Test
    void bearerPrefixIsAcceptedToo() {
        given().header("Authorization", "Bearer " + pool().idToken())
                .get("/cognito/claims")
                .then()
                .statusCode(200);
    }

    @Test
    void routeWithScopesTakesAnAccessTokenHoldingOneOfThem() {
        PoolKey key = pool().idKey();
        given().header(
                        "Authorization",
                        TestUserPool.sign(
                                key,
                                pool().accessClaims(
                                                TestUserPool.WEB_CLIENT,
                                                "aws.cognito.signin.user.admin")))
                .get("/cognito/orders")
                .then()
                .statusCode(200)
                .body("username", equalTo("alice"));
        assertUnauthorized("/cognito/orders", pool().idToken());
        assertUnauthorized(
                "/cognito/orders",
                TestUserPool.sign(key, pool().accessClaims(TestUserPool.WEB_CLIENT, "openid")));
        assertUnauthorized(
                "/cognito/orders",
                TestUserPool.sign(
                        key,
                        pool().accessClaims(
                                        TestUserPool.OTHER_CLIENT,
                                        "aws.cognito.signin.user.admin")));
    }

    @Test
    void bearerHeaderOnAnUnprotectedRouteIsIgnored() {
        given().header("Authorization", "Bearer not-a-token")
                .get("/cognito/open")
                .then()
                .statusCode(200)
                .body(equalTo("open"));
    }

    static Stream<Arguments> attacks() {
        List<Arguments> attacks = new ArrayList<>();
        attack(attacks, "missing header", pool -> null);
        attack(attacks, "Bearer with nothing after", pool -> "Bearer ");
        attack(attacks, "Bearer alone", pool -> "Bearer");
        attack(attacks, "garbage", pool -> "garbage");
        attack(attacks, "non-base64 segments", pool -> "ey!!.ey@@.s#g");
        attack(
                attacks,
                "alg none, no signature",
                pool -> unsigned(pool, Map.of("alg", "none", "kid", pool.idKey().kid()), ""));
        attack(
                attacks,
                "alg none with a signature",
                pool ->
                        unsigned(
                                pool,
                                Map.of("alg", "none", "kid", pool.idKey().kid()),
                                "c2lnbmF0dXJl"));
        attack(attacks, "HS256 with the public key as secret", CognitoAuthorizerTest::hs256);
        attack(
                attacks,
                "unknown kid",
                pool ->
                        TestUserPool.sign(
                                TestUserPool.newKey(), pool.idClaims(TestUserPool.WEB_CLIENT)));
        attack(
                attacks,
                "known kid, other key",
                pool ->
                        TestUserPool.sign(
                                new PoolKey(pool.idKey().kid(), TestUserPool.newKey().pair()),
                                pool.idClaims(TestUserPool.WEB_CLIENT)));
        attack(
                attacks,
                "wrong issuer",
                pool ->
                        signed(
                                pool,
                                claims ->
                                        claims.put(
                                                "iss",
                                                "https://cognito-idp.us-east-1.amazonaws.com/us-east-1_Other0000")));
        attack(
                attacks,
                "wrong audience",
                pool -> signed(pool, c -> c.put("aud", TestUserPool.OTHER_CLIENT)));
        attack(
                attacks,
                "access token where an ID token is required",
                pool ->
                        TestUserPool.sign(
                                pool.idKey(),
                                pool.accessClaims(
                                        TestUserPool.WEB_CLIENT, "aws.cognito.signin.user.admin")));
        attack(
                attacks,
                "expired",
                pool ->
                        signed(
                                pool,
                                c -> {
                                    c.put("iat", now() - 7200);
                                    c.put("exp", now() - 3600);
                                }));
        attack(attacks, "not yet valid", pool -> signed(pool, c -> c.put("nbf", now() + 3600)));
        attack(
                attacks,
                "issued in the future",
                pool -> signed(pool, c -> c.put("iat", now() + 3600)));
        attack(attacks, "no exp", pool -> signed(pool, c -> c.remove("exp")));
        attack(attacks, "no token_use", pool -> signed(pool, c -> c.remove("token_use")));
        attack(
                attacks,
                "truncated",
                pool -> {
                    String token = pool.idToken();
                    return token.substring(0, token.length() - 12);
                });
        attack(
                attacks,
                "tampered payload",
                pool -> {
                    String[] parts = pool.idToken().split("\\.");
                    Map<String, Object> claims = pool.idClaims(TestUserPool.WEB_CLIENT);
                    claims.put("cognito:username", "admin");
                    return parts[0] + "." + TestUserPool.segment(claims) + "." + parts[2];
                });
        attack(
                attacks,
                "64 KB token",
                pool -> signed(pool, c -> c.put("pad", "x".repeat(64 * 1024))));
        attack(attacks, "two tokens", pool -> pool.idToken() + "," + pool.idToken());
        return attacks.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("attacks")
    void attackIsUnauthorizedNeverAServerError(String name, Function<TestUserPool, String> token) {
        assertUnauthorized("/cognito/claims", token.apply(pool()));
    }

    @Test
    void rotatedKeyIsAcceptedAfterOneJwksDownload() throws Exception {
        given().header("Authorization", pool().idToken())
                .get("/cognito/claims")
                .then()
                .statusCode(200);
        PoolKey rotated = pool().rotate();
        int before = pool().downloads();
        HttpClient http = HttpClient.newHttpClient();
        List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            String token = TestUserPool.sign(rotated, pool().idClaims(TestUserPool.WEB_CLIENT));
            calls.add(
                    http.sendAsync(
                            HttpRequest.newBuilder(claimsRoute)
                                    .header("Authorization", token)
                                    .build(),
                            HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)));
        }
        for (CompletableFuture<HttpResponse<String>> call : calls) {
            assertEquals(200, call.get().statusCode(), call.get().body());
        }
        assertEquals(before + 1, pool().downloads(), "one download shared by every request");
    }

    @Test
    void knownKeysKeepWorkingWhileTheJwksEndpointIsDown() {
        given().header("Authorization", pool().idToken())
                .get("/cognito/claims")
                .then()
                .statusCode(200);
        pool().setDown(true);
        try {
            given().header("Authorization", pool().idToken())
                    .get("/cognito/claims")
                    .then()
                    .statusCode(200);
            assertUnauthorized(
                    "/cognito/claims",
                    TestUserPool.sign(
                            TestUserPool.newKey(), pool().idClaims(TestUserPool.WEB_CLIENT)));
            given().header("Authorization", pool().idToken())
                    .get("/cognito/claims")
                    .then()
                    .statusCode(200);
        } finally {
            pool().setDown(false);
        }
    }

    @Test
    void sameTokenAgainIsServedFromTheCacheWithoutVerification() {
        String token = pool().idToken();
        given().header("Authorization", token).get("/cognito/claims").then().statusCode(200);
        long verifications = authorizer.verifications();
        given().header("Authorization", "Bearer " + token)
                .get("/cognito/claims")
                .then()
                .statusCode(200);
        given().header("Authorization", token).get("/cognito/claims").then().statusCode(200);
        assertEquals(verifications, authorizer.verifications());
    }

    @Test
    void aCachedSignatureUnderAnotherHeaderOrPayloadIsVerifiedAndRefused() {
        String token = pool().idToken();
        given().header("Authorization", token).get("/cognito/claims").then().statusCode(200);
        String[] parts = token.split("\\.");
        java.util.Map<String, Object> claims = pool().idClaims(TestUserPool.WEB_CLIENT);
        claims.put("sub", "someone-else");
        long verifications = authorizer.verifications();
        assertUnauthorized(
                "/cognito/claims", parts[0] + "." + TestUserPool.segment(claims) + "." + parts[2]);
        // Same length, one character changed: still not the signed bytes.
        char last = parts[1].charAt(parts[1].length() - 2);
        String swapped =
                parts[1].substring(0, parts[1].length() - 2)
                        + (last == 'A' ? 'B' : 'A')
                        + parts[1].charAt(parts[1].length() - 1);
        assertUnauthorized("/cognito/claims", parts[0] + "." + swapped + "." + parts[2]);
        assertEquals(verifications + 2, authorizer.verifications(), "both went to verification");
        given().header("Authorization", token).get("/cognito/claims").then().statusCode(200);
    }

    @Test
    void cachedTokenStillMeetsEachRoutesRequirement() {
        String token = pool().idToken();
        given().header("Authorization", token).get("/cognito/claims").then().statusCode(200);
        assertUnauthorized("/cognito/orders", token);
    }

    private static void attack(
            List<Arguments> attacks, String name, Function<TestUserPool, String> token) {
        attacks.add(Arguments.of(name, token));
    }

    private static long now() {
        return Instant.now().getEpochSecond();
    }

    private static String signed(
            TestUserPool pool, java.util.function.Consumer<Map<String, Object>> change) {
        Map<String, Object> claims = pool.idClaims(TestUserPool.WEB_CLIENT);
        change.accept(claims);
        return TestUserPool.sign(pool.idKey(), claims);
    }

    private static String unsigned(
            TestUserPool pool, Map<String, Object> header, String signature) {
        return TestUserPool.segment(header)
                + "."
                + TestUserPool.segment(pool.idClaims(TestUserPool.WEB_CLIENT))
                + "."
                + signature;
    }

    private static String hs256(TestUserPool pool) {
        String input =
                TestUserPool.segment(Map.of("alg", "HS256", "kid", pool.idKey().kid()))
                        + "."
                        + TestUserPool.segment(pool.idClaims(TestUserPool.WEB_CLIENT));
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(pool.idKey().pair().getPublic().getEncoded(), "HmacSHA256"));
            return input
                    + "."
                    + java.util.Base64.getUrlEncoder()
                            .withoutPadding()
                            .encodeToString(mac.doFinal(input.getBytes(StandardCharsets.US_ASCII)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
