package dev.gatehouse.benchmarks;

import dev.gatehouse.auth.api.Sha256;
import dev.gatehouse.auth.sigv4.SigV4Rejection;
import dev.gatehouse.auth.sigv4.SigV4Verifier;
import dev.gatehouse.auth.sigv4.SignatureClaim;
import dev.gatehouse.auth.sigv4.SignedRequest;
import java.time.Instant;
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

/**
 * The SHA-256 (hex, of the UTF-8 bytes, as the verifier hashes it) of the two canonical requests of
 * {@link PoolSigV4Benchmark}: the long-term key's and the pool credentials', which is longer by the
 * signed {@code x-amz-security-token} line. The texts are the verifier's own, taken from the
 * canonical request it echoes for a wrong secret. Paired, for {@link PoolCredentialsRatio}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 30, time = 2)
@Fork(1)
public class PoolCanonicalSha256Benchmark {

    private String longTerm;
    private String pool;

    @Setup
    public void setUp() {
        longTerm = canonical(PoolSigV4Benchmark.longTermRequest());
        pool = canonical(PoolSigV4Benchmark.poolRequest());
        System.out.printf(
                "%ncanonical request: long-term %d bytes (%d SHA-256 blocks), pool %d bytes (%d"
                        + " blocks)%n",
                longTerm.length(), blocks(longTerm), pool.length(), blocks(pool));
    }

    private static int blocks(String text) {
        return (text.length() + 9 + 63) / 64; // the message, 0x80 and the 64-bit length
    }

    private static String canonical(SignedRequest request) {
        SigV4Verifier verifier =
                new SigV4Verifier(
                        PoolCredentialsVerifyBenchmark.REGION, SigV4Verifier.EXECUTE_API, true);
        SignatureClaim claim = (SignatureClaim) verifier.parse(request, Instant.now());
        SigV4Rejection mismatch = verifier.verify(request, claim, "not-the-secret").orElseThrow();
        String message = mismatch.message();
        String start = "should have been\n'";
        int from = message.indexOf(start) + start.length();
        return message.substring(from, message.indexOf("'\n\nThe String-to-Sign"));
    }

    @Benchmark
    @Group("paired")
    @GroupThreads(1)
    public String pairedLongTermKey() {
        return Sha256.hex(longTerm);
    }

    @Benchmark
    @Group("paired")
    @GroupThreads(1)
    public String pairedPoolCredentials() {
        return Sha256.hex(pool);
    }
}
