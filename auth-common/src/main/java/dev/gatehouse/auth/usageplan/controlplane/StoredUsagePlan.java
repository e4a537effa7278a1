package dev.gatehouse.auth.usageplan.controlplane;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.gatehouse.auth.usageplan.QuotaPeriod;
import dev.gatehouse.auth.usageplan.QuotaSettings;
import dev.gatehouse.auth.usageplan.ThrottleSettings;
import dev.gatehouse.auth.usageplan.UsagePlan;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A usage plan as the control plane keeps it in Redis (JSON in {@code {apikeys}:plans}), in AWS's
 * {@code UsagePlan} shape plus where it comes from, its Redis-unavailable policy and its keys.
 *
 * @param apiStages an API is named by its service name ({@code stores-service}); {@code *} with
 *     stage {@code *} stands for every API (configuration plans without {@code apis})
 * @param keyIds the plan's keys (kept with the plan so that a plan change finds them in one read)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StoredUsagePlan(
        String id,
        String name,
        String description,
        List<ApiStage> apiStages,
        Throttle throttle,
        Quota quota,
        String productCode,
        Map<String, String> tags,
        String source,
        boolean failOpen,
        List<String> keyIds) {

    public StoredUsagePlan {
        apiStages = apiStages == null ? List.of() : List.copyOf(apiStages);
        tags = tags == null ? Map.of() : Map.copyOf(tags);
        keyIds = keyIds == null ? List.of() : List.copyOf(keyIds);
    }

    /** AWS's {@code ApiStage}; {@code throttle} is keyed {@code <resource path>/<HTTP method>}. */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record ApiStage(String apiId, String stage, Map<String, Throttle> throttle) {
        public ApiStage {
            throttle = throttle == null ? Map.of() : new LinkedHashMap<>(throttle);
        }

        /** The scope the key's record is denormalised under: {@code apiId:stage}, or {@code *}. */
        public String scope() {
            return UsagePlan.ALL_APIS.equals(apiId) ? UsagePlan.ALL_APIS : apiId + ":" + stage;
        }
    }

    /** AWS's {@code ThrottleSettings}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Throttle(Integer burstLimit, Double rateLimit) {}

    /** AWS's {@code QuotaSettings}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Quota(Integer limit, Integer offset, String period) {}

    public StoredUsagePlan withKeys(List<String> keys) {
        return new StoredUsagePlan(
                id,
                name,
                description,
                apiStages,
                throttle,
                quota,
                productCode,
                tags,
                source,
                failOpen,
                keys);
    }

    /** The plan as the limiter's rules see it (the name is the plan's id). */
    public UsagePlan toUsagePlan() {
        Optional<QuotaSettings> q =
                Optional.ofNullable(quota)
                        .filter(x -> x.limit() != null && x.period() != null)
                        .map(
                                x ->
                                        new QuotaSettings(
                                                x.limit(),
                                                x.offset() == null ? 0 : x.offset(),
                                                QuotaPeriod.valueOf(x.period())));
        Optional<ThrottleSettings> t =
                Optional.ofNullable(throttle).flatMap(StoredUsagePlan::settings);
        Map<String, ThrottleSettings> methods = new LinkedHashMap<>();
        Set<String> apis = new LinkedHashSet<>();
        for (ApiStage stage : apiStages) {
            apis.add(stage.apiId());
            stage.throttle().forEach((m, s) -> settings(s).ifPresent(x -> methods.put(m, x)));
        }
        return new UsagePlan(id, q, t, methods, apis, failOpen);
    }

    static Optional<ThrottleSettings> settings(Throttle throttle) {
        if (throttle == null || (throttle.burstLimit() == null && throttle.rateLimit() == null)) {
            return Optional.empty();
        }
        return Optional.of(
                new ThrottleSettings(
                        throttle.rateLimit() == null ? 0 : throttle.rateLimit(),
                        throttle.burstLimit() == null ? 0 : throttle.burstLimit()));
    }
}
