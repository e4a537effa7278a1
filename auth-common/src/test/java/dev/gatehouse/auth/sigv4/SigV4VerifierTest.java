package dev.gatehouse.auth.sigv4;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4FamilyHttpSigner;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.AwsSessionCredentialsIdentity;

/** Requests signed by the real AWS SDK v2 signer are accepted; forged ones get AWS's answers. */
class SigV4VerifierTest {

    static final String AKID = "AKIAIOSFODNN7EXAMPLE";
    static final String SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
    static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");

    final SigV4Verifier verifier = new SigV4Verifier("us-east-1", SigV4Verifier.EXECUTE_API, true);

    static dev.gatehouse.auth.sigv4.SignedRequest sign(
            SdkHttpMethod method,
            String url,
            String body,
            boolean presign,
            String token,
            Instant at) {
        SdkHttpRequest request =
                SdkHttpRequest.builder()
                        .method(method)
                        .uri(URI.create(url))
                        .putHeader("Content-Type", "application/json")
                        .build();
        AwsCredentialsIdentity identity =
                token == null
                        ? AwsCredentialsIdentity.create(AKID, SECRET)
                        : AwsSessionCredentialsIdentity.create(AKID, SECRET, token);
        byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        SignedRequest signed =
                AwsV4HttpSigner.create()
                        .sign(
                                r -> {
                                    r.identity(identity)
                                            .request(request)
                                            .payload(
                                                    body == null
                                                            ? null
                                                            : () -> new ByteArrayInputStream(bytes))
                                            .putProperty(AwsV4HttpSigner.REGION_NAME, "us-east-1")
                                            .putProperty(
                                                    AwsV4HttpSigner.SERVICE_SIGNING_NAME,
                                                    "execute-api")
                                            .putProperty(
                                                    HttpSigner.SIGNING_CLOCK,
                                                    Clock.fixed(at, ZoneOffset.UTC));
                                    if (presign) {
                                        r.putProperty(
                                                        AwsV4FamilyHttpSigner.AUTH_LOCATION,
                                                        AwsV4FamilyHttpSigner.AuthLocation
                                                                .QUERY_STRING)
                                                .putProperty(
                                                        AwsV4FamilyHttpSigner.EXPIRATION_DURATION,
                                                        Duration.ofMinutes(10));
                                    }
                                });
        return received(signed.request(), bytes);
    }

