package dev.gatehouse.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The cost of verifying a request signed with identity-pool credentials against one signed with a
 * long-term key, from one JMH run of {@link PoolCredentialsVerifyBenchmark} (JSON results): per
 * measurement iteration of the {@code paired} group, where both ran at the same time, the ratio
 * pool / long-term of their average times; then the mean of those ratios with a 95 % confidence
 * interval (Student's t on the log-ratios), their median and range, and the ratio of the two
 * separate benchmarks' scores. A ratio of 1.10 is the "within 10 %".
 *
 * <pre>java -cp benchmarks.jar dev.gatehouse.benchmarks.PoolCredentialsRatio jmh-result.json</pre>
 */
public final class PoolCredentialsRatio {

    private PoolCredentialsRatio() {}

    public static void main(String[] args) throws IOException {
        JsonNode results = new ObjectMapper().readTree(new File(args[0]));
        double separateLong = Double.NaN;
        double separatePool = Double.NaN;
        for (JsonNode result : results) {
            String name = result.path("benchmark").asText();
            double score = result.at("/primaryMetric/score").asDouble();
            if (name.endsWith(".longTermKey")) {
                separateLong = score;
            } else if (name.endsWith(".poolCredentials")) {
                separatePool = score;
            } else if (name.endsWith(".paired")) {
                paired(name, result);
            }
        }
        if (!Double.isNaN(separateLong) && !Double.isNaN(separatePool)) {
            System.out.printf(
                    "separate runs: long-term %.2f us/op, pool %.2f us/op, ratio %.3f%n",
                    separateLong, separatePool, separatePool / separateLong);
        }
    }

    private static void paired(String name, JsonNode result) {
        double[] longTerm = iterations(result.at("/secondaryMetrics/pairedLongTermKey/rawData"));
        double[] pool = iterations(result.at("/secondaryMetrics/pairedPoolCredentials/rawData"));
        int n = Math.min(longTerm.length, pool.length);
        if (n < 2) {
            System.out.println("paired: fewer than 2 iterations, no interval");
            return;
        }
        double[] logs = new double[n];
        double[] ratios = new double[n];
        for (int i = 0; i < n; i++) {
            ratios[i] = pool[i] / longTerm[i];
            logs[i] = Math.log(ratios[i]);
        }
        double mean = Arrays.stream(logs).average().orElseThrow();
        double variance = Arrays.stream(logs).map(x -> (x - mean) * (x - mean)).sum() / (n - 1);
        double half = t975(n - 1) * Math.sqrt(variance / n);
        double[] sorted = ratios.clone();
        Arrays.sort(sorted);
        System.out.printf(
                "%s (%d iterations, both at once): long-term %.3f us/op, pool %.3f us/op%n",
                name.substring(name.lastIndexOf('.', name.lastIndexOf('.') - 1) + 1),
                n,
                average(longTerm, n),
                average(pool, n));
        System.out.printf(
                "ratio pool / long-term: %.3f, 95%% CI %.3f .. %.3f; median %.3f, range %.3f .."
                        + " %.3f%n",
                Math.exp(mean),
                Math.exp(mean - half),
                Math.exp(mean + half),
                sorted[n / 2],
                sorted[0],
                sorted[n - 1]);
    }

    /** JMH's rawData: one array per fork, one average time per iteration; forks concatenated. */
    private static double[] iterations(JsonNode rawData) {
        List<Double> values = new ArrayList<>();
        rawData.forEach(fork -> fork.forEach(v -> values.add(v.asDouble())));
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static double average(double[] values, int n) {
        return Arrays.stream(values, 0, n).average().orElseThrow();
    }

    /** Student's t, two-sided 95 %, for small degrees of freedom; 1.96 beyond 30. */
    private static double t975(int df) {
        double[] table = {
            12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179,
            2.160, 2.145, 2.131, 2.120, 2.110, 2.101, 2.093, 2.086, 2.080, 2.074, 2.069, 2.064,
            2.060, 2.056, 2.052, 2.048, 2.045, 2.042
        };
        return df <= table.length ? table[df - 1] : 1.96;
    }
}
