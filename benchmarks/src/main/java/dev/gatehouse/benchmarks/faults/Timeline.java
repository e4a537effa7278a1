package dev.gatehouse.benchmarks.faults;

import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLongArray;

/** Answers per traffic class and per second of sending: counts by outcome and latencies. */
final class Timeline {

    /** Outcome columns: 2xx, 429, 403, 5xx, no answer (timeout, refused, reset), other. */
    static final String[] OUTCOMES = {"2xx", "429", "403", "5xx", "unanswered", "other"};

    static final class Cell {
        final AtomicLongArray counts = new AtomicLongArray(OUTCOMES.length);
        final ConcurrentLinkedQueue<Long> nanos = new ConcurrentLinkedQueue<>();

        long count(int outcome) {
            return counts.get(outcome);
        }
    }

    private final Map<String, Map<Long, Cell>> cells = new ConcurrentHashMap<>();

    void record(String trafficClass, long sentAtMillis, int status, long nanos) {
        Cell cell =
                cells.computeIfAbsent(trafficClass, c -> new ConcurrentHashMap<>())
                        .computeIfAbsent(sentAtMillis / 1000, s -> new Cell());
        cell.counts.incrementAndGet(outcome(status));
        if (status != 0) {
            cell.nanos.add(nanos);
        }
    }

    static int outcome(int status) {
        if (status >= 200 && status < 300) {
            return 0;
        }
        return switch (status) {
            case 429 -> 1;
            case 403 -> 2;
            case 0 -> 4;
            default -> status >= 500 ? 3 : 5;
        };
    }

    /** Count of an outcome for a class (null: all classes) in second {@code second}. */
    long count(String trafficClass, long second, int outcome) {
        long total = 0;
        for (Map.Entry<String, Map<Long, Cell>> entry : cells.entrySet()) {
            if (trafficClass == null || entry.getKey().equals(trafficClass)) {
                Cell cell = entry.getValue().get(second);
                total += cell == null ? 0 : cell.count(outcome);
            }
        }
        return total;
    }

    /** 99th percentile latency in ms of every answer sent in {@code second}. */
    double p99Millis(long second) {
        return percentileMillis(second, second + 1, 0.99);
    }

    /** The {@code q} quantile (0 to 1) of the latency in ms of every answer sent in [from, to). */
    double percentileMillis(long fromSecond, long toSecond, double q) {
        long[] all =
                cells.values().stream()
                        .flatMap(m -> m.entrySet().stream())
                        .filter(e -> e.getKey() >= fromSecond && e.getKey() < toSecond)
                        .flatMap(e -> e.getValue().nanos.stream())
                        .mapToLong(Long::longValue)
                        .toArray();
        if (all.length == 0) {
            return 0;
        }
        Arrays.sort(all);
        int index = (int) Math.ceil(q * all.length) - 1;
        return all[Math.max(0, index)] / 1_000_000.0;
    }

    long firstSecond() {
        return cells.values().stream()
                .flatMap(m -> m.keySet().stream())
                .mapToLong(Long::longValue)
                .min()
                .orElse(0);
    }

    long lastSecond() {
        return cells.values().stream()
                .flatMap(m -> m.keySet().stream())
                .mapToLong(Long::longValue)
                .max()
                .orElse(0);
    }
}
