package dev.gatehouse.identity.pool;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gatehouse.auth.api.MasterKey;
import dev.gatehouse.identity.pool.config.IdentityConfig;
import io.quarkus.logging.Log;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.hash.HashCommands;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Creates the pool at first start and finds the same one after: the pool id (minted, or the
 * configured {@code gatehouse.identity.pool-id}), one client id per configured client (minted, or
 * its configured {@code client-id}), and the secret behind simulated SRP challenges live in one
 * Redis hash, each written only if absent (HSETNX), so concurrent first starts agree.
 */
@ApplicationScoped
public class UserPoolProvisioner {

    /** The Redis hash that holds the pool's identity. */
    public static final String KEY = "gatehouse:identity:pool";

    static final String POOL_ID = "gatehouse.identity.pool-id";

    /** A configured pool id, if it has the shape Cognito gives ids in this region. */
    static String checked(String poolId, String region) {
        if (!poolId.matches(Pattern.quote(region) + "_[0-9A-Za-z]{9}")) {
            throw new IllegalStateException(
                    POOL_ID
                            + "="
                            + poolId
                            + " is not a pool id of region "
                            + region
                            + ": expected "
                            + region
                            + "_ followed by 9 letters or digits, e.g. "
                            + region
                            + "_Ab12Cd34E");
        }
        return poolId;
    }

    private static String clientIdProperty(String name) {
        return "gatehouse.identity.clients." + name + ".client-id";
    }

    /** A configured client id, if it has the shape of Cognito's {@code ClientId}. */
    static Optional<String> checkedClientId(String name, IdentityConfig.ClientConfig client) {
        Optional<String> id = client.clientId();
        if (id.isPresent() && !id.get().matches("[\\w+]{1,128}")) {
            throw new IllegalStateException(
                    clientIdProperty(name)
                            + "="
                            + id.get()
                            + " is not a client id: expected 1-128 letters, digits, _ or +");
        }
        return id;
    }

    /** The pool file the launcher reads; a failure to write it is logged, not fatal. */
    private static void describe(
            Path file, String poolId, String issuer, Map<String, String> stored) {
        Map<String, String> clients = new TreeMap<>();
        stored.forEach(
                (field, value) -> {
                    if (field.startsWith("client.")) {
                        clients.put(field.substring("client.".length()), value);
                    }
                });
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            Files.writeString(
                    file,
                    new ObjectMapper()
                            .writerWithDefaultPrettyPrinter()
                            .writeValueAsString(
                                    Map.of("id", poolId, "issuer", issuer, "clients", clients)));
        } catch (IOException e) {
            Log.warnf("cannot write the pool file %s: %s", file, e.getMessage());
        }
    }

    @Produces
    @Singleton
    @Startup
    UserPool pool(
            RedisDataSource redis,
            IdentityConfig config,
            MasterKey masterKey,
            ResourceServers resourceServers) {
        Optional<String> fixed = config.poolId().map(id -> checked(id, config.region()));
        HashCommands<String, String, String> hash = redis.hash(String.class);
        hash.hsetnx(KEY, "id", fixed.orElseGet(() -> RandomIds.poolId(config.region())));
        hash.hsetnx(
                KEY, "simulation-secret", Base64.getEncoder().encodeToString(RandomIds.bytes(32)));
        Map<String, Optional<String>> fixedClients = new LinkedHashMap<>();
        config.clients()
                .forEach((name, client) -> fixedClients.put(name, checkedClientId(name, client)));
        fixedClients.forEach(
                (name, id) ->
                        hash.hsetnx(KEY, "client." + name, id.orElseGet(RandomIds::clientId)));
        Map<String, String> stored = hash.hgetall(KEY);
        fixedClients.forEach(
                (name, id) -> {
                    String kept = stored.get("client." + name);
                    if (id.isPresent() && !id.get().equals(kept)) {
                        throw new IllegalStateException(
                                clientIdProperty(name)
                                        + " is "
                                        + id.get()
                                        + " but Redis ("
                                        + KEY
                                        + ") already holds the client id "
                                        + kept
                                        + " for it: a client id is never switched (tokens and"
                                        + " apps name it). Set "
                                        + clientIdProperty(name)
                                        + "="
                                        + kept
                                        + " to keep it");
                    }
                });
        String poolId = stored.get("id");
        if (fixed.isPresent() && !fixed.get().equals(poolId)) {
            throw new IllegalStateException(
                    POOL_ID
                            + " is "
                            + fixed.get()
                            + " but Redis ("
                            + KEY
                            + ") already holds the pool "
                            + poolId
                            + ": a pool is never switched (its users and signing keys belong to"
                            + " its id). Set "
                            + POOL_ID
                            + "="
                            + poolId
                            + " to keep it, or point identity-service at another Redis");
        }
        Map<String, AppClient> clients = new LinkedHashMap<>();
        config.clients()
                .forEach(
                        (name, client) -> {
                            String id = stored.get("client." + name);
                            clients.put(
                                    id,
                                    new AppClient(
                                            name,
                                            id,
                                            new HashSet<>(client.explicitAuthFlows()),
                                            "ENABLED".equals(client.preventUserExistenceErrors()),
                                            AppClientSettings.oauth(name, client, resourceServers),
                                            AppClientSettings.secret(
                                                    name, client, hash, masterKey)));
                        });
        IdentityConfig.PasswordPolicyConfig policy = config.passwordPolicy();
        String base = config.issuerBase().replaceAll("/+$", "");
        Log.infof("user pool %s with clients %s", poolId, clients.keySet());
        config.poolFile().ifPresent(file -> describe(file, poolId, base + "/" + poolId, stored));
        return new UserPool(
                poolId,
                base + "/" + poolId,
                Map.copyOf(clients),
                config.requiredAttributes(),
                new PasswordPolicy(
                        policy.minimumLength(),
                        policy.requireLowercase(),
                        policy.requireUppercase(),
                        policy.requireNumbers(),
                        policy.requireSymbols(),
                        policy.temporaryPasswordValidityDays()),
                Base64.getDecoder().decode(stored.get("simulation-secret")));
    }
}
