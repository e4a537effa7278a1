package dev.gatehouse.auth.usageplan.controlplane;

import dev.gatehouse.auth.usageplan.ApiKeyDefinition;
import dev.gatehouse.auth.usageplan.UsagePlan;
import dev.gatehouse.auth.usageplan.UsagePlanCatalog;
import dev.gatehouse.auth.usageplan.config.MeteringConfig;
import dev.gatehouse.auth.usageplan.controlplane.StoredUsagePlan.ApiStage;
import dev.gatehouse.auth.usageplan.controlplane.StoredUsagePlan.Quota;
import dev.gatehouse.auth.usageplan.controlplane.StoredUsagePlan.Throttle;
import io.smallrye.mutiny.Uni;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The configuration file's plans and keys as control-plane objects marked {@code source=file},
 * written at startup like {@code sls deploy}: a plan's id is its configured name; the file decides
 * a file object's settings and its memberships in file plans; memberships in plans created at run
 * time, and every run-time object, are left as they are.
 */
public class ConfigurationObjects {

    /** A configured key whose name is registered. */
    public record FileKey(
            ApiKeyDefinition key,
            String id,
            String sha256,
            Optional<String> value,
            Optional<String> replacedSha256) {}

    private final ControlPlaneStore store;
    private final ApiKeyRecords records;
    private final UsagePlanCatalog catalog;
    private final MeteringConfig config;
    private final ApiKeyValueSeal seal;

    public ConfigurationObjects(
            ControlPlaneStore store,
            ApiKeyRecords records,
            UsagePlanCatalog catalog,
            MeteringConfig config,
            ApiKeyValueSeal seal) {
        this.store = store;
        this.records = records;
        this.catalog = catalog;
        this.config = config;
        this.seal = seal;
    }

    /** Writes the file's plans and keys in one commit (retried if another writer gets in). */
    public Uni<Void> apply(List<FileKey> keys) {
        if (catalog.plans().isEmpty() && keys.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return ControlPlaneStore.retrying(() -> attempt(keys))
                .onFailure(ControlPlaneStore.ValueTaken.class)
                .transform(
                        e ->
                                new IllegalStateException(
                                        "a configured API key value already belongs to the key "
                                                + ((ControlPlaneStore.ValueTaken) e).holder
                                                + " created through the management API; a value"
                                                + " is a key's identity: configure another value"))
                .replaceWithVoid();
    }

    /** Rebuilds every key's record, and tombstones {@code extra} (replaced values). */
    public Uni<Void> reconcile(List<ApiKeyRecords.Target> extra) {
        return store.allKeys()
                .flatMap(
                        all -> {
                            List<ApiKeyRecords.Target> targets = new ArrayList<>(extra);
                            all.forEach(
                                    k -> targets.add(new ApiKeyRecords.Target(k.id(), k.sha256())));
                            return records.sync(targets);
                        });
    }

    private Uni<Long> attempt(List<FileKey> keys) {
        return store.version()
                .flatMap(
                        version ->
                                store.allPlans()
                                        .flatMap(
                                                plans ->
                                                        store.keys(
                                                                        keys.stream()
                                                                                .map(FileKey::id)
                                                                                .toList())
                                                                .flatMap(
                                                                        existing ->
                                                                                commit(
                                                                                        version,
                                                                                        plans,
                                                                                        existing,
                                                                                        keys))));
    }

    private Uni<Long> commit(
            long version,
            List<StoredUsagePlan> allPlans,
            Map<String, StoredApiKey> existing,
            List<FileKey> keys) {
        long now = Instant.now().getEpochSecond();
        Map<String, StoredUsagePlan> plans = new LinkedHashMap<>();
        allPlans.forEach(p -> plans.put(p.id(), p));
        Set<String> fileKeyIds = new LinkedHashSet<>();
        keys.forEach(k -> fileKeyIds.add(k.id()));
        Map<String, Set<String>> members = new LinkedHashMap<>();
        plans.forEach(
                (id, p) -> {
                    Set<String> ids = new TreeSet<>(p.keyIds());
                    if (catalog.plans().containsKey(id)) {
                        ids.removeAll(fileKeyIds);
                    }
                    members.put(id, ids);
                });
        catalog.plans().keySet().forEach(id -> members.computeIfAbsent(id, x -> new TreeSet<>()));
        ControlPlaneStore.Write write = store.write();
        for (FileKey file : keys) {
            StoredApiKey old = existing.get(file.id());
            List<String> planIds = new ArrayList<>(file.key().plans());
            if (old != null) {
                old.usagePlanIds().stream()
                        .filter(p -> !catalog.plans().containsKey(p) && plans.containsKey(p))
                        .filter(p -> !planIds.contains(p))
                        .forEach(planIds::add);
            }
            planIds.forEach(p -> members.get(p).add(file.id()));
            String sealed =
                    file.value()
                            .map(v -> seal.seal(file.id(), v))
                            .orElse(
                                    old != null && file.sha256().equals(old.sha256())
                                            ? old.sealedValue()
                                            : null);
            write.put(
                    new StoredApiKey(
                            file.id(),
                            file.key().name(),
                            old == null ? null : old.description(),
                            file.key().enabled(),
                            old == null ? null : old.customerId(),
                            old == null ? now : old.createdDate(),
                            now,
                            file.sha256(),
                            sealed,
                            StoredApiKey.FILE,
                            planIds,
                            old == null ? Map.of() : old.tags()));
            write.claimValue(file.sha256(), file.id());
            file.replacedSha256().ifPresent(old256 -> write.releaseValue(old256, file.id()));
        }
        for (UsagePlan plan : catalog.plans().values()) {
            StoredUsagePlan old = plans.get(plan.name());
            write.put(fromConfiguration(plan, old, new ArrayList<>(members.get(plan.name()))));
        }
        plans.forEach(
                (id, p) -> {
                    if (!catalog.plans().containsKey(id)
                            && !new TreeSet<>(p.keyIds()).equals(members.get(id))) {
                        write.put(p.withKeys(new ArrayList<>(members.get(id))));
                    }
                });
        return store.commit(
                version, write, "gatehouse:configuration", "ApplyConfiguration", "file");
    }

    private StoredUsagePlan fromConfiguration(
            UsagePlan plan, StoredUsagePlan old, List<String> keyIds) {
        Map<String, Throttle> methods = new LinkedHashMap<>();
        plan.methodThrottles()
                .forEach((m, t) -> methods.put(m, new Throttle(t.burstLimit(), t.rateLimit())));
        List<ApiStage> stages = new ArrayList<>();
        for (String api : plan.apis()) {
            stages.add(
                    new ApiStage(
                            api,
                            UsagePlan.ALL_APIS.equals(api) ? UsagePlan.ALL_APIS : config.stage(),
                            methods));
        }
        return new StoredUsagePlan(
                plan.name(),
                plan.name(),
                old == null ? null : old.description(),
                stages,
                plan.throttle().map(t -> new Throttle(t.burstLimit(), t.rateLimit())).orElse(null),
                plan.quota()
                        .map(q -> new Quota(q.limit(), q.offset(), q.period().name()))
                        .orElse(null),
                old == null ? null : old.productCode(),
                old == null ? Map.of() : old.tags(),
                StoredApiKey.FILE,
                plan.failOpen(),
                keyIds);
    }
}
