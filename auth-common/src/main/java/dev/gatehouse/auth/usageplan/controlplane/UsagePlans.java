package dev.gatehouse.auth.usageplan.controlplane;

import static dev.gatehouse.auth.usageplan.controlplane.ApiKeys.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.auth.usageplan.ApiKeyHash;
import dev.gatehouse.auth.usageplan.controlplane.StoredUsagePlan.ApiStage;
import dev.gatehouse.auth.usageplan.controlplane.StoredUsagePlan.Quota;
import dev.gatehouse.auth.usageplan.controlplane.StoredUsagePlan.Throttle;
import io.smallrye.mutiny.Uni;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * AWS's usage plan operations ({@code CreateUsagePlan}, {@code GetUsagePlan}, {@code
 * GetUsagePlans}, {@code UpdateUsagePlan}, {@code DeleteUsagePlan}); a change to a plan's limits
 * rewrites the records of all its keys before it answers, and their counters carry over.
 */
public class UsagePlans {

    static final int MAX_PLANS = 300;

    private final ControlPlaneStore store;
    private final ApiKeyRecords records;
    private final ObjectMapper json;

    public UsagePlans(ControlPlaneStore store, ApiKeyRecords records, ObjectMapper json) {
        this.store = store;
        this.records = records;
        this.json = json;
    }

    public Uni<ObjectNode> create(JsonNode body, String caller) {
        String name = text(body, "name", ApiKeys.MAX_NAME);
        if (name == null || name.isBlank()) {
            throw ControlPlaneException.badRequest("Usage Plan name is required");
        }
        StoredUsagePlan plan =
                new StoredUsagePlan(
                        newId(),
                        name,
                        text(body, "description", ApiKeys.MAX_DESCRIPTION),
                        UsagePlanSettings.apiStages(body.get("apiStages")),
                        UsagePlanSettings.throttle(body.get("throttle"), "throttle"),
                        UsagePlanSettings.quota(body.get("quota")),
                        text(body, "productCode", ApiKeys.MAX_NAME),
                        ApiKeys.tags(body),
                        StoredApiKey.API,
                        true,
                        List.of());
        return ControlPlaneStore.retrying(
                        () ->
                                store.version()
                                        .flatMap(
                                                version ->
                                                        store.planCount()
                                                                .flatMap(
                                                                        count -> {
                                                                            if (count
                                                                                    >= MAX_PLANS) {
                                                                                throw ControlPlaneException
                                                                                        .limitExceeded(
                                                                                                "Cannot"
                                                                                                    + " create"
                                                                                                    + " more"
                                                                                                    + " than"
                                                                                                    + " "
                                                                                                        + MAX_PLANS
                                                                                                        + " usage"
                                                                                                        + " plans");
                                                                            }
                                                                            return store.commit(
                                                                                    version,
                                                                                    store.write()
                                                                                            .put(
                                                                                                    plan),
                                                                                    caller,
                                                                                    "CreateUsagePlan",
                                                                                    plan.id());
                                                                        })))
                .replaceWith(view(plan));
    }

    static String newId() {
        return ApiKeyHash.newId().substring(0, 6);
    }

    public Uni<ObjectNode> get(String id) {
        return store.plan(id).map(p -> view(p.orElseThrow(ControlPlaneException::noSuchPlan)));
    }

    public Uni<ObjectNode> list(String keyId, String position, String limit) {
        int size = Paging.limit(limit);
        return store.allPlans()
                .map(
                        all ->
                                Paging.page(
                                        json,
                                        all.stream()
                                                .filter(
                                                        p ->
                                                                keyId == null
                                                                        || p.keyIds()
                                                                                .contains(keyId))
                                                .sorted(Comparator.comparing(StoredUsagePlan::id))
                                                .toList(),
                                        StoredUsagePlan::id,
                                        position,
                                        size,
                                        this::view));
    }

    public Uni<ObjectNode> update(String id, JsonNode body, String caller) {
        List<PatchOperation> ops = PatchOperation.listFrom(body);
        return ControlPlaneStore.retrying(() -> updateOnce(id, ops, caller))
                .flatMap(plan -> syncKeys(plan).replaceWith(view(plan)));
    }

