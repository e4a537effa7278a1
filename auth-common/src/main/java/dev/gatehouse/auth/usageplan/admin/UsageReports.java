package dev.gatehouse.auth.usageplan.admin;

import dev.gatehouse.auth.api.RedisScript;
import dev.gatehouse.auth.usageplan.QuotaSettings;
import dev.gatehouse.auth.usageplan.UsageKeys;
import dev.gatehouse.auth.usageplan.UsagePlan;
import dev.gatehouse.auth.usageplan.config.MeteringConfig;
import dev.gatehouse.auth.usageplan.controlplane.ControlPlaneStore;
import dev.gatehouse.auth.usageplan.controlplane.StoredApiKey;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Response;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * AWS {@code GetUsage} and {@code UpdateUsage} over the counters the decision script keeps: one
 * {@code [used, remaining]} pair per day and key id, and a new remaining value for the current
 * period.
 */
public class UsageReports {

    static final int MAX_DAYS = 366;
    private static final RedisScript REPORT =
            RedisScript.fromClasspath("lua/auth-common/usage-report.lua");
    private static final RedisScript UPDATE =
            RedisScript.fromClasspath("lua/auth-common/update-usage.lua");

    private final ReactiveRedisDataSource redis;
    private final ControlPlaneStore store;
    private final MeteringConfig config;

    public UsageReports(
            ReactiveRedisDataSource redis, ControlPlaneStore store, MeteringConfig config) {
        this.redis = redis;
        this.store = store;
        this.config = config;
    }

    /** AWS's Usage shape. {@code remaining} is null for plans without a quota. */
    public record Usage(
            String usagePlanId,
            String startDate,
            String endDate,
            Map<String, List<Long[]>> values) {}

    /** Usage of {@code keys} (the plan's keys, or the one asked for) from start to end. */
    public Uni<Usage> usage(
            UsagePlan plan, List<StoredApiKey> planKeys, LocalDate start, LocalDate end) {
        List<StoredApiKey> keys = new ArrayList<>(planKeys);
        keys.sort((a, b) -> a.id().compareTo(b.id()));
        List<Uni<Map.Entry<String, List<Long[]>>>> reports =
                keys.stream().map(key -> daily(plan, key, start, end)).toList();
        Uni<List<Map.Entry<String, List<Long[]>>>> all =
                reports.isEmpty()
                        ? Uni.createFrom().item(List.of())
                        : Uni.join().all(reports).andFailFast();
        return all.map(
                entries -> {
                    Map<String, List<Long[]>> values = new LinkedHashMap<>();
                    entries.forEach(e -> values.put(e.getKey(), e.getValue()));
                    return new Usage(plan.name(), start.toString(), end.toString(), values);
                });
    }

    private Uni<Map.Entry<String, List<Long[]>>> daily(
            UsagePlan plan, StoredApiKey key, LocalDate start, LocalDate end) {
        List<String> keys = new ArrayList<>();
        keys.add(recordKey(key));
        for (long day = start.toEpochDay(); day <= end.toEpochDay(); day++) {
            keys.add(UsageKeys.dailyUsage(key.sha256(), plan.name(), day));
        }
        return REPORT.run(redis, keys, List.of())
                .map(reply -> Map.entry(key.id(), days(plan, reply, start, end)));
    }

