package dev.gatehouse.identity.identitypool;

import static dev.gatehouse.identity.identitypool.IdentityPoolClients.CLOSED_POOL;
import static dev.gatehouse.identity.identitypool.IdentityPoolClients.POOL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.identity.CognitoClients;
import dev.gatehouse.identity.SmtpTestResource;
import dev.gatehouse.identity.TestUsers;
import dev.gatehouse.identity.pool.UserPool;
import dev.gatehouse.testing.RedisTestResource;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentity.CognitoIdentityClient;
import software.amazon.awssdk.services.cognitoidentity.model.CognitoIdentityException;
import software.amazon.awssdk.services.cognitoidentity.model.Credentials;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UsernameExistsException;

/**
 * The enhanced flow as the AWS SDK for Java v2 drives it: a user-pool ID token becomes an identity
 * (always the same one) and temporary credentials stored the way every verifier reads them; every
 * refusal is AWS's error and writes nothing to Redis.
 */
@QuarkusTest
@WithTestResource(value = RedisTestResource.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
@WithTestResource(value = SmtpTestResource.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
class EnhancedFlowWithAwsSdkTest {

    @TestHTTPResource("/")
    URL url;

    @Inject UserPool pool;
    @Inject RedisDataSource redis;

    TestUsers users;
    CognitoIdentityClient identity;
    String provider;

    @BeforeEach
    void clients() {
        users = new TestUsers(url, pool);
        identity = IdentityPoolClients.anonymous(url);
        provider = "cognito-idp.us-east-1.amazonaws.com/" + pool.id();
    }

    private String idToken(String name) {
        try {
            users.register(name, name + "@example.com", true);
        } catch (UsernameExistsException alreadyThere) {
            // registered by an earlier test of this class
        }
        return users.signIn(name, TestUsers.PASSWORD).idToken();
    }

    private String getId(String pool, Map<String, String> logins) {
        return identity.getId(r -> r.identityPoolId(pool).logins(logins)).identityId();
    }

    @Test
    void sameLoginAlwaysMapsToOneIdentityAndGetsOneHourCredentials() {
        String token = idToken("federica");
        String first = getId(POOL, Map.of(provider, token));
        String again = getId(POOL, Map.of(provider, idToken("federica")));
        assertThat(first).matches("us-east-1:[0-9a-f-]{36}").isEqualTo(again);

        Credentials credentials =
                identity.getCredentialsForIdentity(
                                r -> r.identityId(first).logins(Map.of(provider, token)))
                        .credentials();
        assertThat(credentials.accessKeyId()).matches("ASIA[A-Z2-7]{16}");
        assertThat(credentials.secretKey()).hasSize(40);
        assertThat(credentials.sessionToken()).isNotBlank();
        assertThat(credentials.expiration())
                .isBetween(
                        Instant.now().plus(Duration.ofMinutes(59)),
                        Instant.now().plus(Duration.ofMinutes(61)));

        String record = "gatehouse:iam:{" + credentials.accessKeyId() + "}";
        assertThat(redis.hash(String.class).hget(record, "arn"))
                .isEqualTo(
                        "arn:aws:sts::123456789012:assumed-role/app-authenticated/"
                                + "CognitoIdentityCredentials");
        assertThat(redis.hash(String.class).hget(record, "session"))
                .contains(first)
                .contains("authenticated");
        assertThat(redis.key().pttl(record)).isPositive();
        assertThat(redis.key().pttl("gatehouse:identitypool:{" + POOL + "}:identity:" + first))
                .as("identity records are kept, as on AWS")
                .isEqualTo(-1);
    }

    @Test
    void guestsGetIdentitiesOnlyWhereAllowed() {
        String guest = getId(POOL, Map.of());
        Credentials credentials =
                identity.getCredentialsForIdentity(r -> r.identityId(guest)).credentials();
        assertThat(credentials.accessKeyId()).startsWith("ASIA");
        assertThat(
                        redis.hash(String.class)
                                .hget("gatehouse:iam:{" + credentials.accessKeyId() + "}", "arn"))
                .endsWith(":assumed-role/app-guest/CognitoIdentityCredentials");

        assertRefusedWithoutWrites(
                () -> getId(CLOSED_POOL, Map.of()),
                "NotAuthorizedException",
                "Unauthenticated access is not supported for this identity pool.");
    }

    @Test
    void refusalsAreAwsErrorsAndWriteNothing() {
        String token = idToken("refusa");
        String[] parts = token.split("\\.");
        String tampered = parts[0] + "." + parts[1] + "." + parts[2].substring(0, 10) + "AAAA";
        assertRefusedWithoutWrites(
                () -> getId(POOL, Map.of(provider, tampered)),
                "NotAuthorizedException",
                "Invalid login token. Couldn't verify signed token.");
        assertRefusedWithoutWrites(
                () -> getId(POOL, Map.of("accounts.google.com", token)),
                "NotAuthorizedException",
                "Token is not from a supported provider of this identity pool.");
        assertRefusedWithoutWrites(
                () ->
                        getId(
                                "us-east-1:99999999-9999-9999-9999-999999999999",
                                Map.of(provider, token)),
                "ResourceNotFoundException",
                "IdentityPool 'us-east-1:99999999-9999-9999-9999-999999999999' not found.");
        Map<String, String> eleven = new HashMap<>();
        for (int i = 0; i < 11; i++) {
            eleven.put("provider" + i + ".example.com", token);
        }
        assertRefusedWithoutWrites(
                () -> getId(POOL, eleven),
                "InvalidParameterException",
                "1 validation error detected");
        assertRefusedWithoutWrites(
                () -> getId(POOL, Map.of(provider, "x".repeat(50_001))),
                "InvalidParameterException",
                "1 validation error detected");
        // The server client's token is not from a client the closed pool registers.
        String serverToken = serverClientToken("refusa");
        assertRefusedWithoutWrites(
                () -> getId(CLOSED_POOL, Map.of(provider, serverToken)),
                "NotAuthorizedException",
                "Invalid login token. Incorrect token audience.");

        String own = getId(POOL, Map.of(provider, token));
        assertRefusedWithoutWrites(
                () -> identity.getCredentialsForIdentity(r -> r.identityId(own)),
                "NotAuthorizedException",
                "Access to Identity '" + own + "' is forbidden.");
        assertRefusedWithoutWrites(
                () ->
                        identity.getCredentialsForIdentity(
                                r -> r.identityId(own).logins(Map.of(provider, idToken("other")))),
                "NotAuthorizedException",
                "Logins don't match.");
    }

    @Test
    void aRoleThatDoesNotTrustThePoolIsAConfigurationError() {
        String token = idToken("trusty");
        String id = getId(CLOSED_POOL, Map.of(provider, token));
        assertRefusedWithoutWrites(
                () ->
                        identity.getCredentialsForIdentity(
                                r -> r.identityId(id).logins(Map.of(provider, token))),
                "InvalidIdentityPoolConfigurationException",
                "Invalid identity pool configuration. Check assigned IAM roles for this pool.");
    }

    private String serverClientToken(String name) {
        return CognitoClients.signedAs(
                        url, "AKIAIDENTITYTESTADMN", "IdentityServiceTestAdminSecret0000000000")
                .adminInitiateAuth(
                        r ->
                                r.userPoolId(pool.id())
                                        .clientId(users.client("server"))
                                        .authFlow("ADMIN_USER_PASSWORD_AUTH")
                                        .authParameters(
                                                Map.of(
                                                        "USERNAME",
                                                        name,
                                                        "PASSWORD",
                                                        TestUsers.PASSWORD)))
                .authenticationResult()
                .idToken();
    }

    private void assertRefusedWithoutWrites(ThrowingCallable call, String type, String message) {
        List<String> before = keys();
        assertThatThrownBy(call)
                .isInstanceOf(CognitoIdentityException.class)
                .satisfies(
                        e -> {
                            CognitoIdentityException aws = (CognitoIdentityException) e;
                            assertThat(aws.statusCode()).isEqualTo(400);
                            assertThat(aws.awsErrorDetails().errorCode()).isEqualTo(type);
                            assertThat(aws.awsErrorDetails().errorMessage()).startsWith(message);
                        });
        assertThat(keys()).as("keys after a refused call").isEqualTo(before);
    }

    /**
     * Identities, their logins and credentials; not the request quota buckets, which count every
     * request, refused ones too, as AWS's quotas do.
     */
    private List<String> keys() {
        return redis.key().keys("gatehouse:*").stream()
                .filter(
                        k ->
                                k.startsWith("gatehouse:iam:{ASIA")
                                        || (k.startsWith("gatehouse:identitypool:")
                                                && !k.contains(":request-quota:")))
                .sorted()
                .toList();
    }
}
