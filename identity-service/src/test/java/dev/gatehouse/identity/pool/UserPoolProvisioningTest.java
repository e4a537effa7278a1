package dev.gatehouse.identity.pool;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.identity.SmtpTestResource;
import dev.gatehouse.identity.pool.config.IdentityConfig;
import dev.gatehouse.identity.token.SigningKeys;
import dev.gatehouse.testing.RedisTestResource;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/** The pool, its client ids and its signing keys are minted once and found again on restart. */
@QuarkusTest
@WithTestResource(value = RedisTestResource.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
@WithTestResource(value = SmtpTestResource.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
class UserPoolProvisioningTest {

    @Inject UserPool pool;
    @Inject SigningKeys.Pair keys;
    @Inject RedisDataSource redis;
    @Inject IdentityConfig config;

    @Test
    void idsLookLikeCognitos() {
        assertThat(pool.id()).matches("us-east-1_[0-9A-Za-z]{9}");
        assertThat(pool.clientsById().keySet()).allMatch(id -> id.matches("[a-z0-9]{26}"));
        assertThat(pool.clientByName("web").orElseThrow().explicitAuthFlows())
                .containsExactlyInAnyOrder("ALLOW_USER_SRP_AUTH", "ALLOW_REFRESH_TOKEN_AUTH");
        assertThat(pool.clientByName("server").orElseThrow().explicitAuthFlows())
                .containsExactlyInAnyOrder(
                        "ALLOW_ADMIN_USER_PASSWORD_AUTH", "ALLOW_REFRESH_TOKEN_AUTH");
        assertThat(pool.clientByName("web").orElseThrow().preventUserExistenceErrors()).isTrue();
    }

    @Test
    void aRestartFindsTheSamePoolClientsAndKeys() {
        UserPool again = new UserPoolProvisioner().pool(redis, config);
        assertThat(again.id()).isEqualTo(pool.id());
        assertThat(again.clientsById().keySet()).isEqualTo(pool.clientsById().keySet());
        assertThat(again.simulationSecret()).isEqualTo(pool.simulationSecret());

        SigningKeys.Pair reloaded = new SigningKeys().keys(redis, again);
        assertThat(reloaded.id().kid()).isEqualTo(keys.id().kid());
        assertThat(reloaded.access().kid()).isEqualTo(keys.access().kid());
        assertThat(keys.id().kid()).isNotEqualTo(keys.access().kid());
    }
}
