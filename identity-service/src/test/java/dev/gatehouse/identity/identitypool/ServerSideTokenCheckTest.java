package dev.gatehouse.identity.identitypool;

import static dev.gatehouse.identity.identitypool.IdentityPoolClients.POOL;
import static dev.gatehouse.identity.identitypool.ServerSideCheckedPoolResource.CHECKED_POOL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.identity.CognitoClients;
import dev.gatehouse.identity.SmtpTestResource;
import dev.gatehouse.identity.TestUsers;
import dev.gatehouse.identity.pool.UserPool;
import dev.gatehouse.identity.user.User;
import dev.gatehouse.identity.user.UserStore;
import dev.gatehouse.testing.RedisTestResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.cognitoidentity.CognitoIdentityClient;
import software.amazon.awssdk.services.cognitoidentity.model.CognitoIdentityException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthenticationResultType;

/**
 * {@code ServerSideTokenCheck}: where a pool's provider entry sets it, a user-pool ID token is
 * refused once the user pool no longer stands behind it (global sign-out, RevokeToken, a disabled
 * or deleted user); where it is not set, the same token still works until it expires. Driven by the
 * AWS SDK v2 clients of both APIs.
 */
@QuarkusTest
@WithTestResource(value = RedisTestResource.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
@WithTestResource(value = SmtpTestResource.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
@WithTestResource(
        value = ServerSideCheckedPoolResource.class,
        scope = TestResourceScope.RESTRICTED_TO_CLASS)
class ServerSideTokenCheckTest {

    static final String REVOKED = "Invalid login token. Token has been revoked.";

    @TestHTTPResource("/")
    URL url;

    @Inject UserPool pool;
    @Inject UserStore userStore;

    TestUsers users;
    CognitoIdentityClient identity;
    String provider;

    @BeforeEach
    void clients() {
        users = new TestUsers(url, pool);
        identity = IdentityPoolClients.signedAs(url, AnonymousCredentialsProvider.create());
        provider = "cognito-idp.us-east-1.amazonaws.com/" + pool.id();
    }

    private AuthenticationResultType signIn(String name) {
        users.register(name, name + "@example.com", true);
        return users.signIn(name, TestUsers.PASSWORD);
    }

    /** GetId then GetCredentialsForIdentity in {@code poolId} with this ID token. */
    private String credentials(String poolId, String idToken) {
        Map<String, String> logins = Map.of(provider, idToken);
        String id = identity.getId(r -> r.identityPoolId(poolId).logins(logins)).identityId();
        return identity.getCredentialsForIdentity(r -> r.identityId(id).logins(logins))
                .credentials()
                .accessKeyId();
    }

    private void assertRevoked(String poolId, String idToken) {
        assertThatThrownBy(() -> credentials(poolId, idToken))
                .isInstanceOf(CognitoIdentityException.class)
                .satisfies(
                        e -> {
                            var details = ((CognitoIdentityException) e).awsErrorDetails();
                            assertThat(details.errorCode()).isEqualTo("NotAuthorizedException");
                            assertThat(details.errorMessage()).isEqualTo(REVOKED);
                        });
    }

    @Test
    void aGloballySignedOutUsersTokenIsRefusedOnlyWhereChecked() throws Exception {
        AuthenticationResultType signedIn = signIn("gloria");
        assertThat(credentials(CHECKED_POOL, signedIn.idToken())).startsWith("ASIA");

        users.cognito().globalSignOut(r -> r.accessToken(signedIn.accessToken()));

        assertRevoked(CHECKED_POOL, signedIn.idToken());
        assertThat(credentials(POOL, signedIn.idToken()))
                .as("without ServerSideTokenCheck the token is not checked")
                .startsWith("ASIA");
        Thread.sleep(1_100); // GlobalSignOut revokes the tokens issued up to its second
        assertThat(credentials(CHECKED_POOL, users.signIn("gloria", TestUsers.PASSWORD).idToken()))
                .as("a new sign-in works again")
                .startsWith("ASIA");
    }

    @Test
    void aRevokedSignInsTokenIsRefusedOnlyWhereChecked() {
        AuthenticationResultType signedIn = signIn("rocco");
        users.cognito()
                .revokeToken(
                        r -> r.clientId(users.client("tester")).token(signedIn.refreshToken()));

        assertRevoked(CHECKED_POOL, signedIn.idToken());
        assertThat(credentials(POOL, signedIn.idToken())).startsWith("ASIA");
    }

    @Test
    void aDeletedOrDisabledUsersTokenIsRefusedOnlyWhereChecked() {
        AuthenticationResultType deleted = signIn("dora");
        CognitoClients.signedAs(
                        url, "AKIAIDENTITYTESTADMN", "IdentityServiceTestAdminSecret0000000000")
                .adminDeleteUser(r -> r.userPoolId(pool.id()).username("dora"));
        assertRevoked(CHECKED_POOL, deleted.idToken());
        assertThat(credentials(POOL, deleted.idToken())).startsWith("ASIA");

        AuthenticationResultType disabled = signIn("dino");
        User user = userStore.byUsername("dino").orElseThrow();
        userStore.save(
                new User(
                        user.username(),
                        user.sub(),
                        user.status(),
                        false,
                        user.salt(),
                        user.verifier(),
                        user.attributes(),
                        user.createdAt(),
                        user.modifiedAt(),
                        user.tokensValidAfter(),
                        user.passwordSetAt()));
        assertRevoked(CHECKED_POOL, disabled.idToken());
        assertThat(credentials(POOL, disabled.idToken())).startsWith("ASIA");
    }

    @Test
    void describeIdentityPoolReportsTheFlag() {
        var described =
                IdentityPoolClients.signedAs(
                                url,
                                StaticCredentialsProvider.create(
                                        AwsBasicCredentials.create(
                                                "AKIAIDENTITYPOOLADMN",
                                                "IdentityServiceTestPoolAdminSecret000000")))
                        .describeIdentityPool(r -> r.identityPoolId(CHECKED_POOL));
        assertThat(described.cognitoIdentityProviders())
                .singleElement()
                .satisfies(p -> assertThat(p.serverSideTokenCheck()).isTrue());
    }
}
