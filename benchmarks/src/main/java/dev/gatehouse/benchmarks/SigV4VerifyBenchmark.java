package dev.gatehouse.benchmarks;

import dev.gatehouse.auth.sigv4.SigV4Verifier;
import dev.gatehouse.auth.sigv4.SignatureClaim;
import dev.gatehouse.auth.sigv4.SignedRequest;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/**
 * {@link SigV4Verifier#parse} then {@link SigV4Verifier#verify} of one GET signed by the AWS SDK v2
 * signer (header form, four signed headers, a query parameter), all in memory: no Redis, no I/O.
 *
 * <p>{@code warmKeyCache} reuses one verifier, so the derived signing key comes from its cache (the
 * steady state: one key per access key and day). {@code coldKeyCache} builds a new verifier per
 * call, so every call also derives the key (four HMAC-SHA256 rounds), as the first request of an
 * access key on a new day does.
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar SigV4Verify -wi 1 -i 2 -w 2s -r 2s -f 1 -bm avgt -tu us
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 5)
@Fork(1)
public class SigV4VerifyBenchmark {

    static final String REGION = "us-east-1";
    static final String AKID = "AKIAIOSFODNN7EXAMPLE";
    static final String SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
    static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");

    private SignedRequest request;
    private SigV4Verifier warm;

    @Setup
    public void signOnce() {
        SdkHttpRequest unsigned =
                SdkHttpRequest.builder()
                        .method(SdkHttpMethod.GET)
                        .uri(
                                URI.create(
                                        "https://a1b2c3d4e5.execute-api.us-east-1.amazonaws.com"
                                                + "/prod/stores/lis-001?limit=8"))
                        .putHeader("Accept", "application/json")
                        .build();
        SdkHttpRequest signed =
                AwsV4HttpSigner.create()
                        .sign(
                                r ->
                                        r.identity(AwsCredentialsIdentity.create(AKID, SECRET))
                                                .request(unsigned)
                                                .putProperty(AwsV4HttpSigner.REGION_NAME, REGION)
                                                .putProperty(
                                                        AwsV4HttpSigner.SERVICE_SIGNING_NAME,
                                                        SigV4Verifier.EXECUTE_API)
                                                .putProperty(
                                                        HttpSigner.SIGNING_CLOCK,
                                                        Clock.fixed(NOW, ZoneOffset.UTC)))
                        .request();
        Map<String, List<String>> headers = new LinkedHashMap<>();
        signed.forEachHeader(
                (name, values) ->
                        headers.put(name.toLowerCase(Locale.ROOT), new ArrayList<>(values)));
        headers.put("host", List.of(signed.host()));
        request =
                new SignedRequest(
                        "GET",
                        signed.encodedPath(),
                        signed.encodedQueryParameters().orElse(""),
                        headers,
                        new byte[0]);
        warm = new SigV4Verifier(REGION, SigV4Verifier.EXECUTE_API, true);
        verify(warm); // fills the signing-key cache, and proves the request verifies
    }

    @Benchmark
    public SignatureClaim warmKeyCache() {
        return verify(warm);
    }

    @Benchmark
    public SignatureClaim coldKeyCache() {
        return verify(new SigV4Verifier(REGION, SigV4Verifier.EXECUTE_API, true));
    }

    private SignatureClaim verify(SigV4Verifier verifier) {
        if (!(verifier.parse(request, NOW) instanceof SignatureClaim claim)) {
            throw new IllegalStateException("the benchmark's request did not parse");
        }
        verifier.verify(request, claim, SECRET)
                .ifPresent(
                        rejection -> {
                            throw new IllegalStateException(rejection.message());
                        });
        return claim;
    }
}