    /** The request as a server receives it: path and query as on the wire, headers lower-cased. */
    static dev.gatehouse.auth.sigv4.SignedRequest received(SdkHttpRequest request, byte[] body) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        request.forEachHeader(
                (name, values) ->
                        headers.put(name.toLowerCase(Locale.ROOT), new ArrayList<>(values)));
        headers.putIfAbsent(
                "host",
                List.of(
                        request.host()
                                + (request.port() == 80 || request.port() == 443
                                        ? ""
                                        : ":" + request.port())));
        String rawQuery = request.encodedQueryParameters().orElse("");
        return new dev.gatehouse.auth.sigv4.SignedRequest(
                request.method().name(), request.encodedPath(), rawQuery, headers, body);
    }

    SigV4Rejection check(dev.gatehouse.auth.sigv4.SignedRequest request) {
        SignatureParse parse = verifier.parse(request, NOW);
        if (parse instanceof SigV4Rejection rejection) {
            return rejection;
        }
        return verifier.verify(request, (SignatureClaim) parse, SECRET).orElse(null);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "https://api.example.com/stores",
                "https://api.example.com/stores/lis-001",
                "https://api.example.com/prod/stores/with%20space",
                "https://api.example.com/stores/caf%C3%A9/%E2%82%AC",
                "https://api.example.com/@connections/abc%3D",
                "https://api.example.com/price/%24100",
                "https://api.example.com/a%2Fb/c",
                "https://api.example.com/stores?limit=8",
                "https://api.example.com/stores?tag=b&tag=a&tag=a",
                "https://api.example.com/stores?empty=&flag",
                "https://api.example.com/stores?%24filter=id%20eq%20123&q=caf%C3%A9",
                "https://api.example.com:8443/stores",
                "https://api.example.com/",
                "https://api.example.com/prod/stores/./lis-001//",
                "https://api.example.com/prod/stores/.",
                "https://api.example.com/prod/stores/lis-001/.."
            })
    void acceptsWhatTheAwsSdkSigns(String url) {
        assertNull(check(sign(SdkHttpMethod.GET, url, null, false, null, NOW)));
    }

    @Test
    void acceptsASignedPostBody() {
        assertNull(
                check(
                        sign(
                                SdkHttpMethod.POST,
                                "https://api.example.com/stores/search",
                                "{\"query\":\"café\"}",
                                false,
                                null,
                                NOW)));
    }

    @Test
    void acceptsAPresignedUrl() {
        var request =
                sign(
                        SdkHttpMethod.GET,
                        "https://api.example.com/stores?limit=3",
                        null,
                        true,
                        null,
                        NOW);
        assertTrue(request.rawQuery().contains("X-Amz-Signature="));
        assertNull(check(request));
    }

    @Test
    void readsTheSessionTokenOfTemporaryCredentials() {
        var request =
                sign(
                        SdkHttpMethod.GET,
                        "https://api.example.com/stores",
                        null,
                        false,
                        "FwoGZXIvYXdzEXAMPLETOKEN",
                        NOW);
        SignatureClaim claim = assertInstanceOf(SignatureClaim.class, verifier.parse(request, NOW));
        assertEquals("FwoGZXIvYXdzEXAMPLETOKEN", claim.securityToken());
        assertEquals(Optional.empty(), verifier.verify(request, claim, SECRET));
    }

    @Test
    void rejectsATamperedBodyWithTheCanonicalStringItExpected() {
        var signed =
                sign(
                        SdkHttpMethod.POST,
                        "https://api.example.com/stores/search",
                        "{\"query\":\"a\"}",
                        false,
                        null,
                        NOW);
        var tampered =
                new dev.gatehouse.auth.sigv4.SignedRequest(
                        signed.method(),
                        signed.rawPath(),
                        signed.rawQuery(),
                        signed.headers(),
                        "{\"query\":\"b\"}".getBytes(StandardCharsets.UTF_8));
        SigV4Rejection rejection = check(tampered);
        assertEquals("InvalidSignatureException", rejection.errorType());
        assertTrue(
                rejection
                        .message()
                        .startsWith(
                                "The request signature we calculated does not match the signature"
                                        + " you provided."));
        assertTrue(
                rejection
                        .message()
                        .contains(
                                "The Canonical String for this request should have been\n"
                                        + "'POST\n"
                                        + "/stores/search\n"));
        assertTrue(
                rejection
                        .message()
                        .contains(
                                "The String-to-Sign should have been\n"
                                        + "'AWS4-HMAC-SHA256\n"
                                        + "20261123T120000Z\n"
                                        + "20261123/us-east-1/execute-api/aws4_request\n"));
    }

    @Test
    void rejectsTheWrongSecret() {
        var request =
                sign(SdkHttpMethod.GET, "https://api.example.com/stores", null, false, null, NOW);
        assertTrue(
                verifier.verify(
                                request,
                                (SignatureClaim) verifier.parse(request, NOW),
                                SECRET + "x")
                        .isPresent());
    }

    @Test
    void rejectsAnExpiredSignature() {
        var request =
                sign(
                        SdkHttpMethod.GET,
                        "https://api.example.com/stores",
                        null,
                        false,
                        null,
                        NOW.minusSeconds(301));
        assertEquals(
                new SigV4Rejection(
                        "InvalidSignatureException",
                        "Signature expired: 20261123T115459Z is now earlier than 20261123T115500Z"
                                + " (20261123T120000Z - 5 min.)"),
                check(request));
    }

    @Test
    void rejectsASignatureFromTheFuture() {
        var request =
                sign(
                        SdkHttpMethod.GET,
                        "https://api.example.com/stores",
                        null,
                        false,
                        null,
                        NOW.plusSeconds(301));
        assertEquals(
                new SigV4Rejection(
                        "InvalidSignatureException",
                        "Signature not yet current: 20261123T120501Z is still later than"
                                + " 20261123T120500Z (20261123T120000Z + 5 min.)"),
                check(request));
    }

    @Test
    void acceptsTheEdgesOfTheFiveMinuteWindow() {
        assertNull(
                check(
                        sign(
                                SdkHttpMethod.GET,
                                "https://api.example.com/stores",
                                null,
                                false,
                                null,
                                NOW.minusSeconds(300))));
        assertNull(
                check(
                        sign(
                                SdkHttpMethod.GET,
                                "https://api.example.com/stores",
                                null,
                                false,
                                null,
                                NOW.plusSeconds(300))));
    }

    @Test
    void answersMissingAuthenticationTokenWhenNothingIsSigned() {
        var request =
                new dev.gatehouse.auth.sigv4.SignedRequest(
                        "GET",
                        "/stores",
                        "",
                        Map.of("host", List.of("api.example.com")),
                        new byte[0]);
        assertEquals(
                new SigV4Rejection(
                        "MissingAuthenticationTokenException", "Missing Authentication Token"),
                check(request));
    }

    @Test
    void answersABearerTokenAsApiGatewayDoes() {
        var request = withAuthorization("Bearer eyJhbGciOiJSUzI1NiJ9", null);
        assertEquals(
                new SigV4Rejection(
                        "IncompleteSignatureException",
                        "'eyJhbGciOiJSUzI1NiJ9' not a valid key=value pair (missing equal-sign) in"
                                + " Authorization header: 'Bearer eyJhbGciOiJSUzI1NiJ9'."),
                check(request));
    }

    @Test
    void listsEverythingARawTokenLacks() {
        var request = withAuthorization("eyJhbGciOiJSUzI1NiJ9", null);
        assertEquals(
                "Authorization header requires 'Credential' parameter. Authorization header"
                        + " requires 'Signature' parameter. Authorization header requires"
                        + " 'SignedHeaders' parameter. Authorization header requires existence of"
                        + " either a 'X-Amz-Date' or a 'Date' header."
                        + " Authorization=eyJhbGciOiJSUzI1NiJ9",
                check(request).message());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Credential=AKIAIOSFODNN7EXAMPLE/20261123/eu-west-1/execute-api/aws4_request|Credential"
                    + " should be scoped to a valid Region, not 'eu-west-1'. ",
                "Credential=AKIAIOSFODNN7EXAMPLE/20261123/us-east-1/s3/aws4_request|Credential"
                        + " should be scoped to correct service: 'execute-api'. ",
                "Credential=AKIAIOSFODNN7EXAMPLE/20261123/us-east-1/execute-api/aws5_request|Credential"
                    + " should be scoped with a valid terminator: 'aws4_request', not"
                    + " 'aws5_request'.",
                "Credential=AKIAIOSFODNN7EXAMPLE/20261122/us-east-1/execute-api/aws4_request|Date"
                    + " in Credential scope does not match YYYYMMDD from ISO-8601 version of date"
                    + " from HTTP: '20261122' != '20261123', from '20261123T120000Z'."
            })
    void rejectsAWrongScope(String row) {
        String[] parts = row.split("\\|");
        var request =
                withAuthorization(
                        "AWS4-HMAC-SHA256 "
                                + parts[0]
                                + ", SignedHeaders=host;x-amz-date, Signature="
                                + "0".repeat(64),
                        "20261123T120000Z");
        assertEquals(parts[1], check(request).message());
    }

    @Test
    void requiresTheHostToBeSigned() {
        var request =
                withAuthorization(
                        "AWS4-HMAC-SHA256"
                            + " Credential=AKIAIOSFODNN7EXAMPLE/20261123/us-east-1/execute-api/aws4_request,"
                            + " SignedHeaders=x-amz-date, Signature="
                                + "0".repeat(64),
                        "20261123T120000Z");
        assertEquals(
                "'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.",
                check(request).message());
    }

    @Test
    void aSignedAuthorityThatTheRequestDoesNotCarryDoesNotBindTheHost() {
        // HTTP/1.1 has no :authority: signed, it would be an empty value, and any Host would pass.
        var request =
                withAuthorization(
                        "AWS4-HMAC-SHA256"
                            + " Credential=AKIAIOSFODNN7EXAMPLE/20261123/us-east-1/execute-api/aws4_request,"
                            + " SignedHeaders=:authority;x-amz-date, Signature="
                                + "0".repeat(64),
                        "20261123T120000Z");
        assertEquals(
                "'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.",
                check(request).message());
    }

    @Test
    void rejectsAPresignedUrlPastItsExpiry() {
        var request =
                sign(
                        SdkHttpMethod.GET,
                        "https://api.example.com/stores",
                        null,
                        true,
                        null,
                        NOW.minusSeconds(601));
        assertTrue(
                check(request)
                        .message()
                        .startsWith(
                                "Signature expired: 20261123T115959Z is now earlier than"
                                        + " 20261123T120000Z"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "604801", "-5", "abc", ""})
    void rejectsAPresignExpiryOutsideOneSecondToSevenDays(String expires) {
        var signed =
                sign(SdkHttpMethod.GET, "https://api.example.com/stores", null, true, null, NOW);
        String query =
                signed.rawQuery().replaceAll("X-Amz-Expires=\\d+", "X-Amz-Expires=" + expires);
        var request =
                new dev.gatehouse.auth.sigv4.SignedRequest(
                        "GET", signed.rawPath(), query, signed.headers(), signed.body());
        assertEquals("IncompleteSignatureException", check(request).errorType());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "AWS4-HMAC-SHA256",
                "AWS4-HMAC-SHA256 ,,,",
                "AWS4-HMAC-SHA256 Credential=",
                "AWS4-HMAC-SHA256 Credential=/////, SignedHeaders=, Signature=",
                "AWS4-HMAC-SHA256 Credential=a/b, SignedHeaders=host, Signature=x",
                "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
                "AWS4-HMAC-SHA256 Credential=\u0000/\uffff"
            })
    void neverThrowsOnMalformedHeaders(String authorization) {
        SigV4Rejection rejection = check(withAuthorization(authorization, "20261123T120000Z"));
        assertNotNull(rejection);
    }

    static dev.gatehouse.auth.sigv4.SignedRequest withAuthorization(
            String authorization, String amzDate) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("host", List.of("api.example.com"));
        headers.put("authorization", List.of(authorization));
        if (amzDate != null) {
            headers.put("x-amz-date", List.of(amzDate));
        }
        return new dev.gatehouse.auth.sigv4.SignedRequest(
                "GET", "/stores", "", headers, new byte[0]);
    }
}
