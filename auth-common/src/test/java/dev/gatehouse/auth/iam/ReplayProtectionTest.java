package dev.gatehouse.auth.iam;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.testing.RedisTestResource;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/**
 * {@code @AwsIamRequired(replayProtection = true)}: the same signed request (AWS SDK v2 signer) is
 * served once and refused after; a fresh signature is served; the record in Redis expires with the
 * signature's window; routes without the attribute still accept a repeat.
 */
@QuarkusTest
@WithTestResource(value = RedisTestResource.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
class ReplayProtectionTest {

    @TestHTTPResource("/")
    URI root;

    @Inject RedisDataSource redis;

    private Map<String, List<String>> signed(String path) {
        SdkHttpRequest unsigned =
                SdkHttpRequest.builder().method(SdkHttpMethod.GET).uri(root.resolve(path)).build();
        return AwsV4HttpSigner.create()
                .sign(
                        r ->
                                r.identity(
                                                AwsCredentialsIdentity.create(
                                                        "AKIAAUTHTESTLOCAL222",
                                                        "AuthCommonLocalSecret0000000000000000000"))
                                        .request(unsigned)
                                        .putProperty(
                                                AwsV4HttpSigner.SERVICE_SIGNING_NAME, "execute-api")
                                        .putProperty(AwsV4HttpSigner.REGION_NAME, "us-east-1"))
                .request()
                .headers();
    }

    private io.restassured.response.ValidatableResponse send(
            Map<String, List<String>> headers, String path) {
        var request = given();
        headers.forEach(
                (name, values) -> {
                    if (!name.equalsIgnoreCase("host")) {
                        values.forEach(v -> request.header(name, v));
                    }
                });
        return request.get(root.resolve(path)).then();
    }

    @Test
    void aSignatureIsServedOnceAndRefusedAfter() {
        Map<String, List<String>> once = signed("/iam/once");
        send(once, "/iam/once")
                .statusCode(200)
                .body("userArn", equalTo("arn:aws:iam::123456789012:user/local"));
        for (int i = 0; i < 2; i++) {
            send(once, "/iam/once")
                    .statusCode(403)
                    .header("x-amzn-ErrorType", "InvalidSignatureException")
                    .body(
                            equalTo(
                                    "{\"message\":\"Signature has already been used. Sign each"
                                            + " request anew.\"}"));
        }
        send(signed("/iam/once?fresh=1"), "/iam/once?fresh=1").statusCode(200);
    }

    @Test
    void theRecordLastsNoLongerThanTheSignatureWindow() {
        // Two identical requests signed in the same second carry the same signature: a query makes
        // this one differ from the other tests' requests.
        send(signed("/iam/once?window=1"), "/iam/once?window=1").statusCode(200);
        List<String> keys = redis.key().keys("gatehouse:iam:seen:*");
        assertTrue(!keys.isEmpty());
        for (String key : keys) {
            long ttl = redis.key().pttl(key);
            assertTrue(ttl > 0 && ttl <= 300_000, key + " " + ttl);
            assertTrue(key.matches("gatehouse:iam:seen:\\{AKIA[A-Z0-9]+:[0-9a-f]{64}\\}"), key);
        }
    }

    @Test
    void routesWithoutTheAttributeAcceptARepeat() {
        Map<String, List<String>> twice = signed("/iam/x");
        send(twice, "/iam/x").statusCode(200);
        send(twice, "/iam/x").statusCode(200);
    }
}
