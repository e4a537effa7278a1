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
