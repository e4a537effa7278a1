package dev.gatehouse.identity.identitypool;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gatehouse.auth.iam.config.IamConfig;
import dev.gatehouse.auth.iam.credentials.PrincipalCatalog;
import dev.gatehouse.identity.identitypool.config.IdentityPoolsConfig;
import dev.gatehouse.identity.pool.AppClient;
import dev.gatehouse.identity.pool.UserPool;
import io.quarkus.logging.Log;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The configured identity pools, resolved and validated once at startup: every error names its
 * property and stops the service, as the IAM principals do.
 */
@ApplicationScoped
@Startup // validates the pools and writes the pool file at startup, not at the first call
public class IdentityPools {

    private final Map<String, IdentityPool> byId = new LinkedHashMap<>();
    private final String userPoolProvider;

    IdentityPools(
            IdentityPoolsConfig config,
            IamConfig iam,
            PrincipalCatalog principals,
            UserPool userPool,
            ObjectMapper json) {
        this.userPoolProvider = userPoolProvider(iam.region(), userPool.id());
        List<String> errors = new ArrayList<>();
        config.pools()
                .forEach(
                        (name, pool) -> {
                            IdentityPool resolved =
                                    new PoolResolver(
                                                    name,
                                                    pool,
                                                    iam,
                                                    principals,
                                                    userPool,
                                                    userPoolProvider,
                                                    errors)
                                            .resolve();
                            if (resolved != null) {
                                byId.put(resolved.id(), resolved);
                            }
                        });
        if (!errors.isEmpty()) {
            throw new IllegalStateException(
                    "Invalid identity pool configuration:\n  " + String.join("\n  ", errors));
        }
        config.poolFile().ifPresent(file -> write(json, file));
    }

    /** The {@code Logins} key of a user pool: {@code cognito-idp.<region>.amazonaws.com/<id>}. */
    public static String userPoolProvider(String region, String userPoolId) {
        return "cognito-idp." + region + ".amazonaws.com/" + userPoolId;
    }

    /** This service's user pool as a {@code Logins} key. */
    public String userPoolProvider() {
        return userPoolProvider;
    }

    public Optional<IdentityPool> pool(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    public Map<String, IdentityPool> all() {
        return byId;
    }

    /** The id of a pool without a fixed one: stable for the account and logical name. */
    static String derivedId(String region, String accountId, String name) {
        UUID uuid =
                UUID.nameUUIDFromBytes(
                        ("gatehouse identity pool " + accountId + " " + name)
                                .getBytes(StandardCharsets.UTF_8));
        return region + ":" + uuid;
    }

    private void write(ObjectMapper json, java.nio.file.Path file) {
        Map<String, Object> pools = new LinkedHashMap<>();
        byId.values().stream().findFirst().ifPresent(first -> pools.put("id", first.id()));
        Map<String, String> byName = new LinkedHashMap<>();
        byId.values().forEach(p -> byName.put(p.name(), p.id()));
        pools.put("pools", byName);
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            Files.write(file, json.writeValueAsBytes(pools));
        } catch (IOException e) {
            Log.warnf("cannot write the identity pool file %s: %s", file, e.getMessage());
        }
    }

    /** The user pool client ids a pool's CognitoIdentityProviders name (ids or logical names). */
    static Optional<String> clientId(UserPool userPool, String idOrName) {
        if (userPool.clientsById().containsKey(idOrName)) {
            return Optional.of(idOrName);
        }
        return userPool.clientByName(idOrName).map(AppClient::id);
    }
}
