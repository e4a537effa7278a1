package dev.gatehouse.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads JMH JSON result files ({@code -rf json}) and prints, for every implementation, thread count
 * and key count: throughput (Throughput mode), p50 and p99 latency (SampleTime mode), then the
 * ratio Gatehouse / bucket4j for each (threads, keys) pair. Plain Java, so that the runner needs
 * nothing but a JDK.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar dev.gatehouse.benchmarks.BenchmarkSummary a.json b.json
 * </pre>
 */
public final class BenchmarkSummary {

    /** One (implementation, threads, keys) case, filled from both modes. */
    static final class Row {
        double opsPerSecond = Double.NaN;
        double opsError = Double.NaN;
        double p50Millis = Double.NaN;
        double p99Millis = Double.NaN;
    }

    private BenchmarkSummary() {}

    public static void main(String[] args) throws IOException {
        // "implementation|threads|keys", sorted so that the two implementations sit apart.
        Map<String, Row> rows = new TreeMap<>();
        ObjectMapper json = new ObjectMapper();
        for (String file : args) {
            for (JsonNode run : json.readTree(Path.of(file).toFile())) {
                if (!run.path("params").has("keys")) {
                    continue; // not a usage-plan benchmark (SigV4VerifyBenchmark): nothing to pair
                }
                String name = run.path("benchmark").asText();
                String impl =
                        name.contains("GatehouseDecision")
                                ? "gatehouse"
                                : name.contains("Bucket4j") ? "bucket4j" : null;
                if (impl == null) {
                    continue; // not a usage-plan benchmark (PolicyEvaluation): its JMH log has it
                }
                String key =
                        impl
                                + "|"
                                + String.format("%03d", run.path("threads").asInt())
                                + "|"
                                + String.format("%05d", run.path("params").path("keys").asInt());
                Row row = rows.computeIfAbsent(key, k -> new Row());
                JsonNode metric = run.path("primaryMetric");
                String unit = metric.path("scoreUnit").asText();
                if (run.path("mode").asText().equals("thrpt")) {
                    double perSecond = 1 / seconds(unit.substring(unit.indexOf('/') + 1));
                    row.opsPerSecond = metric.path("score").asDouble() * perSecond;
                    row.opsError = metric.path("scoreError").asDouble() * perSecond;
                } else if (run.path("mode").asText().equals("sample")) {
                    double toMillis = seconds(unit.substring(0, unit.indexOf('/'))) * 1000;
                    JsonNode percentiles = metric.path("scorePercentiles");
                    row.p50Millis = percentiles.path("50.0").asDouble() * toMillis;
                    row.p99Millis = percentiles.path("99.0").asDouble() * toMillis;
                }
            }
        }

        System.out.printf(
                "%-10s %7s %6s %12s %10s %9s %9s%n",
                "benchmark", "threads", "keys", "ops/s", "±99.9%", "p50 ms", "p99 ms");
        rows.forEach(
                (key, row) -> {
                    String[] part = key.split("\\|");
                    System.out.printf(
                            "%-10s %7d %6d %12.0f %10.0f %9.3f %9.3f%n",
                            part[0],
                            Integer.parseInt(part[1]),
                            Integer.parseInt(part[2]),
                            row.opsPerSecond,
                            row.opsError,
                            row.p50Millis,
                            row.p99Millis);
                });

        System.out.printf(
                "%nratio gatehouse / bucket4j (ops/s above 1: Gatehouse faster; p99 above 1:"
                        + " Gatehouse slower)%n");
        System.out.printf("%7s %6s %12s %10s%n", "threads", "keys", "ops/s ratio", "p99 ratio");
        rows.forEach(
                (key, gatehouse) -> {
                    if (!key.startsWith("gatehouse|")) {
                        return;
                    }
                    Row bucket4j = rows.get("bucket4j" + key.substring("gatehouse".length()));
                    if (bucket4j == null) {
                        return;
                    }
                    String[] part = key.split("\\|");
                    System.out.printf(
                            "%7d %6d %12.2f %10.2f%n",
                            Integer.parseInt(part[1]),
                            Integer.parseInt(part[2]),
                            gatehouse.opsPerSecond / bucket4j.opsPerSecond,
                            gatehouse.p99Millis / bucket4j.p99Millis);
                });
    }

    /** Seconds in one JMH time unit: s, ms, us, ns. */
    static double seconds(String unit) {
        return switch (unit) {
            case "s" -> 1;
            case "ms" -> 1e-3;
            case "us" -> 1e-6;
            case "ns" -> 1e-9;
            case "min" -> 60;
            default -> throw new IllegalArgumentException("unknown JMH time unit " + unit);
        };
    }
}
