package dev.gatehouse.benchmarks.faults;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Per fault, from the timeline and the fanout ledger: answers by outcome and traffic class, quota
 * over-admission, the token bucket's worst excess, time to the first clean second and to bulk
 * throughput back within 10 %, and fanout accepted / delivered / duplicated / lost. Writes
 * report.json, timeline.dat and timeline.gp (gnuplot, one PNG per fault and one for the run).
 */
final class FaultReport {

    record Mark(long millis, String kind, int fault, String name) {}

    private record Fault(int n, String name, long start, long end, long windowEnd) {}

    private final Timeline timeline;
    private final FaultLoadDriver.FanoutLedger ledger;
    private final List<TrafficClass> classes;
    private final List<Fault> faults = new ArrayList<>();
    private final long deadLetters;
    private final long first;
    private final long last;

    FaultReport(
            Timeline timeline,
            FaultLoadDriver.FanoutLedger ledger,
            List<TrafficClass> classes,
            List<Mark> marks,
            long deadLetters) {
        this.timeline = timeline;
        this.ledger = ledger;
        this.classes = classes;
        this.deadLetters = deadLetters;
        this.first = timeline.firstSecond();
        this.last = timeline.lastSecond();
        for (Mark start : marks) {
            if (!start.kind().equals("start")) {
                continue;
            }
            long end =
                    marks.stream()
                            .filter(m -> m.kind().equals("end") && m.fault() == start.fault())
                            .mapToLong(Mark::millis)
                            .findFirst()
                            .orElse(start.millis());
            long windowEnd =
                    marks.stream()
                            .filter(m -> m.kind().equals("prepare") && m.fault() > start.fault())
                            .mapToLong(Mark::millis)
                            .min()
                            .orElse((last + 1) * 1000);
            faults.add(new Fault(start.fault(), start.name(), start.millis(), end, windowEnd));
        }
    }

    void write(Path dir) throws IOException {
        Files.createDirectories(dir);
        StringBuilder json = new StringBuilder("{\n  \"faults\": [\n");
        StringBuilder table = new StringBuilder();
        table.append(
                String.format(
                        "%-24s %6s %6s %6s %6s %6s %8s %8s %6s %6s %6s %6s %5s %5s %13s%n",
                        "fault",
                        "2xx",
                        "429",
                        "403",
                        "5xx",
                        "noans",
                        "1st-ok",
                        "tput10%",
                        "overQ",
                        "bucket",
                        "ev-acc",
                        "ev-del",
                        "dup",
                        "lost",
                        "p50ms bef/in"));
        for (int i = 0; i < faults.size(); i++) {
            Fault f = faults.get(i);
            json.append(faultJson(f, table)).append(i + 1 < faults.size() ? ",\n" : "\n");
        }
        long accepted = ledger.accepted.size();
        long delivered = ledger.delivered.size();
        long lost = Math.max(0, ledger.undelivered() - deadLetters);
        json.append("  ],\n  \"run\": {")
                .append(quotaJson(last))
                .append(
                        String.format(
                                Locale.ROOT,
                                ", \"fanout\": {\"accepted\": %d, \"rejected\": %d, \"delivered\":"
                                        + " %d, \"duplicated\": %d, \"deadLettered\": %d, \"lost\":"
                                        + " %d}}\n"
                                        + "}\n",
                                accepted,
                                ledger.rejected.size(),
                                delivered,
                                ledger.duplicates.values().stream()
                                        .mapToLong(Long::longValue)
                                        .sum(),
                                deadLetters,
                                lost));
        Files.writeString(dir.resolve("report.json"), json);
        Files.writeString(dir.resolve("table.txt"), table);
        writeTimeline(dir);
        System.out.print(table);
        System.out.printf(
                "run: fanout accepted=%d delivered=%d dead-lettered=%d lost=%d; %s%n",
                accepted, delivered, deadLetters, lost, quotaJson(last));
    }

