package dev.gatehouse.identity.sts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.identity.SmtpTestResource;
import dev.gatehouse.identity.TestUsers;
import dev.gatehouse.identity.pool.UserPool;
import dev.gatehouse.testing.RedisTestResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentity.CognitoIdentityClient;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.AssumeRoleResponse;
import software.amazon.awssdk.services.sts.model.AssumeRoleWithWebIdentityResponse;
import software.amazon.awssdk.services.sts.model.Credentials;
import software.amazon.awssdk.services.sts.model.StsException;

/**
 * STS as the AWS SDK for Java v2 calls it (Query protocol, signing name {@code sts}): AssumeRole
 * needs the identity policy and the trust policy, the classic flow turns an identity pool OpenID
 * token into role credentials, and every credential it issues is accepted by the SigV4 verifier
 * (GetCallerIdentity names the assumed role).
 */
@QuarkusTest
@WithTestResource(value = RedisTestResource.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
@WithTestResource(value = SmtpTestResource.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
class StsWithAwsSdkTest {

    static final String POOL = "us-east-1:0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0";
    static final AwsCredentialsProvider ASSUMER =
            StaticCredentialsProvider.create(
                    AwsBasicCredentials.create(
                            "AKIAIDENTITYASSUMER2", "IdentityServiceTestAssumerSecret00000000"));
    static final AwsCredentialsProvider READER =
            StaticCredentialsProvider.create(
                    AwsBasicCredentials.create(
                            "AKIAIDENTITYTESTREAD", "IdentityServiceTestReaderSecret000000000"));

    @TestHTTPResource("/")
    URL url;

    @Inject UserPool pool;

    private StsClient sts(AwsCredentialsProvider credentials) {
        return StsClient.builder()
                .endpointOverride(URI.create(url.toString()))
                .region(Region.US_EAST_1)
                .credentialsProvider(credentials)
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    private static AwsCredentialsProvider session(Credentials c) {
        return StaticCredentialsProvider.create(
                AwsSessionCredentials.create(
                        c.accessKeyId(), c.secretAccessKey(), c.sessionToken()));
    }

    @Test
    void getCallerIdentityNamesTheSigner() {
        var me = sts(ASSUMER).getCallerIdentity();
        assertThat(me.arn()).isEqualTo("arn:aws:iam::123456789012:user/assumer");
        assertThat(me.account()).isEqualTo("123456789012");
        assertThat(me.userId()).startsWith("AIDA");
    }

    @Test
    void assumeRoleNeedsIdentityPolicyAndTrustPolicy() {
        AssumeRoleResponse assumed =
                sts(ASSUMER)
                        .assumeRole(
                                r ->
                                        r.roleArn("arn:aws:iam::123456789012:role/app-operator")
                                                .roleSessionName("deploy-42")
                                                .durationSeconds(900));
        assertThat(assumed.credentials().accessKeyId()).matches("ASIA[A-Z2-7]{16}");
        assertThat(assumed.credentials().expiration())
                .isBetween(Instant.now().plusSeconds(890), Instant.now().plusSeconds(905));
        assertThat(assumed.assumedRoleUser().arn())
                .isEqualTo("arn:aws:sts::123456789012:assumed-role/app-operator/deploy-42");
        assertThat(assumed.assumedRoleUser().assumedRoleId()).matches("AROA[A-Z2-7]{17}:deploy-42");
        assertThat(sts(session(assumed.credentials())).getCallerIdentity().arn())
                .isEqualTo(assumed.assumedRoleUser().arn());

        // The reader's policy does not allow sts:AssumeRole.
        assertStsError(
                () ->
                        sts(READER)
                                .assumeRole(
                                        r ->
                                                r.roleArn(
                                                                "arn:aws:iam::123456789012:role/app-operator")
                                                        .roleSessionName("x1")),
                403,
                "AccessDenied",
                "User: arn:aws:iam::123456789012:user/reader is not authorized to perform:"
                    + " sts:AssumeRole on resource: arn:aws:iam::123456789012:role/app-operator");
        // The assumer's policy allows it, but app-guest's trust policy does not name the assumer.
        assertStsError(
                () ->
                        sts(ASSUMER)
                                .assumeRole(
                                        r ->
                                                r.roleArn(
                                                                "arn:aws:iam::123456789012:role/app-guest")
                                                        .roleSessionName("x1")),
                403,
                "AccessDenied",
                "User: arn:aws:iam::123456789012:user/assumer is not authorized to perform:"
                        + " sts:AssumeRole on resource: arn:aws:iam::123456789012:role/app-guest");
    }

    @Test
    void durationAndSessionNameBounds() {
        String role = "arn:aws:iam::123456789012:role/app-operator";
        assertStsError(
                () ->
                        sts(ASSUMER)
                                .assumeRole(
                                        r ->
                                                r.roleArn(role)
                                                        .roleSessionName("ok")
                                                        .durationSeconds(899)),
                400,
                "ValidationError",
                "1 validation error detected: Value '899' at 'durationSeconds' failed to satisfy"
                        + " constraint: Member must have value greater than or equal to 900");
        assertStsError(
                () ->
                        sts(ASSUMER)
                                .assumeRole(
                                        r ->
                                                r.roleArn(role)
                                                        .roleSessionName("ok")
                                                        .durationSeconds(7200)),
                400,
                "ValidationError",
                "The requested DurationSeconds exceeds the MaxSessionDuration set for this role.");
        assertStsError(
                () -> sts(ASSUMER).assumeRole(r -> r.roleArn(role).roleSessionName("a b")),
                400,
                "ValidationError",
                "1 validation error detected: Value 'a b' at 'roleSessionName'");
    }

    @Test
    void getSessionTokenKeepsTheUserAndRefusesSessionCallers() {
        Credentials token = sts(ASSUMER).getSessionToken(r -> r.durationSeconds(900)).credentials();
        assertThat(sts(session(token)).getCallerIdentity().arn())
                .isEqualTo("arn:aws:iam::123456789012:user/assumer");
        assertStsError(
                () -> sts(session(token)).getSessionToken(),
                403,
                "AccessDenied",
                "Cannot call GetSessionToken with session credentials");
    }

    @Test
    void classicFlowOpenIdTokenBecomesRoleCredentials() {
        TestUsers users = new TestUsers(url, pool);
        users.register("classic", "classic@example.com", true);
        String idToken = users.signIn("classic", TestUsers.PASSWORD).idToken();
        String provider = "cognito-idp.us-east-1.amazonaws.com/" + pool.id();
        CognitoIdentityClient identity =
                CognitoIdentityClient.builder()
                        .endpointOverride(URI.create(url.toString()))
                        .region(Region.US_EAST_1)
                        .credentialsProvider(AnonymousCredentialsProvider.create())
                        .httpClient(UrlConnectionHttpClient.create())
                        .build();
        String id =
                identity.getId(r -> r.identityPoolId(POOL).logins(Map.of(provider, idToken)))
                        .identityId();
        String openId =
                identity.getOpenIdToken(r -> r.identityId(id).logins(Map.of(provider, idToken)))
                        .token();

        StsClient anonymous = sts(AnonymousCredentialsProvider.create());
        AssumeRoleWithWebIdentityResponse assumed =
                anonymous.assumeRoleWithWebIdentity(
                        r ->
                                r.roleArn("arn:aws:iam::123456789012:role/app-authenticated")
                                        .roleSessionName("classic")
                                        .webIdentityToken(openId));
        assertThat(assumed.subjectFromWebIdentityToken()).isEqualTo(id);
        assertThat(assumed.audience()).isEqualTo(POOL);
        assertThat(assumed.credentials().expiration())
                .isBetween(
                        Instant.now().plus(Duration.ofMinutes(59)),
                        Instant.now().plus(Duration.ofMinutes(61)));
        assertThat(sts(session(assumed.credentials())).getCallerIdentity().arn())
                .isEqualTo("arn:aws:sts::123456789012:assumed-role/app-authenticated/classic");

        // The guest role trusts only unauthenticated identities.
        assertStsError(
                () ->
                        anonymous.assumeRoleWithWebIdentity(
                                r ->
                                        r.roleArn("arn:aws:iam::123456789012:role/app-guest")
                                                .roleSessionName("classic")
                                                .webIdentityToken(openId)),
                403,
                "AccessDenied",
                "Not authorized to perform sts:AssumeRoleWithWebIdentity");
        // A user-pool ID token is from a provider STS was not told about.
        assertStsError(
                () ->
                        anonymous.assumeRoleWithWebIdentity(
                                r ->
                                        r.roleArn(
                                                        "arn:aws:iam::123456789012:role/app-authenticated")
                                                .roleSessionName("classic")
                                                .webIdentityToken(idToken)),
                400,
                "InvalidIdentityToken",
                "No OpenIDConnect provider found in your account for");
    }

    @Test
    void unsignedAndUnknownCallersGetStsErrors() {
        assertStsError(
                () -> sts(AnonymousCredentialsProvider.create()).getCallerIdentity(),
                403,
                "MissingAuthenticationToken",
                "Request is missing Authentication Token");
        assertStsError(
                () ->
                        sts(StaticCredentialsProvider.create(
                                        AwsBasicCredentials.create(
                                                "AKIAUNKNOWNUNKNOWN22", "x".repeat(40))))
                                .getCallerIdentity(),
                403,
                "InvalidClientTokenId",
                "The security token included in the request is invalid.");
    }

    private static void assertStsError(
            ThrowingCallable call, int status, String code, String message) {
        assertThatThrownBy(call)
                .isInstanceOf(StsException.class)
                .satisfies(
                        e -> {
                            StsException aws = (StsException) e;
                            assertThat(aws.statusCode()).isEqualTo(status);
                            assertThat(aws.awsErrorDetails().errorCode()).isEqualTo(code);
                            assertThat(aws.awsErrorDetails().errorMessage()).startsWith(message);
                        });
    }
}
