package dev.gatehouse.identity.pool;

import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.util.TreeMap;

/**
 * Creates the pool at first start and finds the same one after: the pool id, one client id per
 * configured client, and the secret behind simulated SRP challenges live in one Redis hash, each
 * written only if absent (HSETNX), so concurrent first starts agree.
 */
@ApplicationScoped
public class UserPoolProvisioner {

    /** The Redis hash that holds the pool's identity. */
    public static final String KEY = "gatehouse:identity:pool";

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
    UserPool pool(RedisDataSource redis, IdentityConfig config) {
        HashCommands<String, String, String> hash = redis.hash(String.class);
        hash.hsetnx(KEY, "id", RandomIds.poolId(config.region()));
        hash.hsetnx(
                KEY, "simulation-secret", Base64.getEncoder().encodeToString(RandomIds.bytes(32)));
        for (String name : config.clients().keySet()) {
            hash.hsetnx(KEY, "client." + name, RandomIds.clientId());
        }
        Map<String, String> stored = hash.hgetall(KEY);
        String poolId = stored.get("id");
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
                                            "ENABLED".equals(client.preventUserExistenceErrors())));
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
                        policy.requireSymbols()),
                Base64.getDecoder().decode(stored.get("simulation-secret")));
    }
}
