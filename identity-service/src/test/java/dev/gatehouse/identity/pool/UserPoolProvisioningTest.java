package dev.gatehouse.identity.pool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.auth.api.MasterKey;
import dev.gatehouse.auth.iam.config.IamConfig;
import dev.gatehouse.identity.SmtpTestResource;
import dev.gatehouse.identity.pool.config.IdentityConfig;
import dev.gatehouse.identity.token.SigningKeys;
import dev.gatehouse.identity.user.UserKeys;
import dev.gatehouse.testing.RedisTestResource;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.Base64;
import java.util.List;
import java.util.Map;
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
    @Inject ResourceServers resourceServers;
    @Inject IamConfig iam;
    @Inject MasterKey masterKey;

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
        UserPool again = new UserPoolProvisioner().pool(redis, config, masterKey, resourceServers);
        assertThat(again.id()).isEqualTo(pool.id());
        assertThat(again.clientsById().keySet()).isEqualTo(pool.clientsById().keySet());
        assertThat(again.simulationSecret()).isEqualTo(pool.simulationSecret());

        SigningKeys.Pair reloaded = new SigningKeys().keys(redis, again, masterKey);
        assertThat(reloaded.id().kid()).isEqualTo(keys.id().kid());
        assertThat(reloaded.access().kid()).isEqualTo(keys.access().kid());
        assertThat(keys.id().kid()).isNotEqualTo(keys.access().kid());
    }

    @Test
    void signingKeysAreSealedAtRest() {
        String key = new UserKeys(pool.id()).signingKeys();
        Map<String, String> stored = redis.hash(String.class).hgetall(key);
        assertThat(stored.keySet()).containsExactlyInAnyOrder("id.sealed", "access.sealed");
        String privateKey =
                Base64.getEncoder().encodeToString(keys.id().pair().getPrivate().getEncoded());
        assertThat(stored.values()).noneMatch(v -> v.contains(privateKey.substring(0, 40)));

        MasterKey otherMasterKey =
                MasterKey.fromBase64(Base64.getEncoder().encodeToString(new byte[32]));
        assertThatThrownBy(() -> new SigningKeys().keys(redis, pool, otherMasterKey))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("sealed under another master key")
                .hasMessageNotContaining(iam.masterKey().orElseThrow());
        assertThatThrownBy(() -> MasterKey.fromBase64(null))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("GATEHOUSE_IAM_MASTER_KEY");
    }

    @Test
    void keysStoredInTheClearBeforeAreSealedAndKept() {
        UserPool legacy =
                new UserPool(
                        "us-east-1_Legacy0001",
                        "http://localhost/us-east-1_Legacy0001",
                        Map.of(),
                        List.of(),
                        pool.passwordPolicy(),
                        new byte[32]);
        String key = new UserKeys(legacy.id()).signingKeys();
        String idKey =
                Base64.getEncoder().encodeToString(keys.id().pair().getPrivate().getEncoded());
        String accessKey =
                Base64.getEncoder().encodeToString(keys.access().pair().getPrivate().getEncoded());
        redis.hash(String.class).hset(key, Map.of("id", idKey, "access", accessKey));

        SigningKeys.Pair migrated = new SigningKeys().keys(redis, legacy, masterKey);
        assertThat(migrated.id().kid()).isEqualTo(keys.id().kid());
        assertThat(migrated.access().kid()).isEqualTo(keys.access().kid());
        assertThat(redis.hash(String.class).hgetall(key).keySet())
                .containsExactlyInAnyOrder("id.sealed", "access.sealed");
    }
}
