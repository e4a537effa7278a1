package dev.gatehouse.identity.identitypool;

import static dev.gatehouse.identity.identitypool.IdentityPoolClients.POOL;
import static dev.gatehouse.identity.identitypool.OutsideProviderResource.DEV_POOL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.identity.SmtpTestResource;
import dev.gatehouse.identity.TestUsers;
import dev.gatehouse.identity.pool.UserPool;
import dev.gatehouse.testing.RedisTestResource;
import dev.gatehouse.testing.TestUserPool;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URL;
import java.util.Map;
import java.util.UUID;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentity.CognitoIdentityClient;
import software.amazon.awssdk.services.cognitoidentity.model.CognitoIdentityException;
import software.amazon.awssdk.services.cognitoidentity.model.IdentityDescription;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UsernameExistsException;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.Credentials;

/**
 * Identities are merged as AWS merges them: a GetId whose logins belong to two identities merges
 * them into the older one, which keeps every login; MergeDeveloperIdentities merges the source
 * user's identity into the destination user's. The merged-away identity is disabled: its id gets no
 * credentials ("Access to Identity ... is forbidden."), DescribeIdentity shows it without logins,
 * ListIdentities hides it on request. Driven by the AWS SDK v2 clients.
 */
@QuarkusTest
@WithTestResource(value = RedisTestResource.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
@WithTestResource(value = SmtpTestResource.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
@WithTestResource(
        value = OutsideProviderResource.class,
        scope = TestResourceScope.RESTRICTED_TO_CLASS)
class MergeIdentitiesWithAwsSdkTest {

    @TestHTTPResource("/")
    URL url;

    @Inject UserPool pool;
    @Inject RedisDataSource redis;

    TestUsers users;
    CognitoIdentityClient anonymous;
    String userPoolProvider;

    @BeforeEach
    void clients() {
        users = new TestUsers(url, pool);
        anonymous = IdentityPoolClients.anonymous(url);
        userPoolProvider = "cognito-idp.us-east-1.amazonaws.com/" + pool.id();
    }

    private String idToken(String name) {
        try {
            users.register(name, name + "@example.com", true);
        } catch (UsernameExistsException alreadyThere) {
            // registered by an earlier test of this class
        }
        return users.signIn(name, TestUsers.PASSWORD).idToken();
    }

    private static String outsideToken(String sub) {
        TestUserPool provider = OutsideProviderResource.provider();
        Map<String, Object> claims = provider.idClaims(TestUserPool.WEB_CLIENT);
        claims.put("sub", sub);
        return TestUserPool.sign(provider.idKey(), claims);
    }

    private String getId(Map<String, String> logins) {
        return anonymous.getId(r -> r.identityPoolId(POOL).logins(logins)).identityId();
    }

    /** The pool operator's client: a role session from STS AssumeRole (cognito-identity:*). */
    private CognitoIdentityClient operator() {
        StsClient sts =
                StsClient.builder()
                        .endpointOverride(URI.create(url.toString()))
                        .region(Region.US_EAST_1)
                        .credentialsProvider(
                                StaticCredentialsProvider.create(
                                        AwsBasicCredentials.create(
                                                "AKIAIDENTITYASSUMER2",
                                                "IdentityServiceTestAssumerSecret00000000")))
                        .httpClient(UrlConnectionHttpClient.create())
                        .build();
        Credentials session =
                sts.assumeRole(
                                r ->
                                        r.roleArn("arn:aws:iam::123456789012:role/app-operator")
                                                .roleSessionName("merger"))
                        .credentials();
        return IdentityPoolClients.signedAs(
                url,
                StaticCredentialsProvider.create(
                        AwsSessionCredentials.create(
                                session.accessKeyId(),
                                session.secretAccessKey(),
                                session.sessionToken())));
    }

    @Test
    void getIdWithLoginsOfTwoIdentitiesMergesThemIntoTheOlder() {
        String userPoolToken = idToken("merle");
        String outside = outsideToken("merle-" + UUID.randomUUID());
        String older = getId(Map.of(userPoolProvider, userPoolToken));
        String younger = getId(Map.of(OutsideProviderResource.host(), outside));
        assertThat(younger).isNotEqualTo(older);

        String merged =
                getId(
                        Map.of(
                                OutsideProviderResource.host(),
                                outside,
                                userPoolProvider,
                                userPoolToken));

        assertThat(merged).isEqualTo(older);
        assertThat(getId(Map.of(OutsideProviderResource.host(), outside)))
                .as("the younger identity's login now belongs to the survivor")
                .isEqualTo(older);
        assertThat(
                        anonymous
                                .getCredentialsForIdentity(
                                        r ->
                                                r.identityId(older)
                                                        .logins(
                                                                Map.of(
                                                                        OutsideProviderResource
                                                                                .host(),
                                                                        outside)))
                                .credentials()
                                .accessKeyId())
                .startsWith("ASIA");
        assertAwsError(
                () ->
                        anonymous.getCredentialsForIdentity(
                                r ->
                                        r.identityId(younger)
                                                .logins(
                                                        Map.of(
                                                                OutsideProviderResource.host(),
                                                                outside))),
                "NotAuthorizedException",
                "Access to Identity '" + younger + "' is forbidden.");

        CognitoIdentityClient operator = operator();
        var survivor = operator.describeIdentity(r -> r.identityId(older));
        assertThat(survivor.logins())
                .containsExactlyInAnyOrder(userPoolProvider, OutsideProviderResource.host());
        assertThat(operator.describeIdentity(r -> r.identityId(younger)).logins()).isEmpty();
        assertThat(operator.listIdentities(r -> r.identityPoolId(POOL).maxResults(60)).identities())
                .extracting(IdentityDescription::identityId)
                .contains(older, younger);
        assertThat(
                        operator.listIdentities(
                                        r ->
                                                r.identityPoolId(POOL)
                                                        .maxResults(60)
                                                        .hideDisabled(true))
                                .identities())
                .extracting(IdentityDescription::identityId)
                .contains(older)
                .doesNotContain(younger);
    }

    @Test
    void twoUsersOfOneProviderAreNeverMerged() {
        String first = getId(Map.of(userPoolProvider, idToken("pierre")));
        String outsider = "paul-" + UUID.randomUUID();
        String second =
                getId(
                        Map.of(
                                userPoolProvider,
                                idToken("paul"),
                                OutsideProviderResource.host(),
                                outsideToken(outsider)));
        assertThat(second).isNotEqualTo(first);

        // pierre's identity and paul's would end up with two user-pool users.
        assertAwsError(
                () ->
                        getId(
                                Map.of(
                                        userPoolProvider,
                                        idToken("pierre"),
                                        OutsideProviderResource.host(),
                                        outsideToken(outsider))),
                "ResourceConflictException",
                "The identities to merge are linked to different users of the same provider.");
        assertThat(getId(Map.of(userPoolProvider, idToken("pierre")))).isEqualTo(first);
        assertThat(getId(Map.of(OutsideProviderResource.host(), outsideToken(outsider))))
                .isEqualTo(second);
    }

    @Test
    void mergeDeveloperIdentitiesKeepsTheDestinationsId() {
        CognitoIdentityClient operator = operator();
        String provider = "login.gatehouse.example";
        String source = "source-" + UUID.randomUUID();
        String destination = "destination-" + UUID.randomUUID();
        String sourceId = developerIdentity(operator, provider, source);
        String destinationId = developerIdentity(operator, provider, destination);
        assertThat(sourceId).isNotEqualTo(destinationId);

        String merged =
                operator.mergeDeveloperIdentities(
                                r ->
                                        r.identityPoolId(DEV_POOL)
                                                .developerProviderName(provider)
                                                .sourceUserIdentifier(source)
                                                .destinationUserIdentifier(destination))
                        .identityId();

        assertThat(merged).isEqualTo(destinationId);
        assertThat(developerIdentity(operator, provider, source)).isEqualTo(destinationId);
        assertThat(operator.describeIdentity(r -> r.identityId(destinationId)).logins())
                .containsExactly(provider, provider);
        assertAwsError(
                () ->
                        operator.mergeDeveloperIdentities(
                                r ->
                                        r.identityPoolId(DEV_POOL)
                                                .developerProviderName(provider)
                                                .sourceUserIdentifier("nobody-" + UUID.randomUUID())
                                                .destinationUserIdentifier(destination)),
                "ResourceNotFoundException",
                "");
        assertAwsError(
                () ->
                        IdentityPoolClients.signedAs(
                                        url,
                                        StaticCredentialsProvider.create(
                                                AwsBasicCredentials.create(
                                                        "AKIAIDENTITYPOOLADMN",
                                                        "IdentityServiceTestPoolAdminSecret000000")))
                                .mergeDeveloperIdentities(
                                        r ->
                                                r.identityPoolId(DEV_POOL)
                                                        .developerProviderName(provider)
                                                        .sourceUserIdentifier(source)
                                                        .destinationUserIdentifier(destination)),
                "AccessDeniedException",
                "User: arn:aws:iam::123456789012:user/pool-admin is not authorized to perform:"
                        + " cognito-identity:MergeDeveloperIdentities");
    }

    private static String developerIdentity(
            CognitoIdentityClient operator, String provider, String user) {
        return operator.getOpenIdTokenForDeveloperIdentity(
                        r -> r.identityPoolId(DEV_POOL).logins(Map.of(provider, user)))
                .identityId();
    }

    @Test
    void everyKeyOfAMergeSharesThePoolsHashTag() {
        String token = idToken("tagged");
        String id = getId(Map.of(userPoolProvider, token));
        assertThat(redis.key().keys("gatehouse:identitypool:*" + id + "*"))
                .isNotEmpty()
                .allMatch(key -> key.startsWith("gatehouse:identitypool:{" + POOL + "}:"));
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
