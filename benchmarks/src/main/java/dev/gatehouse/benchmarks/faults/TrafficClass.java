package dev.gatehouse.benchmarks.faults;

import java.util.List;
import java.util.Properties;
import java.util.TreeSet;

/**
 * One API key's traffic: {@code class.<name>.key}, {@code .rate} (requests/s), and what its plan
 * promises: {@code .quota} (requests per period, -1 for none), {@code .bucket-rate} and {@code
 * .bucket-burst} (token bucket), {@code .policy} (fail-open or fail-closed). A class with {@code
 * .phase=n} is silent until fault n is prepared, sends at {@code rate} during fault n and at {@code
 * .after-rate} afterwards (so its quota runs out during that fault and stays enforced).
 */
record TrafficClass(
        String name,
        String apiKey,
        int peakRate,
        long quota,
        double bucketRate,
        double bucketBurst,
        String policy,
        int phase,
        int afterRate) {

    static List<TrafficClass> all(Properties config) {
        TreeSet<String> names = new TreeSet<>();
        for (String property : config.stringPropertyNames()) {
            if (property.startsWith("class.") && property.endsWith(".key")) {
                names.add(property.substring(6, property.length() - 4));
            }
        }
        return names.stream()
                .map(
                        n ->
                                new TrafficClass(
                                        n,
                                        config.getProperty("class." + n + ".key"),
                                        Integer.parseInt(
                                                config.getProperty("class." + n + ".rate")),
                                        Long.parseLong(
                                                config.getProperty("class." + n + ".quota", "-1")),
                                        Double.parseDouble(
                                                config.getProperty(
                                                        "class." + n + ".bucket-rate", "-1")),
                                        Double.parseDouble(
                                                config.getProperty(
                                                        "class." + n + ".bucket-burst", "-1")),
                                        config.getProperty("class." + n + ".policy", "fail-open"),
                                        Integer.parseInt(
                                                config.getProperty("class." + n + ".phase", "0")),
                                        Integer.parseInt(
                                                config.getProperty(
                                                        "class." + n + ".after-rate", "0"))))
                .toList();
    }

    /** Whether the n-th tick of this class's clock sends a request, given the current phase. */
    boolean sends(int current, long tick) {
        if (phase == 0 || current == phase) {
            return true;
        }
        if (current < phase || afterRate <= 0) {
            return false;
        }
        return tick % Math.max(1, peakRate / afterRate) == 0;
    }
}
