package dev.gatehouse.auth.usageplan.controlplane;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * An API key as the control plane keeps it in Redis (JSON in {@code {apikeys}:key-items}): AWS's
 * {@code ApiKey} fields without the value, which is kept only as its SHA-256 (for lookups) and,
 * unless {@code gatehouse.metering.reveal-values=false}, sealed with AES-256-GCM under the suite's
 * master key.
 *
 * @param createdDate epoch seconds, as AWS's SDKs parse it
 * @param sealedValue the value sealed under the master key (bound to the id), or null
 * @param source {@link #FILE} for keys the configuration declares, {@link #API} for run-time ones
 * @param usagePlanIds the plans the key belongs to
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StoredApiKey(
        String id,
        String name,
        String description,
        boolean enabled,
        String customerId,
        long createdDate,
        long lastUpdatedDate,
        String sha256,
        String sealedValue,
        String source,
        List<String> usagePlanIds,
        Map<String, String> tags) {

    public static final String FILE = "file";
    public static final String API = "api";

    public StoredApiKey {
        usagePlanIds = usagePlanIds == null ? List.of() : List.copyOf(usagePlanIds);
        tags = tags == null ? Map.of() : Map.copyOf(tags);
    }

    public StoredApiKey withPlans(List<String> plans, long now) {
        return new StoredApiKey(
                id,
                name,
                description,
                enabled,
                customerId,
                createdDate,
                now,
                sha256,
                sealedValue,
                source,
                plans,
                tags);
    }

    @Override
    public String toString() {
        // Never print the hash or the sealed value.
        return "StoredApiKey[id=" + id + ", name=" + name + ", enabled=" + enabled + "]";
    }
}
