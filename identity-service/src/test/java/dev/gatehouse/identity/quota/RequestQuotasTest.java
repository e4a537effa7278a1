package dev.gatehouse.identity.quota;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.identity.SmtpTestResource;
import dev.gatehouse.identity.TestUsers;
import dev.gatehouse.identity.pool.UserPool;
import dev.gatehouse.identity.user.UserKeys;
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
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.core.retry.RetryPolicy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CognitoIdentityProviderException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.TooManyRequestsException;

/**
 * Per-category request quotas, counted in Redis: past the category's rate in a second, {@code
 * TooManyRequestsException: Rate exceeded}, which the AWS SDK v2 knows as throttling; other
 * categories are unaffected, and the bucket refills within a second.
 */
@QuarkusTest
@TestProfile(RequestQuotasTest.LowQuotas.class)
@WithTestResource(value = RedisTestResource.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
@WithTestResource(value = SmtpTestResource.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
class RequestQuotasTest {

    /** Three account-recovery requests per second. */
    public static class LowQuotas implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("gatehouse.identity.request-quotas.user-account-recovery", "3");
        }
    }

    @TestHTTPResource("/")
    URL url;

    @Inject UserPool pool;
    @Inject RedisDataSource redis;

    /** The SDK retries throttling by default; this one shows every answer. */
    private CognitoIdentityProviderClient cognito() {
        return CognitoIdentityProviderClient.builder()
                .endpointOverride(URI.create(url.toString()))
                .region(Region.US_EAST_1)
                .credentialsProvider(AnonymousCredentialsProvider.create())
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(c -> c.retryPolicy(RetryPolicy.none()))
                .build();
    }

    private String forgot(CognitoIdentityProviderClient cognito, String name) {
        String client = new TestUsers(url, pool).client("web");
        try {
            cognito.forgotPassword(r -> r.clientId(client).username(name));
            return "OK";
        } catch (TooManyRequestsException e) {
            assertThat(e.isThrottlingException()).isTrue();
            assertThat(e.statusCode()).isEqualTo(400);
            return e.awsErrorDetails().errorCode() + ": " + e.awsErrorDetails().errorMessage();
        } catch (CognitoIdentityProviderException e) {
            return e.awsErrorDetails().errorCode();
        }
    }

    @Test
    void aCategoryPastItsRateAnswersTooManyRequests() throws InterruptedException {
        CognitoIdentityProviderClient cognito = cognito();
        forgot(cognito, "warm-up"); // the first connection costs more than the bucket refills
        Thread.sleep(1100);
        List<String> answers = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            answers.add(forgot(cognito, "name" + i));
        }
        assertThat(answers.subList(0, 3)).containsOnly("OK");
        assertThat(answers).contains("TooManyRequestsException: Rate exceeded");

        // Another category has its own bucket.
        String web = new TestUsers(url, pool).client("web");
        assertThat(
                        cognito.signUp(
                                        r ->
                                                r.clientId(web)
                                                        .username("quinn")
                                                        .password(TestUsers.PASSWORD)
                                                        .userAttributes(
                                                                TestUsers.attribute(
                                                                        "email",
                                                                        "quinn@example.com"),
                                                                TestUsers.attribute(
                                                                        "given_name", "Q"),
                                                                TestUsers.attribute(
                                                                        "family_name", "Q")))
                                .userSub())
                .isNotBlank();

        String bucket = new UserKeys(pool.id()).requestQuota("UserAccountRecovery");
        assertThat(redis.key().pttl(bucket)).isBetween(1L, 2000L);

        Thread.sleep(1100);
        assertThat(forgot(cognito, "later")).isEqualTo("OK");
    }
}
