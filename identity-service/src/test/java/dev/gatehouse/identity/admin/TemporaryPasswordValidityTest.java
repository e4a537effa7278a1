package dev.gatehouse.identity.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.util.GreenMailUtil;
import dev.gatehouse.identity.CognitoClients;
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
import jakarta.mail.internet.MimeMessage;
import java.net.URL;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AdminInitiateAuthResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ChallengeNameType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InitiateAuthResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.MessageActionType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.NotAuthorizedException;

/**
 * {@code TemporaryPasswordValidityDays} (7 by default): an administrator-set password signs in
 * (with the NEW_PASSWORD_REQUIRED challenge) until it is 7 days old, then is refused with Cognito's
 * message until an administrator sets a new one. Time moves through the test clock bean.
 */
@QuarkusTest
@WithTestResource(value = RedisTestResource.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
@WithTestResource(value = SmtpTestResource.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
class TemporaryPasswordValidityTest {

    static final String EXPIRED =
            "Temporary password has expired and must be reset by an administrator.";
    private static final Pattern INVITATION = Pattern.compile("temporary password is (\\S+)\\.");

    @TestHTTPResource("/")
    URL url;

    @Inject UserPool pool;
    @Inject TestClock clock;

    TestUsers users;
    CognitoIdentityProviderClient admin;

    @BeforeEach
    void clients() {
        users = new TestUsers(url, pool);
        admin =
                CognitoClients.signedAs(
                        url, "AKIAIDENTITYTESTADMN", "IdentityServiceTestAdminSecret0000000000");
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    private void create(String username, String temporaryPassword) {
        admin.adminCreateUser(
                r ->
                        r.userPoolId(pool.id())
                                .username(username)
                                .temporaryPassword(temporaryPassword)
                                .messageAction(MessageActionType.SUPPRESS)
                                .userAttributes(
                                        TestUsers.attribute("email", username + "@example.com"),
                                        TestUsers.attribute("email_verified", "true"),
                                        TestUsers.attribute("given_name", "G"),
                                        TestUsers.attribute("family_name", "F")));
    }

    private InitiateAuthResponse signIn(String name, String password) {
        return users.cognito()
                .initiateAuth(
                        r ->
                                r.clientId(users.client("tester"))
                                        .authFlow(AuthFlowType.USER_PASSWORD_AUTH)
                                        .authParameters(
                                                Map.of("USERNAME", name, "PASSWORD", password)));
    }

    private AdminInitiateAuthResponse adminSignIn(String name, String password) {
        return admin.adminInitiateAuth(
                r ->
                        r.userPoolId(pool.id())
                                .clientId(users.client("server"))
                                .authFlow(AuthFlowType.ADMIN_USER_PASSWORD_AUTH)
                                .authParameters(Map.of("USERNAME", name, "PASSWORD", password)));
    }

    @Test
    void temporaryPasswordExpiresAfterSevenDays() {
        create("tempo", "Temp-Pass-123");

        clock.advance(Duration.ofDays(7).minusMinutes(1));
        assertThat(signIn("tempo", "Temp-Pass-123").challengeName())
                .isEqualTo(ChallengeNameType.NEW_PASSWORD_REQUIRED);

        clock.advance(Duration.ofMinutes(1));
        assertThatThrownBy(() -> signIn("tempo", "Temp-Pass-123"))
                .isInstanceOf(NotAuthorizedException.class)
                .hasMessageStartingWith(EXPIRED);
        assertThatThrownBy(() -> adminSignIn("tempo", "Temp-Pass-123"))
                .isInstanceOf(NotAuthorizedException.class)
                .hasMessageStartingWith(EXPIRED);
        // A wrong password still says only that.
        assertThatThrownBy(() -> signIn("tempo", "Temp-Pass-999"))
                .isInstanceOf(NotAuthorizedException.class)
                .hasMessageStartingWith("Incorrect username or password.");
    }

    @Test
    void anAdministratorsNewTemporaryPasswordStartsAFreshPeriod() throws Exception {
        create("tempa", "Temp-Pass-456");
        clock.advance(Duration.ofDays(8));
        assertThatThrownBy(() -> signIn("tempa", "Temp-Pass-456"))
                .isInstanceOf(NotAuthorizedException.class)
                .hasMessageStartingWith(EXPIRED);

        admin.adminCreateUser(
                r ->
                        r.userPoolId(pool.id())
                                .username("tempa")
                                .messageAction(MessageActionType.RESEND)
                                .userAttributes(
                                        TestUsers.attribute("email", "tempa@example.com"),
                                        TestUsers.attribute("given_name", "G"),
                                        TestUsers.attribute("family_name", "F")));
        String fresh = invitedPassword("tempa@example.com");
        assertThat(signIn("tempa", fresh).challengeName())
                .isEqualTo(ChallengeNameType.NEW_PASSWORD_REQUIRED);
        clock.advance(Duration.ofDays(7));
        assertThatThrownBy(() -> signIn("tempa", fresh))
                .isInstanceOf(NotAuthorizedException.class)
                .hasMessageStartingWith(EXPIRED);
    }

    @Test
    void aChosenPasswordNeverExpires() {
        create("tempe", "Temp-Pass-789");
        InitiateAuthResponse challenge = signIn("tempe", "Temp-Pass-789");
        users.cognito()
                .respondToAuthChallenge(
                        r ->
                                r.clientId(users.client("tester"))
                                        .challengeName(ChallengeNameType.NEW_PASSWORD_REQUIRED)
                                        .session(challenge.session())
                                        .challengeResponses(
                                                Map.of(
                                                        "USERNAME",
                                                        "tempe",
                                                        "NEW_PASSWORD",
                                                        TestUsers.PASSWORD)));
        clock.advance(Duration.ofDays(400));
        assertThat(signIn("tempe", TestUsers.PASSWORD).authenticationResult().idToken())
                .isNotBlank();
    }

    private static String invitedPassword(String email) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 10_000;
        while (System.currentTimeMillis() < deadline) {
            MimeMessage[] messages = SmtpTestResource.messagesTo(email);
            if (messages.length > 0) {
                Matcher password =
                        INVITATION.matcher(GreenMailUtil.getBody(messages[messages.length - 1]));
                if (password.find()) {
                    return password.group(1);
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no invitation was mailed to " + email);
    }
}
