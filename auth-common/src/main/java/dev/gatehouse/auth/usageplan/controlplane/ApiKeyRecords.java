package dev.gatehouse.auth.usageplan.controlplane;

import dev.gatehouse.auth.api.RedisScript;
import dev.gatehouse.auth.usageplan.UsageKeys;
import dev.gatehouse.auth.usageplan.controlplane.StoredUsagePlan.ApiStage;
import dev.gatehouse.auth.usageplan.controlplane.StoredUsagePlan.Throttle;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.smallrye.mutiny.Uni;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Keeps each key's record ({@code {ak:<sha256>}:key}, what the decision script reads in its one
 * call) in step with the control plane: after every commit, the records of the keys it touched are
 * rebuilt from the current state (the key and its plans' limits, denormalised per API stage) and
 * written whole in one step with the version they reflect ({@code write-api-key.lua}), so a request
 * sees the old plan or the new one, never a mix, on every instance from its next request. Counters
 * live beside the record under names that do not depend on the limits, so they carry over.
 */
public class ApiKeyRecords {

    private static final RedisScript WRITE =
            RedisScript.fromClasspath("lua/auth-common/write-api-key.lua");

    /** A key to bring up to date: its id and the SHA-256 its record lives under. */
    public record Target(String keyId, String sha256) {}

    private final ReactiveRedisDataSource redis;
    private final ControlPlaneStore store;

    public ApiKeyRecords(ReactiveRedisDataSource redis, ControlPlaneStore store) {
        this.redis = redis;
        this.store = store;
    }

    /**
     * Rewrites the records of {@code targets} from the state now in Redis (read after the version,
     * so the state is at least as new as the version written with it).
     */
    public Uni<Void> sync(Collection<Target> targets) {
        if (targets.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<String> ids = targets.stream().map(Target::keyId).distinct().toList();
        return store.version()
                .flatMap(
                        version ->
                                store.keys(ids)
                                        .flatMap(
                                                keys -> {
                                                    Set<String> planIds = new LinkedHashSet<>();
                                                    keys.values()
                                                            .forEach(
                                                                    k ->
                                                                            planIds.addAll(
                                                                                    k
                                                                                            .usagePlanIds()));
                                                    return store.plans(planIds)
                                                            .flatMap(
                                                                    plans ->
                                                                            writeAll(
                                                                                    targets,
                                                                                    version, keys,
                                                                                    plans));
                                                }));
    }

    private Uni<Void> writeAll(
            Collection<Target> targets,
            long version,
            Map<String, StoredApiKey> keys,
            Map<String, StoredUsagePlan> plans) {
        List<Uni<io.vertx.mutiny.redis.client.Response>> writes = new ArrayList<>();
        for (Target target : targets) {
            StoredApiKey key = keys.get(target.keyId());
            boolean gone = key == null || !key.sha256().equals(target.sha256());
            List<String> args = new ArrayList<>();
            args.add(Long.toString(version));
            args.add(gone ? "1" : "0");
            if (!gone) {
                args.addAll(fields(key, plans));
            }
            writes.add(WRITE.run(redis, List.of(UsageKeys.record(target.sha256())), args));
        }
        return writes.isEmpty()
                ? Uni.createFrom().voidItem()
                : Uni.join().all(writes).andFailFast().replaceWithVoid();
    }

    /** The record's fields: identity, then each plan's limits under each of its API stages. */
    static List<String> fields(StoredApiKey key, Map<String, StoredUsagePlan> plans) {
        List<String> fields =
                new ArrayList<>(
                        List.of(
                                "id",
                                key.id(),
                                "name",
                                key.name() == null ? "" : key.name(),
                                "enabled",
                                key.enabled() ? "1" : "0",
                                "created",
                                Long.toString(key.createdDate())));
        for (String planId : key.usagePlanIds()) {
            StoredUsagePlan plan = plans.get(planId);
            if (plan == null) {
                continue;
            }
            for (ApiStage stage : plan.apiStages()) {
                String p = "a|" + stage.scope() + "|";
                fields.addAll(List.of(p + "plan", plan.id()));
                StoredUsagePlan.settings(plan.throttle())
                        .ifPresent(
                                t ->
                                        fields.addAll(
                                                List.of(
                                                        p + "rate",
                                                        Double.toString(t.rateLimit()),
                                                        p + "burst",
                                                        Integer.toString(t.burstLimit()))));
                if (plan.quota() != null && plan.quota().limit() != null) {
                    fields.addAll(
                            List.of(
                                    p + "limit",
                                    Integer.toString(plan.quota().limit()),
                                    p + "offset",
                                    Integer.toString(
                                            plan.quota().offset() == null
                                                    ? 0
                                                    : plan.quota().offset()),
                                    p + "period",
                                    plan.quota().period()));
                }
                for (Map.Entry<String, Throttle> method : stage.throttle().entrySet()) {
                    StoredUsagePlan.settings(method.getValue())
                            .ifPresent(
                                    t ->
                                            fields.addAll(
                                                    List.of(
                                                            p + "m|" + method.getKey() + "|rate",
                                                            Double.toString(t.rateLimit()),
                                                            p + "m|" + method.getKey() + "|burst",
                                                            Integer.toString(t.burstLimit()))));
                }
            }
        }
        return fields;
    }
}
