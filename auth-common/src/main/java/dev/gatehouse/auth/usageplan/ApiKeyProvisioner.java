package dev.gatehouse.auth.usageplan;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gatehouse.auth.api.RedisScript;
import dev.gatehouse.auth.config.RevealFile;
import dev.gatehouse.auth.usageplan.config.MeteringConfig;
import io.quarkus.logging.Log;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Response;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Provisions the configured API keys at startup, idempotently, the way {@code sls deploy} does: a
 * key that exists keeps its value and counters; a new key gets the configured value or a generated
 * one, which is written once to the reveal file and never logged; a changed configured value
 * replaces the old one (rotation); records are rewritten with the current plan settings. Only
 * SHA-256 hashes of values reach Redis.
 */
public class ApiKeyProvisioner {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final RedisScript CLAIM =
            RedisScript.fromClasspath("lua/claim-api-key-name.lua");
    private static final RedisScript WRITE = RedisScript.fromClasspath("lua/write-api-key.lua");

    private final ReactiveRedisDataSource redis;
    private final UsagePlanCatalog catalog;
    private final ApiKeyDirectory directory;
    private final MeteringConfig config;
    private final ObjectMapper json;

    public ApiKeyProvisioner(
            ReactiveRedisDataSource redis,
            UsagePlanCatalog catalog,
            ApiKeyDirectory directory,
            MeteringConfig config,
            ObjectMapper json) {
        this.redis = redis;
        this.catalog = catalog;
        this.directory = directory;
        this.config = config;
        this.json = json;
    }

    /**
     * Provisions every configured key; returns the values generated or first stored by this call.
     */
    public Map<String, String> provision() {
        Map<String, String> revealed = new LinkedHashMap<>();
        for (ApiKeyDefinition key : catalog.keys().values()) {
            provision(key).ifPresent(value -> revealed.put(key.name(), value));
        }
        if (!revealed.isEmpty()) {
            reveal(revealed);
        }
        return revealed;
    }

    private Optional<String> provision(ApiKeyDefinition key) {
        Response existing = await(redis.execute(Command.HGET, UsageKeys.NAMES, key.name()));
        String registered = existing == null ? null : existing.toString();
        String value = null;
        boolean replace = false;
        if (registered == null) {
            value = key.value().orElseGet(() -> generated(key));
        } else if (key.value().isPresent()
                && !ApiKeyHash.sha256(key.value().get()).equals(sha256Of(registered))) {
            value = key.value().get();
            replace = true;
        }
        String entry = registered;
        Optional<String> revealed = Optional.empty();
        if (value != null) {
            String sha256 = ApiKeyHash.sha256(value);
            Response claim =
                    await(
                            CLAIM.run(
                                    redis,
                                    List.of(UsageKeys.NAMES, UsageKeys.IDS),
                                    List.of(
                                            key.name(),
                                            sha256,
                                            ApiKeyHash.newId(),
                                            replace ? "1" : "0")));
            entry = claim.get(0).toString();
            if (sha256.equals(sha256Of(entry))) {
                revealed = Optional.of(value);
                if (claim.get(1) != null) {
                    await(
                            redis.execute(
                                    Command.DEL,
                                    UsageKeys.record(sha256Of(claim.get(1).toString()))));
                    Log.infof(
                            "api key %s: configured value changed; the previous value no longer"
                                    + " works",
                            key.name());
                }
            }
        }
        String sha256 = sha256Of(entry);
        String id = entry.substring(65);
        Map<String, String> planByApi = writeRecord(key, sha256, id);
        directory.put(
                new ApiKeyDirectory.KnownKey(sha256, id, key.name(), key.enabled(), planByApi));
        Log.infof(
                "api key %s (id %s): plans %s, %s",
                key.name(), id, key.plans(), key.enabled() ? "enabled" : "disabled");
        return revealed;
    }

    private Map<String, String> writeRecord(ApiKeyDefinition key, String sha256, String id) {
        List<String> fields =
                new ArrayList<>(
                        List.of(
                                "id",
                                id,
                                "name",
                                key.name(),
                                "enabled",
                                key.enabled() ? "1" : "0"));
        Map<String, String> planByApi = new LinkedHashMap<>();
        for (UsagePlan plan : catalog.plansOf(key)) {
            // Denormalised per API, so the decision script reads everything in one HMGET.
            for (String api : plan.apis()) {
                planByApi.put(api, plan.name());
                String p = "a|" + api + "|";
                fields.addAll(List.of(p + "plan", plan.name()));
                plan.throttle()
                        .ifPresent(
                                t ->
                                        fields.addAll(
                                                List.of(
                                                        p + "rate",
                                                        Double.toString(t.rateLimit()),
                                                        p + "burst",
                                                        Integer.toString(t.burstLimit()))));
                plan.quota()
                        .ifPresent(
                                q ->
                                        fields.addAll(
                                                List.of(
                                                        p + "limit",
                                                        Integer.toString(q.limit()),
                                                        p + "offset",
                                                        Integer.toString(q.offset()),
                                                        p + "period",
                                                        q.period().name())));
                plan.methodThrottles()
                        .forEach(
                                (method, t) ->
                                        fields.addAll(
                                                List.of(
                                                        p + "m|" + method + "|rate",
                                                        Double.toString(t.rateLimit()),
                                                        p + "m|" + method + "|burst",
                                                        Integer.toString(t.burstLimit()))));
            }
        }
        await(WRITE.run(redis, List.of(UsageKeys.record(sha256)), fields));
        return planByApi;
    }

    private String generated(ApiKeyDefinition key) {
        if (config.revealFile().isEmpty()) {
            throw new IllegalStateException(
                    "gatehouse.api-keys."
                            + key.name()
                            + ".value is not set and gatehouse.metering.reveal-file is not"
                            + " configured: supply a value (from the environment) or a file to"
                            + " reveal the generated one in");
        }
        return ApiKeyHash.newValue();
    }

    /** Merges new values into the reveal file (mode 600), written atomically. */
    private void reveal(Map<String, String> values) {
        config.revealFile()
                .ifPresent(
                        file -> {
                            RevealFile.merge(file, values, json);
                            Log.infof(
                                    "api keys %s created; their values are in %s",
                                    values.keySet(), file);
                        });
    }

    private static String sha256Of(String entry) {
        return entry.substring(0, 64);
    }

    private static <T> T await(io.smallrye.mutiny.Uni<T> uni) {
        return uni.await().atMost(TIMEOUT);
    }
}
