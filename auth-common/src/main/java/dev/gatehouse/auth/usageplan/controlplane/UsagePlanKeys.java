package dev.gatehouse.auth.usageplan.controlplane;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.auth.usageplan.controlplane.StoredUsagePlan.ApiStage;
import io.smallrye.mutiny.Uni;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A plan's keys ({@code CreateUsagePlanKey}, {@code GetUsagePlanKey}, {@code GetUsagePlanKeys},
 * {@code DeleteUsagePlanKey}): a key belongs to at most one plan per API stage and to at most 10
 * plans, as on AWS.
 */
public class UsagePlanKeys {

    static final int MAX_PLANS_PER_KEY = 10;

    private final ControlPlaneStore store;
    private final ApiKeyRecords records;
    private final ApiKeyValueSeal seal;
    private final ObjectMapper json;

    public UsagePlanKeys(
            ControlPlaneStore store,
            ApiKeyRecords records,
            ApiKeyValueSeal seal,
            ObjectMapper json) {
        this.store = store;
        this.records = records;
        this.seal = seal;
        this.json = json;
    }

    public Uni<ObjectNode> create(String planId, JsonNode body, String caller) {
        String keyId = ApiKeys.text(body, "keyId", 128);
        String type = ApiKeys.text(body, "keyType", 32);
        if (keyId == null || keyId.isEmpty()) {
            throw ControlPlaneException.badRequest("keyId is required");
        }
        if (!"API_KEY".equals(type)) {
            throw ControlPlaneException.badRequest("Invalid keyType specified: must be API_KEY");
        }
        return ControlPlaneStore.retrying(() -> attach(planId, keyId, caller))
                .flatMap(
                        key ->
                                records.sync(
                                                List.of(
                                                        new ApiKeyRecords.Target(
                                                                key.id(), key.sha256())))
                                        .replaceWith(view(key)));
    }

    private Uni<StoredApiKey> attach(String planId, String keyId, String caller) {
        return store.key(keyId)
                .flatMap(
                        found -> {
                            List<String> planIds = new ArrayList<>(List.of(planId));
                            found.ifPresent(k -> planIds.addAll(k.usagePlanIds()));
                            return store.read(List.of(keyId), planIds);
                        })
                .flatMap(
                        snapshot -> {
                            StoredUsagePlan plan = snapshot.plans().get(planId);
                            if (plan == null) {
                                throw ControlPlaneException.noSuchPlan();
                            }
                            StoredApiKey key = snapshot.keys().get(keyId);
                            if (key == null) {
                                throw ControlPlaneException.noSuchKey();
                            }
                            if (plan.keyIds().contains(keyId)) {
                                throw ControlPlaneException.conflict(
                                        "Usage Plan Key already exists");
                            }
                            if (key.usagePlanIds().size() >= MAX_PLANS_PER_KEY) {
                                throw ControlPlaneException.limitExceeded(
                                        "An API key can be in at most "
                                                + MAX_PLANS_PER_KEY
                                                + " usage plans");
                            }
                            for (String other : key.usagePlanIds()) {
                                StoredUsagePlan o = snapshot.plans().get(other);
                                if (o != null) {
                                    checkStages(plan, o, keyId);
                                }
                            }
                            List<String> plans = new ArrayList<>(key.usagePlanIds());
                            plans.add(planId);
                            List<String> keys = new ArrayList<>(plan.keyIds());
                            keys.add(keyId);
                            StoredApiKey updated =
                                    key.withPlans(plans, Instant.now().getEpochSecond());
                            return store.commit(
                                            snapshot.version(),
                                            store.write().put(updated).put(plan.withKeys(keys)),
                                            caller,
                                            "CreateUsagePlanKey",
                                            planId + "/" + keyId)
                                    .replaceWith(updated);
                        });
    }

