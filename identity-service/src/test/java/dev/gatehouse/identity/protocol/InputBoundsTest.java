package dev.gatehouse.identity.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.identity.SmtpTestResource;
import dev.gatehouse.identity.TestUsers;
import dev.gatehouse.identity.pool.UserPool;
import dev.gatehouse.identity.srp.Srp;
import dev.gatehouse.identity.user.UserKeys;
import dev.gatehouse.testing.RedisTestResource;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InvalidParameterException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.SignUpResponse;

/**
 * Nothing an anonymous caller sends is kept beyond AWS's bounds: members, attributes and {@code
 * SRP_A} past the model's lengths are refused before anything is stored, a sign-up never confirmed
 * expires, and codes are kept only as HMACs. Driven by the AWS SDK v2 against real Redis.
 */
@QuarkusTest
@WithTestResource(value = RedisTestResource.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
@WithTestResource(value = SmtpTestResource.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
class InputBoundsTest {

    @TestHTTPResource("/")
    URL url;

    @Inject UserPool pool;
    @Inject RedisDataSource redis;

    TestUsers users;
    UserKeys keys;

    @BeforeEach
    void users() {
        users = new TestUsers(url, pool);
        keys = new UserKeys(pool.id());
    }

    private CognitoIdentityProviderClient cognito() {
        return users.cognito();
    }

    private SignUpResponse signUp(String username, String givenName) {
        return cognito()
                .signUp(
                        r ->
                                r.clientId(users.client("web"))
                                        .username(username)
                                        .password(TestUsers.PASSWORD)
                                        .userAttributes(
                                                TestUsers.attribute(
                                                        "email", username + "@example.com"),
                                                TestUsers.attribute("given_name", givenName),
                                                TestUsers.attribute("family_name", "F")));
    }

    /** Keys in Redis besides the request-quota buckets (which every request touches). */
    private long keyCount() {
        return redis.key().keys("*").stream().filter(key -> !key.contains(":quota:")).count();
    }

    @Test
    void attributeValuesPastTheModelsBoundAreRefusedAndNothingIsStored() {
        long before = keyCount();
        assertThatThrownBy(() -> signUp("ada", "a".repeat(60_000)))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageStartingWith(
                        "1 validation error detected: Value at 'userAttributes.2.member.value'"
                                + " failed to satisfy constraint: Member must have length less"
                                + " than or equal to 2048");
        assertThatThrownBy(() -> signUp("ada", "a".repeat(2049)))
                .isInstanceOf(InvalidParameterException.class);
        assertThat(keyCount()).isEqualTo(before);
        assertThat(redis.key().exists(keys.user("ada"))).isFalse();

        assertThat(signUp("ada", "a".repeat(2048)).userConfirmed()).isFalse();
    }

    @Test
    void overlongMembersAreRefusedWithoutBeingEchoed() {
        String longName = "n".repeat(129);
        assertThatThrownBy(
                        () ->
                                cognito()
                                        .forgotPassword(
                                                r ->
                                                        r.clientId(users.client("web"))
                                                                .username(longName)))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageStartingWith(
                        "1 validation error detected: Value at 'username' failed to satisfy"
                                + " constraint: Member must have length less than or equal to"
                                + " 128")
                .hasMessageNotContaining(longName);
        assertThatThrownBy(
                        () ->
                                cognito()
                                        .forgotPassword(
                                                r -> r.clientId("c".repeat(129)).username("ada")))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("'clientId'");
        assertThatThrownBy(
                        () ->
                                cognito()
                                        .confirmSignUp(
                                                r ->
                                                        r.clientId(users.client("web"))
                                                                .username("ada")
                                                                .confirmationCode(
                                                                        "1".repeat(2049))))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("'confirmationCode'");
    }

    private void srpStart(String name, String clientPublic) {
        cognito()
                .initiateAuth(
                        r ->
                                r.clientId(users.client("web"))
                                        .authFlow(AuthFlowType.USER_SRP_AUTH)
                                        .authParameters(
                                                Map.of("USERNAME", name, "SRP_A", clientPublic)));
    }

    @Test
    void srpAPastTheGroupIsRefusedAndNotKept() {
        long before = keyCount();
        for (String clientPublic :
                new String[] {"f".repeat(60_000), "0".repeat(60_000) + "2", Srp.N.toString(16)}) {
            assertThatThrownBy(() -> srpStart("ghost", clientPublic))
                    .isInstanceOf(InvalidParameterException.class)
                    .hasMessageStartingWith("Invalid SRP_A");
        }
        assertThatThrownBy(() -> srpStart("u".repeat(129), "2"))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("USERNAME");
        assertThat(keyCount()).isEqualTo(before);
    }

    @Test
    void unconfirmedUsersExpireAndConfirmedOnesStay() {
        String sub = signUp("cora", "Cora").userSub();
        long validity = Duration.ofDays(7).toMillis();
        for (String key : new String[] {keys.user("cora"), keys.sub(sub)}) {
            assertThat(redis.key().pttl(key)).isBetween(validity - 60_000, validity);
        }
        users.cognito()
                .confirmSignUp(
                        r ->
                                r.clientId(users.client("web"))
                                        .username("cora")
                                        .confirmationCode(
                                                SmtpTestResource.lastCodeFor("cora@example.com")));
        for (String key : new String[] {keys.user("cora"), keys.sub(sub)}) {
            assertThat(redis.key().pttl(key)).isEqualTo(-1);
        }
    }

    @Test
    void codesAreKeptOnlyAsKeyedHashes() {
        signUp("dora", "Dora");
        String mailed = SmtpTestResource.lastCodeFor("dora@example.com");
        String stored = redis.value(String.class).get(keys.code("signup", "dora"));
        // The keyed hash of the code, then when it expires (epoch seconds): never the code itself.
        assertThat(stored).matches("[0-9a-f]{64};[0-9]+");
        assertThat(stored.substring(0, 64)).doesNotContain(mailed);
        users.cognito()
                .confirmSignUp(
                        r ->
                                r.clientId(users.client("web"))
                                        .username("dora")
                                        .confirmationCode(mailed));
        assertThat(redis.key().exists(keys.code("signup", "dora"))).isFalse();
    }
}