    private Uni<StoredUsagePlan> updateOnce(String id, List<PatchOperation> ops, String caller) {
        return store.read(List.of(), List.of(id))
                .flatMap(
                        snapshot -> {
                            StoredUsagePlan plan = snapshot.plans().get(id);
                            if (plan == null) {
                                throw ControlPlaneException.noSuchPlan();
                            }
                            StoredUsagePlan updated = UsagePlanPatch.apply(plan, ops);
                            return conflictsOfKeys(updated)
                                    .flatMap(
                                            ignored ->
                                                    store.commit(
                                                            snapshot.version(),
                                                            store.write().put(updated),
                                                            caller,
                                                            "UpdateUsagePlan",
                                                            id))
                                    .replaceWith(updated);
                        });
    }

    /** Refuses a plan whose API stages now overlap another plan of one of its keys. */
    private Uni<Void> conflictsOfKeys(StoredUsagePlan updated) {
        return store.keys(updated.keyIds())
                .flatMap(
                        keys -> {
                            List<String> others = new ArrayList<>();
                            keys.values()
                                    .forEach(
                                            k ->
                                                    k.usagePlanIds().stream()
                                                            .filter(p -> !p.equals(updated.id()))
                                                            .forEach(others::add));
                            return store.plans(others)
                                    .map(
                                            plans -> {
                                                for (StoredUsagePlan other : plans.values()) {
                                                    UsagePlanKeys.checkStages(updated, other, "");
                                                }
                                                return null;
                                            });
                        })
                .replaceWithVoid();
    }

    public Uni<Void> delete(String id, String caller) {
        return ControlPlaneStore.retrying(
                        () ->
                                store.plan(id)
                                        .flatMap(
                                                found -> {
                                                    StoredUsagePlan plan =
                                                            found.orElseThrow(
                                                                    ControlPlaneException
                                                                            ::noSuchPlan);
                                                    return store.read(plan.keyIds(), List.of(id))
                                                            .flatMap(
                                                                    s -> deleteOnce(s, id, caller));
                                                }))
                .flatMap(this::syncKeys);
    }

    private Uni<StoredUsagePlan> deleteOnce(
            ControlPlaneStore.Snapshot snapshot, String id, String caller) {
        StoredUsagePlan plan = snapshot.plans().get(id);
        if (plan == null) {
            throw ControlPlaneException.noSuchPlan();
        }
        ControlPlaneStore.Write write = store.write().deletePlan(id);
        long now = java.time.Instant.now().getEpochSecond();
        for (StoredApiKey key : snapshot.keys().values()) {
            List<String> plans = new ArrayList<>(key.usagePlanIds());
            plans.remove(id);
            write.put(key.withPlans(plans, now));
        }
        return store.commit(snapshot.version(), write, caller, "DeleteUsagePlan", id)
                .replaceWith(plan);
    }

    private Uni<Void> syncKeys(StoredUsagePlan plan) {
        return store.keys(plan.keyIds())
                .flatMap(
                        keys ->
                                records.sync(
                                        keys.values().stream()
                                                .map(
                                                        k ->
                                                                new ApiKeyRecords.Target(
                                                                        k.id(), k.sha256()))
                                                .toList()));
    }

    /** AWS's {@code UsagePlan} shape. */
    ObjectNode view(StoredUsagePlan plan) {
        ObjectNode node = json.createObjectNode();
        node.put("id", plan.id());
        node.put("name", plan.name());
        if (plan.description() != null) {
            node.put("description", plan.description());
        }
        var stages = node.putArray("apiStages");
        for (ApiStage stage : plan.apiStages()) {
            ObjectNode s = stages.addObject();
            s.put("apiId", stage.apiId());
            s.put("stage", stage.stage());
            if (!stage.throttle().isEmpty()) {
                ObjectNode t = s.putObject("throttle");
                stage.throttle().forEach((m, x) -> t.set(m, throttle(x)));
            }
        }
        if (plan.throttle() != null) {
            node.set("throttle", throttle(plan.throttle()));
        }
        if (plan.quota() != null) {
            Quota q = plan.quota();
            ObjectNode quota = node.putObject("quota");
            quota.put("limit", q.limit());
            quota.put("offset", q.offset() == null ? 0 : q.offset());
            quota.put("period", q.period());
        }
        if (plan.productCode() != null) {
            node.put("productCode", plan.productCode());
        }
        ObjectNode tags = node.putObject("tags");
        Map<String, String> sorted = new LinkedHashMap<>(plan.tags());
        sorted.forEach(tags::put);
        return node;
    }

    private ObjectNode throttle(Throttle t) {
        ObjectNode node = json.createObjectNode();
        if (t.burstLimit() != null) {
            node.put("burstLimit", t.burstLimit());
        }
        if (t.rateLimit() != null) {
            node.put("rateLimit", t.rateLimit());
        }
        return node;
    }
}
