package dev.gatehouse.auth.iam;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import dev.gatehouse.testing.RedisTestResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/**
 * The {@code Host} is bound to the signature over HTTP/1.1 (a signed {@code :authority} that the
 * request does not carry binds nothing), and {@code gatehouse.iam.hosts} names the hosts a signed
 * request may be for. Requests signed by the AWS SDK v2 signer, over real HTTP.
 */
@QuarkusTest
@TestProfile(SignedHostTest.ListedHosts.class)
@WithTestResource(value = RedisTestResource.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
class SignedHostTest {

    static final String AKID = "AKIAAUTHTESTREADER22";
    static final String SECRET = "AuthCommonReaderSecret000000000000000000";

    public static class ListedHosts implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("gatehouse.iam.hosts", "api.example.com, Other.Example.org");
        }
    }

    @TestHTTPResource("/")
    URI root;

    /** The AWS SDK's signed headers for a GET of {@code path} addressed to {@code host}. */
    private Map<String, List<String>> sdkSigned(String host, String path) {
        SdkHttpRequest unsigned =
                SdkHttpRequest.builder()
                        .method(SdkHttpMethod.GET)
                        .uri(URI.create("http://" + host + path))
                        .build();
        return AwsV4HttpSigner.create()
                .sign(
                        r ->
                                r.identity(AwsCredentialsIdentity.create(AKID, SECRET))
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
        headers.forEach((name, values) -> values.forEach(v -> request.header(name, v)));
        return request.get(root.resolve(path)).then();
    }

    @Test
    void requestSignedForAListedHostIsServed() {
        send(sdkSigned("api.example.com:" + root.getPort(), "/iam/x"), "/iam/x")
                .statusCode(200)
                .body("userArn", equalTo("arn:aws:iam::123456789012:user/team/reader"));
        send(sdkSigned("other.example.org", "/iam/x"), "/iam/x").statusCode(200);
    }

    @Test
    void requestSignedForAnotherHostIsForbidden() {
        send(sdkSigned("localhost:" + root.getPort(), "/iam/x"), "/iam/x")
                .statusCode(403)
                .header("x-amzn-ErrorType", "ForbiddenException")
                .body(equalTo("{\"message\":\"Forbidden\"}"));
        send(sdkSigned("api.example.com.evil.test", "/iam/x"), "/iam/x").statusCode(403);
    }

    @Test
    void signedAuthorityOnHttp1DoesNotStandInForTheHost() throws Exception {
        // What a key holder can compute: ":authority" signed with the empty value HTTP/1.1 gives
        // it, so that the signature would hold for whatever Host the request is then sent with.
        String amzDate =
                DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
                        .withZone(ZoneOffset.UTC)
                        .format(Instant.now());
        String date = amzDate.substring(0, 8);
        String canonical =
                "GET\n/iam/x\n\n:authority:\nx-amz-date:"
                        + amzDate
                        + "\n\n:authority;x-amz-date\n"
                        + hex(sha256(new byte[0]));
        String scope = date + "/us-east-1/execute-api/aws4_request";
        String stringToSign =
                "AWS4-HMAC-SHA256\n"
                        + amzDate
                        + "\n"
                        + scope
                        + "\n"
                        + hex(sha256(canonical.getBytes(StandardCharsets.UTF_8)));
        byte[] key = ("AWS4" + SECRET).getBytes(StandardCharsets.UTF_8);
        for (String part : new String[] {date, "us-east-1", "execute-api", "aws4_request"}) {
            key = hmac(key, part);
        }
        String authorization =
                "AWS4-HMAC-SHA256 Credential="
                        + AKID
                        + "/"
                        + scope
                        + ", SignedHeaders=:authority;x-amz-date, Signature="
                        + hex(hmac(key, stringToSign));
        for (String host : new String[] {"api.example.com", "anything.test"}) {
            given().header("Authorization", authorization)
                    .header("X-Amz-Date", amzDate)
                    .header("Host", host)
                    .get(root.resolve("/iam/x"))
                    .then()
                    .statusCode(403)
                    .header("x-amzn-ErrorType", "InvalidSignatureException")
                    .body(
                            equalTo(
                                    "{\"message\":\"'Host' or ':authority' must be a"
                                            + " 'SignedHeader' in the AWS Authorization.\"}"));
        }
    }

    private static byte[] sha256(byte[] data) throws Exception {
        return java.security.MessageDigest.getInstance("SHA-256").digest(data);
    }

    private static byte[] hmac(byte[] key, String data) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
