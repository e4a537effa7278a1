package dev.gatehouse.auth.usageplan;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gatehouse.auth.api.RedisScript;
import dev.gatehouse.auth.config.RevealFile;
import dev.gatehouse.auth.usageplan.config.MeteringConfig;
import dev.gatehouse.auth.usageplan.controlplane.ApiKeyRecords;
import dev.gatehouse.auth.usageplan.controlplane.ConfigurationObjects;
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
 * replaces the old one (rotation). The configured plans and keys then become control-plane objects
 * marked as coming from the file ({@link ConfigurationObjects}); objects created at run time are
 * left as they are. Values reach Redis only as SHA-256 hashes and, when kept, sealed.
 */
public class ApiKeyProvisioner {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final RedisScript CLAIM =
            RedisScript.fromClasspath("lua/auth-common/claim-api-key-name.lua");

    private final ReactiveRedisDataSource redis;
    private final UsagePlanCatalog catalog;
    private final ApiKeyDirectory directory;
    private final MeteringConfig config;
    private final ObjectMapper json;
    private final ConfigurationObjects fileObjects;

    public ApiKeyProvisioner(
            ReactiveRedisDataSource redis,
            UsagePlanCatalog catalog,
            ApiKeyDirectory directory,
            MeteringConfig config,
            ObjectMapper json,
            ConfigurationObjects fileObjects) {
        this.redis = redis;
        this.catalog = catalog;
        this.directory = directory;
        this.config = config;
        this.json = json;
        this.fileObjects = fileObjects;
    }

    /**
     * Provisions every configured key; returns the values generated or first stored by this call.
     */
    public Map<String, String> provision() {
        Map<String, String> revealed = new LinkedHashMap<>();
        List<Claimed> claimed = new ArrayList<>();
        for (ApiKeyDefinition key : catalog.keys().values()) {
            provision(key, claimed).ifPresent(value -> revealed.put(key.name(), value));
        }
        List<ApiKeyRecords.Target> rotated = new ArrayList<>();
        claimed.forEach(
                c ->
                        c.replacedSha256()
                                .ifPresent(
                                        old -> rotated.add(new ApiKeyRecords.Target(c.id(), old))));
        await(fileObjects.apply(claimed.stream().map(Claimed::toFileKey).toList()));
        // Every record is rebuilt from the control plane's state: run-time objects keep theirs,
        // and a record a crash left behind its commit is brought up to date.
        await(fileObjects.reconcile(rotated));
        if (!revealed.isEmpty()) {
            reveal(revealed);
        }
        return revealed;
    }

    /** A configured key once its name is registered: its id, hash, and value if known now. */
    private record Claimed(
            ApiKeyDefinition key,
            String id,
            String sha256,
            Optional<String> value,
            Optional<String> replacedSha256) {

        ConfigurationObjects.FileKey toFileKey() {
            return new ConfigurationObjects.FileKey(key, id, sha256, value, replacedSha256);
        }
    }

    private Optional<String> provision(ApiKeyDefinition key, List<Claimed> claimed) {
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
        Optional<String> replaced = Optional.empty();
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
                    replaced = Optional.of(sha256Of(claim.get(1).toString()));
                    Log.infof(
                            "api key %s: configured value changed; the previous value no longer"
                                    + " works",
                            key.name());
                }
            }
        }
        String sha256 = sha256Of(entry);
        String id = entry.substring(65);
        Optional<String> known = revealed.or(key::value);
        claimed.add(new Claimed(key, id, sha256, known, replaced));
        Map<String, String> planByApi = new LinkedHashMap<>();
        catalog.plansOf(key)
                .forEach(plan -> plan.apis().forEach(api -> planByApi.put(api, plan.name())));
        directory.put(
                new ApiKeyDirectory.KnownKey(sha256, id, key.name(), key.enabled(), planByApi));
        Log.infof(
                "api key %s (id %s): plans %s, %s",
                key.name(), id, key.plans(), key.enabled() ? "enabled" : "disabled");
        return revealed;
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
