package dev.gatehouse.testing;

import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4FamilyHttpSigner;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.AwsSessionCredentialsIdentity;

/**
 * A RestAssured filter that signs each request with the AWS SDK v2 SigV4 signer, exactly as an AWS
 * client would: {@code given().filter(SigV4Signing.as(id, secret))}. Signs the host and the body
 * bytes; with a session token, adds and signs {@code X-Amz-Security-Token}.
 */
public final class SigV4Signing implements Filter {

    private final AwsCredentialsIdentity identity;
    private final String region;
    private final String service;
    private final Clock clock;

    private SigV4Signing(
            AwsCredentialsIdentity identity, String region, String service, Clock clock) {
        this.identity = identity;
        this.region = region;
        this.service = service;
        this.clock = clock;
    }

    /** Long-term credentials, execute-api in us-east-1, now. */
    public static SigV4Signing as(String accessKeyId, String secretAccessKey) {
        return new SigV4Signing(
                AwsCredentialsIdentity.create(accessKeyId, secretAccessKey),
                "us-east-1",
                "execute-api",
                Clock.systemUTC());
    }

    /** Temporary credentials. */
    public static SigV4Signing as(String accessKeyId, String secretAccessKey, String token) {
        return new SigV4Signing(
                AwsSessionCredentialsIdentity.create(accessKeyId, secretAccessKey, token),
                "us-east-1",
                "execute-api",
                Clock.systemUTC());
    }

    public SigV4Signing forService(String signingName) {
        return new SigV4Signing(identity, region, signingName, clock);
    }

    public SigV4Signing inRegion(String signingRegion) {
        return new SigV4Signing(identity, signingRegion, service, clock);
    }

    /** Signs as if at another time (expired and future signatures). */
    public SigV4Signing at(Clock signingClock) {
        return new SigV4Signing(identity, region, service, signingClock);
    }

    @Override
    public Response filter(
            FilterableRequestSpecification request,
            FilterableResponseSpecification response,
            FilterContext context) {
        Map<String, List<String>> signed =
                headersFor(
                        request.getMethod(),
                        URI.create(request.getURI()),
                        Map.of(),
                        body(request.getBody()));
        for (Map.Entry<String, List<String>> header : signed.entrySet()) {
            if (!header.getKey().equalsIgnoreCase("host")) {
                request.removeHeader(header.getKey());
                header.getValue().forEach(value -> request.header(header.getKey(), value));
            }
        }
        return context.next(request, response);
    }

    /**
     * Every header of the request as the AWS SDK v2 signer leaves it ({@code Host}, {@code
     * Authorization}, {@code X-Amz-Date}, ...), for clients other than RestAssured: {@code headers}
     * are signed too.
     */
    public Map<String, List<String>> headersFor(
            String method, URI uri, Map<String, String> headers, byte[] body) {
        SdkHttpRequest.Builder unsigned =
                SdkHttpRequest.builder().method(SdkHttpMethod.fromValue(method)).uri(uri);
        headers.forEach(unsigned::putHeader);
        return AwsV4HttpSigner.create()
                .sign(
                        r ->
                                r.identity(identity)
                                        .request(unsigned.build())
                                        .payload(ContentStreamProvider.fromByteArray(body))
                                        .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, service)
                                        .putProperty(AwsV4HttpSigner.REGION_NAME, region)
                                        .putProperty(HttpSigner.SIGNING_CLOCK, clock))
                .request()
                .headers();
    }

    /**
     * The URI presigned by the AWS SDK v2 signer (query-string authentication, {@code
     * X-Amz-Expires} of {@code expires}), as {@code aws-sdk} presigners build it.
     */
    public URI presign(String method, URI uri, Duration expires) {
        SdkHttpRequest unsigned =
                SdkHttpRequest.builder().method(SdkHttpMethod.fromValue(method)).uri(uri).build();
        return AwsV4HttpSigner.create()
                .sign(
                        r ->
                                r.identity(identity)
                                        .request(unsigned)
                                        .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, service)
                                        .putProperty(AwsV4HttpSigner.REGION_NAME, region)
                                        .putProperty(HttpSigner.SIGNING_CLOCK, clock)
                                        .putProperty(
                                                AwsV4FamilyHttpSigner.AUTH_LOCATION,
                                                AwsV4FamilyHttpSigner.AuthLocation.QUERY_STRING)
                                        .putProperty(
                                                AwsV4FamilyHttpSigner.EXPIRATION_DURATION, expires))
                .request()
                .getUri();
    }

    private static byte[] body(Object body) {
        if (body == null) {
            return new byte[0];
        }
        if (body instanceof byte[] bytes) {
            return bytes;
        }
        return body.toString().getBytes(StandardCharsets.UTF_8);
    }
}
