package dev.gatehouse.identity.pool;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.endsWith;

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
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * {@code gatehouse.identity.pool-id} (Kubernetes knows the issuer before the first start): the
 * configured id is the one minted into an empty Redis, and a pool already in Redis is never
 * switched for another id.
 */
@QuarkusTest
@TestProfile(ConfiguredPoolIdTest.FixedPoolId.class)
@WithTestResource(value = RedisTestResource.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
@WithTestResource(value = SmtpTestResource.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
class ConfiguredPoolIdTest {

    static final String FIXED = "us-east-1_Fixed0001";

    /** Starts the application with a fixed pool id on an empty Redis. */
    public static class FixedPoolId implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("gatehouse.identity.pool-id", FIXED);
        }
    }

    @Inject UserPool pool;
    @Inject RedisDataSource redis;
    @Inject IdentityConfig config;
    @Inject MasterKey masterKey;
    @Inject ResourceServers resourceServers;

    @Test
    void theConfiguredIdIsThePoolAnEmptyRedisGets() {
        assertThat(pool.id()).isEqualTo(FIXED);
        assertThat(pool.issuer()).isEqualTo(config.issuerBase() + "/" + FIXED);
        assertThat(redis.hash(String.class).hget(UserPoolProvisioner.KEY, "id")).isEqualTo(FIXED);
        given().get("/" + FIXED + "/.well-known/openid-configuration")
                .then()
                .statusCode(200)
                .body("issuer", endsWith("/" + FIXED));
    }

    @Test
    void aRestartWithTheSameIdFindsTheSamePool() {
        UserPool again = new UserPoolProvisioner().pool(redis, config, masterKey, resourceServers);
        assertThat(again.id()).isEqualTo(FIXED);
        assertThat(again.clientsById().keySet()).isEqualTo(pool.clientsById().keySet());
        assertThat(again.simulationSecret()).isEqualTo(pool.simulationSecret());
    }

    @Test
    void anotherIdThanTheStoredPoolFailsStartupNamingBoth() {
        assertThatThrownBy(
                        () ->
                                new UserPoolProvisioner()
                                        .pool(
                                                redis,
                                                withPoolId("us-east-1_Other0002"),
                                                masterKey,
                                                resourceServers))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("gatehouse.identity.pool-id")
                .hasMessageContaining("us-east-1_Other0002")
                .hasMessageContaining(FIXED);
        assertThat(redis.hash(String.class).hget(UserPoolProvisioner.KEY, "id")).isEqualTo(FIXED);
    }

    @Test
    void anIdNotShapedLikeCognitosFailsStartupNamingTheProperty() {
        for (String bad :
                new String[] {
                    "us-east-1_Short", "us-east-1_Fixed00012", "us-east-1_Fixed-001",
                    "eu-west-1_Fixed0001", "Fixed0001", "us-east-1-Fixed0001"
                }) {
            assertThatThrownBy(
                            () ->
                                    new UserPoolProvisioner()
                                            .pool(
                                                    redis,
                                                    withPoolId(bad),
                                                    masterKey,
                                                    resourceServers))
                    .as(bad)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("gatehouse.identity.pool-id=" + bad)
                    .hasMessageContaining("us-east-1_");
        }
        assertThat(redis.hash(String.class).hget(UserPoolProvisioner.KEY, "id")).isEqualTo(FIXED);
    }

    @Test
    void aMalformedIdIsRefusedBeforeRedisIsTouched() {
        Map<String, String> stored = redis.hash(String.class).hgetall(UserPoolProvisioner.KEY);
        redis.key().del(UserPoolProvisioner.KEY);
        try {
            assertThatThrownBy(
                            () ->
                                    new UserPoolProvisioner()
                                            .pool(
                                                    redis,
                                                    withPoolId("us-east-1_x"),
                                                    masterKey,
                                                    resourceServers))
                    .isInstanceOf(IllegalStateException.class);
            assertThat(redis.key().exists(UserPoolProvisioner.KEY)).isFalse();
        } finally {
            redis.hash(String.class).hset(UserPoolProvisioner.KEY, stored);
        }
    }

    /** The application's identity settings with another {@code pool-id}. */
    private IdentityConfig withPoolId(String poolId) {
        return (IdentityConfig)
                Proxy.newProxyInstance(
                        IdentityConfig.class.getClassLoader(),
                        new Class<?>[] {IdentityConfig.class},
                        (proxy, method, args) ->
                                method.getName().equals("poolId")
                                        ? Optional.of(poolId)
                                        : method.invoke(config, args));
    }
}
