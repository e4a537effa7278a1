package dev.gatehouse.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

/**
 * The ratio pool / long-term of {@link PoolCredentialsVerifyBenchmark} (and of the SigV4 and
 * SHA-256 parts of {@link PoolSigV4Benchmark} and {@link PoolCanonicalSha256Benchmark}) in this
 * thread's CPU time rather than wall time: on a loaded machine a thread waiting for a core is not
 * charged, so the ratio stays readable where JMH's wall-clock scores scatter. Rounds alternate the
 * two calls in blocks (the order swapped every round) and the ratio of each round's pair is kept;
 * the mean is printed with a 95 % confidence interval (Student's t on the log-ratios). GC and JIT
 * threads are not charged to either side.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar dev.gatehouse.benchmarks.PoolCredentialsCpuRatio \
 *     [decision] [sigv4] [sha256]
 * </pre>
 */
public final class PoolCredentialsCpuRatio {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final int WARMUP_ROUNDS = 30;
    private static final int ROUNDS = 40;
    private static final int BLOCK = 10_000;
    private static Object sink;

    private PoolCredentialsCpuRatio() {}

    public static void main(String[] args) {
        for (String part : args.length == 0 ? new String[] {"decision"} : args) {
            switch (part) {
                case "decision" -> {
                    PoolCredentialsVerifyBenchmark b = new PoolCredentialsVerifyBenchmark();
                    b.setUp();
                    try {
                        measure(part, b::longTermKey, b::poolCredentials);
                    } finally {
                        b.tearDown();
                    }
                }
                case "sigv4" -> {
                    PoolSigV4Benchmark b = new PoolSigV4Benchmark();
                    b.setUp();
                    measure(part, b::pairedLongTermKey, b::pairedPoolCredentials);
                }
                case "sha256" -> {
                    PoolCanonicalSha256Benchmark b = new PoolCanonicalSha256Benchmark();
                    b.setUp();
                    measure(part, b::pairedLongTermKey, b::pairedPoolCredentials);
                }
                default -> throw new IllegalArgumentException("decision, sigv4 or sha256: " + part);
            }
        }
    }

    private static void measure(String name, Supplier<?> longTerm, Supplier<?> pool) {
        for (int r = 0; r < WARMUP_ROUNDS; r++) {
            cpuNanos(longTerm);
            cpuNanos(pool);
        }
        List<double[]> pairs = new ArrayList<>();
        for (int r = 0; r < ROUNDS; r++) {
            boolean longFirst = r % 2 == 0;
            double first = cpuNanos(longFirst ? longTerm : pool);
            double second = cpuNanos(longFirst ? pool : longTerm);
            pairs.add(longFirst ? new double[] {first, second} : new double[] {second, first});
        }
        int n = pairs.size();
        double[] logs = new double[n];
        double[] ratios = new double[n];
        double longSum = 0;
        double poolSum = 0;
        for (int i = 0; i < n; i++) {
            double[] pair = pairs.get(i);
            longSum += pair[0];
            poolSum += pair[1];
            ratios[i] = pair[1] / pair[0];
            logs[i] = Math.log(ratios[i]);
        }
        double mean = Arrays.stream(logs).average().orElseThrow();
        double variance = Arrays.stream(logs).map(x -> (x - mean) * (x - mean)).sum() / (n - 1);
        double half = 2.023 * Math.sqrt(variance / n); // t(0.975, 39)
        Arrays.sort(ratios);
        System.out.printf(
                "%s, CPU time (%d rounds of %d calls each): long-term %.3f us/op, pool %.3f us/op,"
                        + " difference %.3f us/op%n",
                name,
                n,
                BLOCK,
                longSum / n / BLOCK / 1000,
                poolSum / n / BLOCK / 1000,
                (poolSum - longSum) / n / BLOCK / 1000);
        System.out.printf(
                "%s ratio pool / long-term: %.3f, 95%% CI %.3f .. %.3f; median %.3f, range %.3f .."
                        + " %.3f%n",
                name,
                Math.exp(mean),
                Math.exp(mean - half),
                Math.exp(mean + half),
                ratios[n / 2],
                ratios[0],
                ratios[n - 1]);
    }

    private static double cpuNanos(Supplier<?> call) {
        long start = THREADS.getCurrentThreadCpuTime();
        for (int i = 0; i < BLOCK; i++) {
            sink = call.get();
        }
        return THREADS.getCurrentThreadCpuTime() - start;
    }
}
