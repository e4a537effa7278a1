package dev.gatehouse.benchmarks;

import dev.gatehouse.auth.sigv4.SigV4Rejection;
import dev.gatehouse.auth.sigv4.SigV4Verifier;
import dev.gatehouse.auth.sigv4.SignatureClaim;
import dev.gatehouse.auth.sigv4.SignatureParse;
import dev.gatehouse.auth.sigv4.SignedRequest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Group;
import org.openjdk.jmh.annotations.GroupThreads;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.AwsSessionCredentialsIdentity;

/**
 * The part of {@link PoolCredentialsVerifyBenchmark}'s gap that SigV4 itself makes: the same two
 * requests (long-term key; temporary key with a 128-character session token, which the signer signs
 * as {@code x-amz-security-token}) parsed and verified by {@link SigV4Verifier} alone, with no
 * credential store and no policy. Paired as there, so {@link PoolCredentialsRatio} prints the
 * ratio; {@link PoolCanonicalSha256Benchmark} isolates the SHA-256 of the longer canonical request.
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar 'PoolSigV4|PoolCanonicalSha256' -wi 5 -i 30 -w 1s -r 2s -f 1
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 30, time = 2)
@Fork(1)
public class PoolSigV4Benchmark {

    private final SigV4Verifier verifier =
            new SigV4Verifier(
                    PoolCredentialsVerifyBenchmark.REGION, SigV4Verifier.EXECUTE_API, true);
    private SignedRequest longTerm;
    private SignedRequest pool;

    /** A session token shaped as the suite issues them: 96 random bytes, URL-safe base64. */
    static String sessionToken() {
        byte[] bytes = new byte[96];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static SignedRequest longTermRequest() {
        return PoolCredentialsVerifyBenchmark.request(
                        AwsCredentialsIdentity.create(
                                PoolCredentialsVerifyBenchmark.AKID,
                                PoolCredentialsVerifyBenchmark.SECRET))
                .request();
    }

    static SignedRequest poolRequest() {
        return PoolCredentialsVerifyBenchmark.request(
                        AwsSessionCredentialsIdentity.create(
                                "ASIAIOSFODNN7EXAMPLE",
                                PoolCredentialsVerifyBenchmark.SECRET,
                                sessionToken()))
                .request();
    }

    @Setup
    public void setUp() {
        longTerm = longTermRequest();
        pool = poolRequest();
        verify(longTerm);
        verify(pool);
    }

    private SignatureClaim verify(SignedRequest request) {
        SignatureParse parse = verifier.parse(request, Instant.now());
        if (parse instanceof SigV4Rejection rejection) {
            throw new IllegalStateException(rejection.message());
        }
        SignatureClaim claim = (SignatureClaim) parse;
        Optional<SigV4Rejection> mismatch =
                verifier.verify(request, claim, PoolCredentialsVerifyBenchmark.SECRET);
        if (mismatch.isPresent()) {
            throw new IllegalStateException(mismatch.get().message());
        }
        return claim;
    }

    /** SigV4 parse and verify of the long-term key's request, beside the pool's. */
    @Benchmark
    @Group("paired")
    @GroupThreads(1)
    public SignatureClaim pairedLongTermKey() {
        return verify(longTerm);
    }

    /** SigV4 parse and verify of the pool credentials' request, beside the long-term key's. */
    @Benchmark
    @Group("paired")
    @GroupThreads(1)
    public SignatureClaim pairedPoolCredentials() {
        return verify(pool);
    }
}