    /** Carries the remaining quota forward over days without traffic, resetting at boundaries. */
    static List<Long[]> days(UsagePlan plan, Response reply, LocalDate start, LocalDate end) {
        String createdText = reply.get(0).toString();
        LocalDate created =
                createdText.isEmpty()
                        ? start
                        : LocalDate.ofInstant(
                                Instant.ofEpochSecond(Long.parseLong(createdText)), ZoneOffset.UTC);
        List<Long[]> days = new ArrayList<>();
        LocalDate period = null;
        Long remaining = null;
        int i = 1;
        for (LocalDate day = start; !day.isAfter(end); day = day.plusDays(1), i += 2) {
            String used = reply.get(i).toString();
            String left = reply.get(i + 1).toString();
            if (plan.quota().isPresent()) {
                QuotaSettings quota = plan.quota().get();
                LocalDate periodStart = quota.period().start(day);
                if (!periodStart.equals(period)) {
                    period = periodStart;
                    remaining = (long) effectiveLimit(quota, periodStart, created);
                }
                if (!left.isEmpty()) {
                    remaining = Long.parseLong(left);
                }
            }
            days.add(new Long[] {used.isEmpty() ? 0L : Long.parseLong(used), remaining});
        }
        return days;
    }

    static int effectiveLimit(QuotaSettings quota, LocalDate periodStart, LocalDate created) {
        boolean first = periodStart.equals(quota.period().start(created));
        return first ? Math.max(0, quota.limit() - quota.offset()) : quota.limit();
    }

    /** Sets the remaining requests of the current period for one key; returns today's usage. */
    public Uni<Usage> updateRemaining(UsagePlan plan, StoredApiKey key, long remaining) {
        QuotaSettings quota = plan.quota().orElseThrow();
        return redis.execute(Command.TIME)
                .flatMap(
                        time ->
                                redis.execute(Command.HGET, recordKey(key), "created")
                                        .flatMap(
                                                created -> {
                                                    long now =
                                                            Long.parseLong(time.get(0).toString());
                                                    LocalDate today =
                                                            LocalDate.ofInstant(
                                                                    Instant.ofEpochSecond(now),
                                                                    ZoneOffset.UTC);
                                                    LocalDate createdDay =
                                                            created == null
                                                                    ? today
                                                                    : LocalDate.ofInstant(
                                                                            Instant.ofEpochSecond(
                                                                                    Long.parseLong(
                                                                                            created
                                                                                                    .toString())),
                                                                            ZoneOffset.UTC);
                                                    LocalDate periodStart =
                                                            quota.period().start(today);
                                                    LocalDate nextPeriod =
                                                            quota.period().next(periodStart);
                                                    long counter =
                                                            effectiveLimit(
                                                                            quota,
                                                                            periodStart,
                                                                            createdDay)
                                                                    - remaining;
                                                    List<String> keys =
                                                            List.of(
                                                                    UsageKeys.quota(
                                                                            key.sha256(),
                                                                            plan.name(),
                                                                            periodStart
                                                                                    .toEpochDay()),
                                                                    UsageKeys.dailyUsage(
                                                                            key.sha256(),
                                                                            plan.name(),
                                                                            today.toEpochDay()));
                                                    List<String> args =
                                                            Arrays.asList(
                                                                    Long.toString(counter),
                                                                    Long.toString(remaining),
                                                                    Long.toString(
                                                                            nextPeriod.toEpochDay()
                                                                                            * 86_400
                                                                                    + 86_400),
                                                                    Long.toString(
                                                                            config
                                                                                            .usageRetentionDays()
                                                                                    * 86_400L));
                                                    return UPDATE.run(redis, keys, args)
                                                            .map(
                                                                    used -> {
                                                                        Map<String, List<Long[]>>
                                                                                values =
                                                                                        new LinkedHashMap<>();
                                                                        List<Long[]> day =
                                                                                new ArrayList<>();
                                                                        day.add(
                                                                                new Long[] {
                                                                                    Long.parseLong(
                                                                                            used
                                                                                                    .toString()),
                                                                                    remaining
                                                                                });
                                                                        values.put(key.id(), day);
                                                                        return new Usage(
                                                                                plan.name(),
                                                                                today.toString(),
                                                                                today.toString(),
                                                                                values);
                                                                    });
                                                }));
    }

    private static String recordKey(StoredApiKey key) {
        return UsageKeys.record(key.sha256());
    }

    public ControlPlaneStore store() {
        return store;
    }
}
