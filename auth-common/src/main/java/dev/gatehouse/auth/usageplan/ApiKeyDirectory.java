package dev.gatehouse.auth.usageplan;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What this instance knows of the provisioned keys without asking Redis (hashes, ids, plans), used
 * only to apply the right outage policy when Redis is unreachable. Decisions themselves always read
 * Redis, so disabling a key takes effect on the next request.
 */
public class ApiKeyDirectory {

    /** A provisioned key; {@code planByApi} maps an API name (or {@code *}) to a plan name. */
    public record KnownKey(
            String sha256, String id, String name, boolean enabled, Map<String, String> planByApi) {

        public Optional<String> planFor(String api) {
            return Optional.ofNullable(planByApi.get(api))
                    .or(() -> Optional.ofNullable(planByApi.get(UsagePlan.ALL_APIS)));
        }
    }

    private final Map<String, KnownKey> bySha256 = new ConcurrentHashMap<>();
    private final Map<String, KnownKey> byId = new ConcurrentHashMap<>();

    public void put(KnownKey key) {
        bySha256.put(key.sha256(), key);
        byId.put(key.id(), key);
    }

    /**
     * Remembers what a decision said of a key (so that a key created at run time gets its plan's
     * outage policy while Redis is away); costs a map read when nothing changed.
     */
    public void remember(String sha256, String id, String api, String plan) {
        KnownKey known = bySha256.get(sha256);
        if (known == null
                || !known.enabled()
                || !id.equals(known.id())
                || !plan.equals(known.planFor(api).orElse(null))) {
            put(
                    new KnownKey(
                            sha256,
                            id,
                            known == null ? id : known.name(),
                            true,
                            Map.of(api, plan)));
        }
    }

    /** Forgets a key Redis refused (deleted, disabled, or not in a plan for this API). */
    public void forget(String sha256) {
        KnownKey known = bySha256.get(sha256);
        if (known != null && known.enabled()) {
            put(new KnownKey(sha256, known.id(), known.name(), false, known.planByApi()));
        }
    }

    public Optional<KnownKey> find(String sha256) {
        return Optional.ofNullable(bySha256.get(sha256));
    }

    public Optional<KnownKey> byId(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    public Iterable<KnownKey> all() {
        return byId.values();
    }
}
