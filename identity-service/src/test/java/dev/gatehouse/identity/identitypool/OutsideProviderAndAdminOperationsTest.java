package dev.gatehouse.identity.identitypool;

import static dev.gatehouse.identity.identitypool.IdentityPoolClients.POOL;
import static dev.gatehouse.identity.identitypool.OutsideProviderResource.DEV_POOL;
import static dev.gatehouse.identity.identitypool.OutsideProviderResource.MAPPED_POOL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.identity.SmtpTestResource;
import dev.gatehouse.testing.RedisTestResource;
import dev.gatehouse.testing.TestUserPool;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.util.Map;
import java.util.UUID;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.cognitoidentity.CognitoIdentityClient;
import software.amazon.awssdk.services.cognitoidentity.model.CognitoIdentityException;
import software.amazon.awssdk.services.cognitoidentity.model.RoleMappingType;

/**
 * An outside OIDC provider (its own keys and JWKS) as a login, role mappings by rules and by token
 * (with Deny), and the SigV4-signed admin operations, through the AWS SDK v2 client.
 */
@QuarkusTest
@WithTestResource(value = RedisTestResource.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
@WithTestResource(value = SmtpTestResource.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
@WithTestResource(
        value = OutsideProviderResource.class,
        scope = TestResourceScope.RESTRICTED_TO_CLASS)
class OutsideProviderAndAdminOperationsTest {

    @TestHTTPResource("/")
    URL url;

    @Inject RedisDataSource redis;

    CognitoIdentityClient anonymous() {
        return IdentityPoolClients.anonymous(url);
    }

    CognitoIdentityClient admin() {
        return IdentityPoolClients.signedAs(
                url,
                StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(
                                "AKIAIDENTITYPOOLADMN",
                                "IdentityServiceTestPoolAdminSecret000000")));
    }

    private static String token(Map<String, Object> changes) {
        TestUserPool provider = OutsideProviderResource.provider();
        Map<String, Object> claims = provider.idClaims(TestUserPool.WEB_CLIENT);
        claims.putAll(changes);
        return TestUserPool.sign(provider.idKey(), claims);
    }

    private String roleOf(String pool, String token) {
        Map<String, String> logins = Map.of(OutsideProviderResource.host(), token);
        String id = anonymous().getId(r -> r.identityPoolId(pool).logins(logins)).identityId();
        String key =
                anonymous()
                        .getCredentialsForIdentity(r -> r.identityId(id).logins(logins))
                        .credentials()
                        .accessKeyId();
        String arn = redis.hash(String.class).hget("gatehouse:iam:{" + key + "}", "arn");
        return arn.substring(arn.indexOf("assumed-role/") + 13, arn.lastIndexOf('/'));
    }

    @Test
    void outsideProviderLoginsAreMappedByRules() {
        assertThat(roleOf(POOL, token(Map.of("sub", UUID.randomUUID().toString()))))
                .as("no rule matches: the authenticated role")
                .isEqualTo("app-authenticated");
        assertThat(
                        roleOf(
                                POOL,
                                token(
                                        Map.of(
                                                "sub",
                                                UUID.randomUUID().toString(),
                                                "email",
                                                "vip@example.com"))))
                .isEqualTo("app-premium");
    }

    @Test
    void tokenMappingUsesPreferredRoleAndDeniesWhenAmbiguous() {
        assertThat(
                        roleOf(
                                MAPPED_POOL,
                                token(
                                        Map.of(
                                                "sub",
                                                UUID.randomUUID().toString(),
                                                "cognito:preferred_role",
                                                "arn:aws:iam::123456789012:role/app-premium"))))
                .isEqualTo("app-premium");
        Map<String, String> logins =
                Map.of(OutsideProviderResource.host(), token(Map.of("sub", "no-role-user")));
        String id =
                anonymous().getId(r -> r.identityPoolId(MAPPED_POOL).logins(logins)).identityId();
        assertAwsError(
                () -> anonymous().getCredentialsForIdentity(r -> r.identityId(id).logins(logins)),
                "NotAuthorizedException",
                "The ambiguous role mapping rules for: "
                        + OutsideProviderResource.host()
                        + " denied this request.");
    }

    @Test
    void outsideTokensAreVerifiedAgainstTheProvidersKeys() {
        String host = OutsideProviderResource.host();
        TestUserPool provider = OutsideProviderResource.provider();
        String forged =
                TestUserPool.sign(
                        TestUserPool.newKey(), provider.idClaims(TestUserPool.WEB_CLIENT));
        assertAwsError(
                () -> anonymous().getId(r -> r.identityPoolId(POOL).logins(Map.of(host, forged))),
                "NotAuthorizedException",
                "Invalid login token. Couldn't verify signed token.");
        String wrongAudience =
                TestUserPool.sign(provider.idKey(), provider.idClaims(TestUserPool.OTHER_CLIENT));
        assertAwsError(
                () ->
                        anonymous()
                                .getId(
                                        r ->
                                                r.identityPoolId(POOL)
                                                        .logins(Map.of(host, wrongAudience))),
                "NotAuthorizedException",
                "Invalid login token. Incorrect token audience.");
        String expired = token(Map.of("exp", 1_000_000_000L));
        assertAwsError(
                () -> anonymous().getId(r -> r.identityPoolId(POOL).logins(Map.of(host, expired))),
                "NotAuthorizedException",
                "Invalid login token. Token expired: ");
    }

    @Test
    void adminOperationsNeedSignatureAndPolicy() {
        var described = admin().describeIdentityPool(r -> r.identityPoolId(POOL));
        assertThat(described.allowUnauthenticatedIdentities()).isTrue();
        assertThat(described.openIdConnectProviderARNs())
                .containsExactly(
                        "arn:aws:iam::123456789012:oidc-provider/"
                                + OutsideProviderResource.host());
        var roles = admin().getIdentityPoolRoles(r -> r.identityPoolId(POOL));
        assertThat(roles.roles())
                .containsEntry("authenticated", "arn:aws:iam::123456789012:role/app-authenticated");
        assertThat(roles.roleMappings().get(OutsideProviderResource.host()).type())
                .isEqualTo(RoleMappingType.RULES);

        String id =
                anonymous()
                        .getId(
                                r ->
                                        r.identityPoolId(POOL)
                                                .logins(
                                                        Map.of(
                                                                OutsideProviderResource.host(),
                                                                token(Map.of("sub", "listed")))))
                        .identityId();
        assertThat(admin().describeIdentity(r -> r.identityId(id)).logins())
                .containsExactly(OutsideProviderResource.host());
        assertThat(admin().listIdentities(r -> r.identityPoolId(POOL).maxResults(60)).identities())
                .anySatisfy(i -> assertThat(i.identityId()).isEqualTo(id));

        assertAwsError(
                () -> anonymous().describeIdentityPool(r -> r.identityPoolId(POOL)),
                "MissingAuthenticationTokenException",
                "");
        var developer =
                admin().getOpenIdTokenForDeveloperIdentity(
                                r ->
                                        r.identityPoolId(DEV_POOL)
                                                .logins(
                                                        Map.of(
                                                                "login.gatehouse.example",
                                                                "user-1")));
        assertThat(
                        admin().getOpenIdTokenForDeveloperIdentity(
                                        r ->
                                                r.identityPoolId(DEV_POOL)
                                                        .logins(
                                                                Map.of(
                                                                        "login.gatehouse.example",
                                                                        "user-1")))
                                .identityId())
                .isEqualTo(developer.identityId());
        assertThat(developer.token().split("\\.")).hasSize(3);
        assertAwsError(
                () ->
                        admin().getOpenIdTokenForDeveloperIdentity(
                                        r ->
                                                r.identityPoolId(POOL)
                                                        .logins(
                                                                Map.of(
                                                                        "login.gatehouse.example",
                                                                        "user-1"))),
                "AccessDeniedException",
                "User: arn:aws:iam::123456789012:user/pool-admin is not authorized to perform:"
                        + " cognito-identity:GetOpenIdTokenForDeveloperIdentity");
    }

    private static void assertAwsError(ThrowingCallable call, String type, String message) {
        assertThatThrownBy(call)
                .isInstanceOf(CognitoIdentityException.class)
                .satisfies(
                        e -> {
                            CognitoIdentityException aws = (CognitoIdentityException) e;
                            assertThat(aws.awsErrorDetails().errorCode()).isEqualTo(type);
                            assertThat(aws.awsErrorDetails().errorMessage()).startsWith(message);
                        });
    }
}
