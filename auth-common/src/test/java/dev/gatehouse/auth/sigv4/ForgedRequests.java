package dev.gatehouse.auth.sigv4;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4FamilyHttpSigner;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.AwsSessionCredentialsIdentity;

/**
 * Requests for {@link SigV4RejectionMatrixTest}: signed by the AWS SDK v2 signer (adjustable per
 * case), or written by hand, and the ways a forger changes them afterwards.
 */
final class ForgedRequests {

    static final String AKID = "AKIAIOSFODNN7EXAMPLE";
    static final String SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
    static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");

    private ForgedRequests() {}

    /** What the AWS SDK v2 signer is asked to sign; each row changes what it needs. */
    static final class Signing {
        SdkHttpMethod method = SdkHttpMethod.GET;
        String url = "https://api.example.com/prod/stores?limit=8";
        final Map<String, String> headers =
                new LinkedHashMap<>(Map.of("Content-Type", "application/json"));
        String body;
        String region = "us-east-1";
        String service = SigV4Verifier.EXECUTE_API;
        Instant at = NOW;
        String token;
        boolean presign;
        boolean payloadSigning = true;
    }

    static SignedRequest sdk(Consumer<Signing> change) {
        Signing s = new Signing();
        change.accept(s);
        SdkHttpRequest.Builder builder =
                SdkHttpRequest.builder().method(s.method).uri(URI.create(s.url));
        s.headers.forEach(builder::putHeader);
        AwsCredentialsIdentity identity =
                s.token == null
                        ? AwsCredentialsIdentity.create(AKID, SECRET)
                        : AwsSessionCredentialsIdentity.create(AKID, SECRET, s.token);
        byte[] body = s.body == null ? new byte[0] : s.body.getBytes(StandardCharsets.UTF_8);
        var signed =
                AwsV4HttpSigner.create()
                        .sign(
                                r -> {
                                    r.identity(identity)
                                            .request(builder.build())
                                            .payload(
                                                    s.body == null
                                                            ? null
                                                            : () -> new ByteArrayInputStream(body))
                                            .putProperty(AwsV4HttpSigner.REGION_NAME, s.region)
                                            .putProperty(
                                                    AwsV4HttpSigner.SERVICE_SIGNING_NAME, s.service)
                                            .putProperty(
                                                    AwsV4FamilyHttpSigner.PAYLOAD_SIGNING_ENABLED,
                                                    s.payloadSigning)
                                            .putProperty(
                                                    HttpSigner.SIGNING_CLOCK,
                                                    Clock.fixed(s.at, ZoneOffset.UTC));
                                    if (s.presign) {
                                        r.putProperty(
                                                        AwsV4FamilyHttpSigner.AUTH_LOCATION,
                                                        AwsV4FamilyHttpSigner.AuthLocation
                                                                .QUERY_STRING)
                                                .putProperty(
                                                        AwsV4FamilyHttpSigner.EXPIRATION_DURATION,
                                                        Duration.ofMinutes(10));
                                    }
                                });
        return SigV4VerifierTest.received(signed.request(), body);
    }

    static String header(String credential, String signedHeaders, String signature) {
        return "AWS4-HMAC-SHA256 Credential="
                + credential
                + ", SignedHeaders="
                + signedHeaders
                + ", Signature="
                + signature;
    }

    static SignedRequest withAuthorization(String authorization, String amzDate) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("authorization", List.of(authorization));
        if (amzDate != null) {
            headers.put("x-amz-date", List.of(amzDate));
        }
        return raw(headers);
    }

    static SignedRequest raw(Map<String, List<String>> extra) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("host", List.of("api.example.com"));
        headers.putAll(extra);
        return new SignedRequest("GET", "/prod/stores", "limit=8", headers, new byte[0]);
    }

    /** The request with one header replaced, or removed when {@code values} is null. */
    static SignedRequest withHeader(SignedRequest r, String name, List<String> values) {
        Map<String, List<String>> headers = new LinkedHashMap<>(r.headers());
        if (values == null) {
            headers.remove(name);
        } else {
            headers.put(name, values);
        }
        return new SignedRequest(r.method(), r.rawPath(), r.rawQuery(), headers, r.body());
    }

    static SignedRequest withQuery(SignedRequest r, String rawQuery) {
        return new SignedRequest(r.method(), r.rawPath(), rawQuery, r.headers(), r.body());
    }

    static SignedRequest withExpires(SignedRequest r, String expires) {
        return withQuery(
                r, r.rawQuery().replaceAll("X-Amz-Expires=\\d+", "X-Amz-Expires=" + expires));
    }

    static SignedRequest forgeAuthorization(SignedRequest r, String from, String to) {
        return withHeader(r, "authorization", List.of(r.header("authorization").replace(from, to)));
    }
}