    private String faultJson(Fault f, StringBuilder table) {
        long s0 = f.start() / 1000;
        long s1 = Math.max(s0 + 1, f.windowEnd() / 1000);
        long[] totals = new long[Timeline.OUTCOMES.length];
        StringBuilder perClass = new StringBuilder();
        for (TrafficClass c : classes) {
            long[] counts = new long[Timeline.OUTCOMES.length];
            for (long s = s0; s < s1; s++) {
                for (int o = 0; o < counts.length; o++) {
                    counts[o] += timeline.count(c.name(), s, o);
                }
            }
            for (int o = 0; o < counts.length; o++) {
                totals[o] += counts[o];
            }
            perClass.append(perClass.length() == 0 ? "" : ", ")
                    .append(String.format("\"%s\": {\"policy\": \"%s\"", c.name(), c.policy()));
            for (int o = 0; o < counts.length; o++) {
                perClass.append(String.format(", \"%s\": %d", Timeline.OUTCOMES[o], counts[o]));
            }
            perClass.append("}");
        }
        double baseline = 0;
        for (long s = s0 - 5; s < s0; s++) {
            baseline += timeline.count("bulk", s, 0) / 5.0;
        }
        long firstOk = -1;
        for (long s = s0; s < s1 && firstOk < 0; s++) {
            if (timeline.count(null, s, 3) + timeline.count(null, s, 4) == 0
                    && timeline.count(null, s, 0) > 0) {
                firstOk = s - s0;
            }
        }
        long recovered = -1;
        for (long s = s0; s + 2 < s1 && recovered < 0; s++) {
            boolean within = true;
            for (long k = s; k < s + 3; k++) {
                within &= timeline.count("bulk", k, 0) >= 0.9 * baseline;
            }
            if (within) {
                recovered = s - s0;
            }
        }
        long bucketExcess = bucketExcess(s0, s1);
        double p50Before = timeline.percentileMillis(s0 - 5, s0, 0.5);
        double p50During = timeline.percentileMillis(s0, Math.max(s0 + 1, f.end() / 1000), 0.5);
        long[] fanout = fanout(f.start(), f.windowEnd());
        table.append(
                String.format(
                        "%-24s %6d %6d %6d %6d %6d %7ds %7ds %6d %6d %6d %6d %5d %5d"
                                + " %6.0f/%-6.0f%n",
                        f.n() + ". " + f.name(),
                        totals[0],
                        totals[1],
                        totals[2],
                        totals[3],
                        totals[4],
                        firstOk,
                        recovered,
                        overAdmission(s1),
                        bucketExcess,
                        fanout[0],
                        fanout[1],
                        fanout[2],
                        fanout[3],
                        p50Before,
                        p50During));
        return String.format(
                Locale.ROOT,
                "    {\"fault\": %d, \"name\": \"%s\", \"startMs\": %d, \"endMs\": %d,"
                    + " \"windowSeconds\": %d, \"answers\": {%s}, \"5xx\": %d, \"unanswered\": %d,"
                    + " \"baselineBulkPerSecond\": %.1f, \"p50MsBefore\": %.1f,"
                    + " \"p50MsDuringFault\": %.1f, \"secondsToFirstCleanSecond\": %d,"
                    + " \"secondsToThroughputWithin10pct\": %d, \"bucketWorstExcess\": %d, %s,"
                    + " \"fanout\": {\"accepted\": %d, \"delivered\": %d, \"duplicated\": %d,"
                    + " \"lost\": %d, \"rejected\": %d}}",
                f.n(),
                f.name(),
                f.start(),
                f.end(),
                s1 - s0,
                perClass,
                totals[3],
                totals[4],
                baseline,
                p50Before,
                p50During,
                firstOk,
                recovered,
                bucketExcess,
                quotaJson(s1 - 1),
                fanout[0],
                fanout[1],
                fanout[2],
                fanout[3],
                fanout[4]);
    }

    /**
     * Allowed beyond the quota, by quota class, counting every 2xx sent up to second {@code to}.
     */
    private String quotaJson(long to) {
        StringBuilder out = new StringBuilder("\"quota\": {");
        boolean firstClass = true;
        for (TrafficClass c : classes) {
            if (c.quota() < 0) {
                continue;
            }
            long allowed = 0;
            for (long s = first; s <= to; s++) {
                allowed += timeline.count(c.name(), s, 0);
            }
            out.append(firstClass ? "" : ", ")
                    .append(
                            String.format(
                                    "\"%s\": {\"limit\": %d, \"allowed\": %d, \"overAdmission\":"
                                            + " %d}",
                                    c.name(),
                                    c.quota(),
                                    allowed,
                                    Math.max(0, allowed - c.quota())));
            firstClass = false;
        }
        return out.append("}").toString();
    }

    private long overAdmission(long to) {
        long worst = 0;
        for (TrafficClass c : classes) {
            if (c.quota() >= 0) {
                long allowed = 0;
                for (long s = first; s < to; s++) {
                    allowed += timeline.count(c.name(), s, 0);
                }
                worst = Math.max(worst, allowed - c.quota());
            }
        }
        return worst;
    }

