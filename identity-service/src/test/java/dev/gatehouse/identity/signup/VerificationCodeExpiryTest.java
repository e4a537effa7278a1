package dev.gatehouse.identity.signup;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.identity.SmtpTestResource;
import dev.gatehouse.identity.TestClock;
import dev.gatehouse.identity.TestUsers;
import dev.gatehouse.identity.pool.UserPool;
import dev.gatehouse.testing.RedisTestResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ExpiredCodeException;

/**
 * A code expires on the service's clock (24 h for sign-up, 1 h for a reset), not only when Redis
 * drops its key: moved forward by the test clock, a mailed code is refused as expired, no waiting.
 */
@QuarkusTest
@WithTestResource(value = RedisTestResource.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
@WithTestResource(value = SmtpTestResource.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
class VerificationCodeExpiryTest {

    @TestHTTPResource("/")
    URL url;

    @Inject UserPool pool;
    @Inject TestClock clock;

    TestUsers users;

    @BeforeEach
    void users() {
        users = new TestUsers(url, pool);
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void aSignUpCodeIsExpiredAfterADay() {
        users.register("otto", "otto@example.com", false);
        String code = SmtpTestResource.lastCodeFor("otto@example.com");
        clock.advance(Duration.ofHours(24));

        assertThatThrownBy(
                        () ->
                                users.cognito()
                                        .confirmSignUp(
                                                r ->
                                                        r.clientId(users.client("web"))
                                                                .username("otto")
                                                                .confirmationCode(code)))
                .isInstanceOf(ExpiredCodeException.class)
                .hasMessageStartingWith("Invalid code provided, please request a code again.");
    }

    @Test
    void aResetCodeIsExpiredAfterAnHour() {
        users.register("rosa", "rosa@example.com", true);
        int seen = SmtpTestResource.messagesTo("rosa@example.com").length;
        users.cognito().forgotPassword(r -> r.clientId(users.client("web")).username("rosa"));
        String code = SmtpTestResource.lastCodeFor("rosa@example.com", seen);
        clock.advance(Duration.ofMinutes(60));

        assertThatThrownBy(
                        () ->
                                users.cognito()
                                        .confirmForgotPassword(
                                                r ->
                                                        r.clientId(users.client("web"))
                                                                .username("rosa")
                                                                .confirmationCode(code)
                                                                .password("Battery-Staple-2")))
                .isInstanceOf(ExpiredCodeException.class);
    }
}
