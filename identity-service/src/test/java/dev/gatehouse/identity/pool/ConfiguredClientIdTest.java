package dev.gatehouse.identity.pool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.auth.api.MasterKey;
import dev.gatehouse.identity.SmtpTestResource;
import dev.gatehouse.identity.pool.config.IdentityConfig;
import dev.gatehouse.testing.RedisTestResource;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.lang.reflect.Proxy;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * {@code gatehouse.identity.clients.<name>.client-id} (index-service on Kubernetes is configured
 * with its client id before identity-service first starts): the configured id is the one an empty
 * Redis gets, and a client id already in Redis is never switched for another.
 */
@QuarkusTest
@TestProfile(ConfiguredClientIdTest.FixedClientId.class)
@WithTestResource(value = RedisTestResource.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
@WithTestResource(value = SmtpTestResource.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
class ConfiguredClientIdTest {

    static final String FIXED = "gatehousewebclient00000001";

    /** Starts the application with a fixed id for the {@code web} client on an empty Redis. */
    public static class FixedClientId implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("gatehouse.identity.clients.web.client-id", FIXED);
        }
    }

    @Inject UserPool pool;
    @Inject RedisDataSource redis;
    @Inject IdentityConfig config;
    @Inject MasterKey masterKey;
    @Inject ResourceServers resourceServers;

    @Test
    void theConfiguredIdIsTheClientAnEmptyRedisGets() {
        assertThat(pool.clientsById().get(FIXED)).extracting(AppClient::name).isEqualTo("web");
        assertThat(redis.hash(String.class).hget(UserPoolProvisioner.KEY, "client.web"))
                .isEqualTo(FIXED);
        // Clients without a configured id still get a minted one of Cognito's shape.
        assertThat(pool.clientByName("server"))
                .map(AppClient::id)
                .hasValueSatisfying(id -> assertThat(id).matches("[a-z0-9]{26}"));
    }

    @Test
    void aRestartWithTheSameIdFindsTheSameClient() {
        UserPool again = new UserPoolProvisioner().pool(redis, config, masterKey, resourceServers);
        assertThat(again.clientsById().keySet()).isEqualTo(pool.clientsById().keySet());
    }

    @Test
    void anotherIdThanTheStoredClientFailsStartupNamingBoth() {
        assertThatThrownBy(
                        () ->
                                new UserPoolProvisioner()
                                        .pool(
                                                redis,
                                                withWebClientId("gatehousewebclient00000002"),
                                                masterKey,
                                                resourceServers))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("gatehouse.identity.clients.web.client-id")
                .hasMessageContaining("gatehousewebclient00000002")
                .hasMessageContaining(FIXED);
        assertThat(redis.hash(String.class).hget(UserPoolProvisioner.KEY, "client.web"))
                .isEqualTo(FIXED);
    }

    @Test
    void anIdNotShapedLikeCognitosFailsStartupNamingTheProperty() {
        for (String bad : new String[] {"", "web client", "web/client", "a".repeat(129)}) {
            assertThatThrownBy(
                            () ->
                                    new UserPoolProvisioner()
                                            .pool(
                                                    redis,
                                                    withWebClientId(bad),
                                                    masterKey,
                                                    resourceServers))
                    .as(bad)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("gatehouse.identity.clients.web.client-id=" + bad);
        }
        assertThat(redis.hash(String.class).hget(UserPoolProvisioner.KEY, "client.web"))
                .isEqualTo(FIXED);
    }

    /** The application's identity settings with another {@code client-id} for {@code web}. */
    private IdentityConfig withWebClientId(String clientId) {
        Map<String, IdentityConfig.ClientConfig> clients = new LinkedHashMap<>(config.clients());
        IdentityConfig.ClientConfig web = clients.get("web");
        clients.put(
                "web",
                (IdentityConfig.ClientConfig)
                        Proxy.newProxyInstance(
                                IdentityConfig.ClientConfig.class.getClassLoader(),
                                new Class<?>[] {IdentityConfig.ClientConfig.class},
                                (proxy, method, args) ->
                                        method.getName().equals("clientId")
                                                ? Optional.of(clientId)
                                                : method.invoke(web, args)));
        return (IdentityConfig)
                Proxy.newProxyInstance(
                        IdentityConfig.class.getClassLoader(),
                        new Class<?>[] {IdentityConfig.class},
                        (proxy, method, args) ->
                                method.getName().equals("clients")
                                        ? clients
                                        : method.invoke(config, args));
    }
}