    /**
     * Worst excess over the token bucket's bound, burst + rate x seconds, over every window of
     * whole seconds in [s0, s1) (whole seconds, so it overstates by up to one second's refill).
     */
    private long bucketExcess(long s0, long s1) {
        long worst = 0;
        for (TrafficClass c : classes) {
            if (c.bucketRate() < 0) {
                continue;
            }
            for (long i = s0; i < s1; i++) {
                long allowed = 0;
                for (long j = i; j < s1; j++) {
                    allowed += timeline.count(c.name(), j, 0);
                    double bound = c.bucketBurst() + c.bucketRate() * (j - i + 1);
                    worst = Math.max(worst, (long) Math.floor(allowed - bound));
                }
            }
        }
        return worst;
    }

    /** accepted, delivered, duplicated, lost, rejected for events published in [from, to). */
    private long[] fanout(long from, long to) {
        long[] out = new long[5];
        for (Map.Entry<Long, Long> e : ledger.accepted.entrySet()) {
            if (e.getValue() >= from && e.getValue() < to) {
                out[0]++;
                if (ledger.delivered.containsKey(e.getKey())) {
                    out[1]++;
                } else {
                    out[3]++;
                }
                out[2] += ledger.duplicates.getOrDefault(e.getKey(), 0L);
            }
        }
        out[4] = ledger.rejected.size();
        return out;
    }

    private void writeTimeline(Path dir) throws IOException {
        StringBuilder data =
                new StringBuilder("# t sent 2xx 429 403 5xx unanswered p99ms bulk2xx\n");
        for (long s = first; s <= last; s++) {
            long sent = 0;
            for (int o = 0; o < Timeline.OUTCOMES.length; o++) {
                sent += timeline.count(null, s, o);
            }
            data.append(
                    String.format(
                            Locale.ROOT,
                            "%d %d %d %d %d %d %d %.1f %d%n",
                            s - first,
                            sent,
                            timeline.count(null, s, 0),
                            timeline.count(null, s, 1),
                            timeline.count(null, s, 2),
                            timeline.count(null, s, 3),
                            timeline.count(null, s, 4),
                            timeline.p99Millis(s),
                            timeline.count("bulk", s, 0)));
        }
        Files.writeString(dir.resolve("timeline.dat"), data);
        StringBuilder gp = new StringBuilder();
        gp.append("set terminal pngcairo size 1200,600 noenhanced\nset key outside right\n")
                .append("set xlabel 'seconds'\nset ylabel 'requests/s'\nset y2label 'p99 ms'\n")
                .append("set y2tics\nset ytics nomirror\nset grid\n");
        String plot =
                "plot 'timeline.dat' u 1:2 w l lw 2 t 'sent/s', '' u 1:3 w l t '2xx', '' u 1:4 w l"
                        + " t '429', '' u 1:5 w l t '403', '' u 1:6 w l lw 2 t '5xx', '' u 1:7 w l"
                        + " lw 2 t 'unanswered', '' u 1:8 axes x1y2 w l dt 2 t 'p99 ms'\n";
        for (Fault f : faults) {
            long s0 = f.start() / 1000 - first;
            long e = f.end() / 1000 - first;
            gp.append("unset arrow\nset output 'fault-")
                    .append(f.n())
                    .append(".png'\n")
                    .append(String.format("set title 'fault %d: %s'%n", f.n(), f.name()))
                    .append(
                            String.format(
                                    "set xrange [%d:%d]%n", s0 - 10, f.windowEnd() / 1000 - first))
                    .append(
                            String.format(
                                    "set arrow from %d, graph 0 to %d, graph 1 nohead lc rgb 'red'"
                                            + " lw 2%n",
                                    s0, s0))
                    .append(
                            String.format(
                                    "set arrow from %d, graph 0 to %d, graph 1 nohead lc rgb 'red'"
                                            + " dt 3%n",
                                    e, e))
                    .append(plot);
        }
        gp.append(
                "unset arrow\n"
                        + "set output 'timeline.png'\n"
                        + "set title 'fault run'\n"
                        + "set xrange [*:*]\n");
        for (Fault f : faults) {
            long s0 = f.start() / 1000 - first;
            gp.append(
                            String.format(
                                    "set arrow from %d, graph 0 to %d, graph 1 nohead lc rgb 'red'"
                                            + " lw 2%n",
                                    s0, s0))
                    .append(String.format("set label '%d' at %d, graph 0.97%n", f.n(), s0 + 1));
        }
        gp.append(plot);
        Files.writeString(dir.resolve("timeline.gp"), gp);
    }
}