    /** A key may be in one plan per API stage: refuses {@code plan} beside {@code other}. */
    static void checkStages(StoredUsagePlan plan, StoredUsagePlan other, String keyId) {
        for (ApiStage a : plan.apiStages()) {
            for (ApiStage b : other.apiStages()) {
                if (UsagePlanSettings.overlap(a, b)) {
                    throw ControlPlaneException.conflict(
                            "Usage Plan "
                                    + plan.id()
                                    + " cannot be added because API Key"
                                    + (keyId.isEmpty() ? "" : " " + keyId)
                                    + " cannot reference multiple Usage Plans with the same API"
                                    + " Stage: "
                                    + a.apiId()
                                    + ":"
                                    + a.stage());
                }
            }
        }
    }

    public Uni<ObjectNode> get(String planId, String keyId) {
        return store.plan(planId)
                .flatMap(
                        plan -> {
                            if (plan.isEmpty()) {
                                throw ControlPlaneException.noSuchPlan();
                            }
                            if (!plan.get().keyIds().contains(keyId)) {
                                throw ControlPlaneException.noSuchKey();
                            }
                            return store.key(keyId)
                                    .map(
                                            k ->
                                                    view(
                                                            k.orElseThrow(
                                                                    ControlPlaneException
                                                                            ::noSuchKey)));
                        });
    }

    public Uni<ObjectNode> list(String planId, String nameQuery, String position, String limit) {
        int size = Paging.limit(limit);
        return store.plan(planId)
                .flatMap(
                        plan -> {
                            if (plan.isEmpty()) {
                                throw ControlPlaneException.noSuchPlan();
                            }
                            return store.keys(plan.get().keyIds());
                        })
                .map(
                        keys ->
                                Paging.page(
                                        json,
                                        keys.values().stream()
                                                .filter(
                                                        k ->
                                                                nameQuery == null
                                                                        || (k.name() != null
                                                                                && k.name()
                                                                                        .startsWith(
                                                                                                nameQuery)))
                                                .sorted(Comparator.comparing(StoredApiKey::id))
                                                .toList(),
                                        StoredApiKey::id,
                                        position,
                                        size,
                                        this::view));
    }

    public Uni<Void> delete(String planId, String keyId, String caller) {
        return ControlPlaneStore.retrying(
                        () ->
                                store.read(List.of(keyId), List.of(planId))
                                        .flatMap(
                                                snapshot -> {
                                                    StoredUsagePlan plan =
                                                            snapshot.plans().get(planId);
                                                    if (plan == null) {
                                                        throw ControlPlaneException.noSuchPlan();
                                                    }
                                                    StoredApiKey key = snapshot.keys().get(keyId);
                                                    if (key == null
                                                            || !plan.keyIds().contains(keyId)) {
                                                        throw ControlPlaneException.noSuchKey();
                                                    }
                                                    List<String> plans =
                                                            new ArrayList<>(key.usagePlanIds());
                                                    plans.remove(planId);
                                                    List<String> keys =
                                                            new ArrayList<>(plan.keyIds());
                                                    keys.remove(keyId);
                                                    StoredApiKey updated =
                                                            key.withPlans(
                                                                    plans,
                                                                    Instant.now().getEpochSecond());
                                                    return store.commit(
                                                                    snapshot.version(),
                                                                    store.write()
                                                                            .put(updated)
                                                                            .put(
                                                                                    plan.withKeys(
                                                                                            keys)),
                                                                    caller,
                                                                    "DeleteUsagePlanKey",
                                                                    planId + "/" + keyId)
                                                            .replaceWith(updated);
                                                }))
                .flatMap(
                        key ->
                                records.sync(
                                        List.of(new ApiKeyRecords.Target(key.id(), key.sha256()))));
    }

    /** AWS's {@code UsagePlanKey}: id, type, value (when kept), name. */
    ObjectNode view(StoredApiKey key) {
        ObjectNode node = json.createObjectNode();
        node.put("id", key.id());
        node.put("type", "API_KEY");
        seal.open(key.id(), key.sealedValue()).ifPresent(v -> node.put("value", v));
        if (key.name() != null) {
            node.put("name", key.name());
        }
        return node;
    }
}
