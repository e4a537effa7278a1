package dev.gatehouse.identity.quota;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.identity.SmtpTestResource;
import dev.gatehouse.testing.RedisTestResource;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.retry.RetryPolicy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentity.CognitoIdentityClient;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * The identity pool API's per-operation request quotas ({@code TooManyRequestsException: Rate
 * exceeded}, each operation its own bucket) and STS's ({@code Throttling: Rate exceeded}), both
 * counted in Redis with a TTL and known to the AWS SDK v2 as throttling.
 */
@QuarkusTest
@TestProfile(IdentityPoolAndStsQuotasTest.LowQuotas.class)
@WithTestResource(value = RedisTestResource.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
@WithTestResource(value = SmtpTestResource.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
class IdentityPoolAndStsQuotasTest {

    static final String POOL = "us-east-1:0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0";

    /** One GetId per second, one STS request per second. */
    public static class LowQuotas implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "gatehouse.identity-pools.request-quotas.get-id", "1",
                    "gatehouse.sts.requests-per-second", "1");
        }
    }

    @TestHTTPResource("/")
    URL url;

    @Inject RedisDataSource redis;

    /** The SDKs retry throttling by default; these show every answer. */
    private CognitoIdentityClient identity() {
        return CognitoIdentityClient.builder()
                .endpointOverride(URI.create(url.toString()))
                .region(Region.US_EAST_1)
                .credentialsProvider(AnonymousCredentialsProvider.create())
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(c -> c.retryPolicy(RetryPolicy.none()))
                .build();
    }

    private StsClient sts() {
        return StsClient.builder()
                .endpointOverride(URI.create(url.toString()))
                .region(Region.US_EAST_1)
                .credentialsProvider(
                        StaticCredentialsProvider.create(
                                AwsBasicCredentials.create(
                                        "AKIAIDENTITYTESTADMN",
                                        "IdentityServiceTestAdminSecret0000000000")))
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(c -> c.retryPolicy(RetryPolicy.none()))
                .build();
    }

    /** Twenty calls in a row: at most 1 + elapsed seconds of them can be admitted. */
    private static List<String> twenty(Supplier<String> call) {
        List<String> answers = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            try {
                answers.add(call.get());
            } catch (AwsServiceException e) {
                assertThat(e.isThrottlingException()).as(e.toString()).isTrue();
                assertThat(e.statusCode()).isEqualTo(400);
                answers.add(
                        e.awsErrorDetails().errorCode()
                                + ": "
                                + e.awsErrorDetails().errorMessage());
            }
        }
        return answers;
    }

    @Test
    void getIdPastItsQuotaIsThrottledWhileOtherOperationsAreNot() throws Exception {
        CognitoIdentityClient identity = identity();
        List<String> answers =
                twenty(() -> identity.getId(r -> r.identityPoolId(POOL)).identityId());
        assertThat(answers).contains("TooManyRequestsException: Rate exceeded");
        String guest = answers.get(0);
        assertThat(guest).startsWith("us-east-1:");

        assertThat(
                        identity.getCredentialsForIdentity(r -> r.identityId(guest))
                                .credentials()
                                .accessKeyId())
                .as("GetCredentialsForIdentity has its own quota")
                .startsWith("ASIA");
        assertThat(redis.key().pttl("gatehouse:identitypool:request-quota:{GetId}"))
                .isBetween(1L, 2_000L);

        Thread.sleep(1_100);
        assertThat(identity.getId(r -> r.identityPoolId(POOL)).identityId())
                .as("the bucket refills within a second")
                .startsWith("us-east-1:");
    }

    @Test
    void stsPastItsQuotaAnswersThrottling() throws Exception {
        Thread.sleep(1_100);
        StsClient sts = sts();
        List<String> answers = twenty(() -> sts.getCallerIdentity().arn());
        assertThat(answers.get(0)).isEqualTo("arn:aws:iam::123456789012:user/admin");
        assertThat(answers).contains("Throttling: Rate exceeded");
        assertThat(redis.key().pttl("gatehouse:sts:request-quota:{sts}")).isBetween(1L, 2_000L);
    }
}
