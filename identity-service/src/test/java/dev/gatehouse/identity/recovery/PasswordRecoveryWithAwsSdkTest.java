package dev.gatehouse.identity.recovery;

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
import java.net.URL;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CodeDeliveryDetailsType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CodeMismatchException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ExpiredCodeException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InvalidParameterException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InvalidPasswordException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.LimitExceededException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.NotAuthorizedException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserNotFoundException;

/** ForgotPassword, ConfirmForgotPassword and ChangePassword, driven by the AWS SDK v2. */
@QuarkusTest
@WithTestResource(value = RedisTestResource.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
@WithTestResource(value = SmtpTestResource.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
class PasswordRecoveryWithAwsSdkTest {

    static final String NEW_PASSWORD = "Battery-Staple-2";

    @TestHTTPResource("/")
    URL url;

    @Inject UserPool pool;

    TestUsers users;

    @BeforeEach
    void users() {
        users = new TestUsers(url, pool);
    }

    private CodeDeliveryDetailsType forgot(String client, String name) {
        return users.cognito()
                .forgotPassword(r -> r.clientId(users.client(client)).username(name))
                .codeDeliveryDetails();
    }

    private void confirm(String client, String name, String code, String password) {
        users.cognito()
                .confirmForgotPassword(
                        r ->
                                r.clientId(users.client(client))
                                        .username(name)
                                        .confirmationCode(code)
                                        .password(password));
    }

    @Test
    void aMailedCodeResetsThePasswordOnce() {
        users.register("hedy", "hedy@example.com", true);
        int seen = SmtpTestResource.messagesTo("hedy@example.com").length;

        CodeDeliveryDetailsType delivery = forgot("web", "HEDY@example.com");
        assertThat(delivery.destination()).isEqualTo("h***@e***");
        assertThat(delivery.deliveryMediumAsString()).isEqualTo("EMAIL");
        String code = SmtpTestResource.lastCodeFor("hedy@example.com", seen);
        String wrong = code.equals("000000") ? "111111" : "000000";

        assertThatThrownBy(() -> confirm("web", "hedy", wrong, NEW_PASSWORD))
                .isInstanceOf(CodeMismatchException.class)
                .hasMessageStartingWith("Invalid verification code provided, please try again.");
        assertThatThrownBy(() -> confirm("web", "hedy", code, "short"))
                .isInstanceOf(InvalidPasswordException.class)
                .hasMessageStartingWith(
                        "Password did not conform with password policy: Password not long enough");
        confirm("web", "hedy", code, NEW_PASSWORD);

        assertThatThrownBy(() -> users.signIn("hedy", TestUsers.PASSWORD))
                .isInstanceOf(NotAuthorizedException.class);
        assertThat(users.signIn("hedy", NEW_PASSWORD).idToken()).isNotBlank();
        assertThatThrownBy(() -> confirm("web", "hedy", code, TestUsers.PASSWORD))
                .isInstanceOf(ExpiredCodeException.class)
                .hasMessageStartingWith("Invalid code provided, please request a code again.");
    }

    @Test
    void unknownAndUnconfirmedUsersAreHiddenUnlessTheClientIsLegacy() {
        users.register("mary", "mary@example.com", false);
        int seen = SmtpTestResource.messagesTo("mary@example.com").length;

        // A simulated destination of a real one's shape (UserExistenceParityTest compares them).
        assertThat(forgot("web", "nobody").destination()).matches("n\\*\\*\\*@[a-z]\\*\\*\\*");
        assertThat(forgot("web", "mary").destination()).isEqualTo("m***@e***");
        assertThat(SmtpTestResource.messagesTo("mary@example.com")).hasSize(seen);
        assertThatThrownBy(() -> confirm("web", "nobody", "123456", NEW_PASSWORD))
                .isInstanceOf(CodeMismatchException.class);

        assertThatThrownBy(() -> forgot("web", ""))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("at 'username' failed to satisfy constraint");
        assertThatThrownBy(
                        () ->
                                users.cognito()
                                        .resendConfirmationCode(
                                                r -> r.clientId(users.client("web")).username("")))
                .isInstanceOf(InvalidParameterException.class);
        assertThatThrownBy(() -> forgot("tester", "nobody"))
                .isInstanceOf(UserNotFoundException.class)
                .hasMessageStartingWith("Username/client id combination not found.");
        assertThatThrownBy(() -> forgot("tester", "mary"))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageStartingWith("Cannot reset password for the user");
        assertThatThrownBy(() -> confirm("tester", "nobody", "123456", NEW_PASSWORD))
                .isInstanceOf(UserNotFoundException.class);
    }

    @Test
    void confirmingWithoutARequestedCodeIsExpiredAndRequestsAreLimited() {
        users.register("sophie", "sophie@example.com", true);
        assertThatThrownBy(() -> confirm("web", "sophie", "123456", NEW_PASSWORD))
                .isInstanceOf(ExpiredCodeException.class);
        for (int i = 0; i < 5; i++) {
            forgot("web", "sophie");
        }
        assertThatThrownBy(() -> forgot("web", "sophie"))
                .isInstanceOf(LimitExceededException.class)
                .hasMessageStartingWith("Attempt limit exceeded, please try after some time.");
    }

    @Test
    void changePasswordNeedsTheCurrentOneAndAValidAccessToken() {
        users.register("emmy", "emmy@example.com", true);
        String accessToken = users.signIn("emmy", TestUsers.PASSWORD).accessToken();

        assertThatThrownBy(
                        () ->
                                users.cognito()
                                        .changePassword(
                                                r ->
                                                        r.accessToken(accessToken)
                                                                .previousPassword("Wrong-Horse-1")
                                                                .proposedPassword(NEW_PASSWORD)))
                .isInstanceOf(NotAuthorizedException.class)
                .hasMessageStartingWith("Incorrect username or password.");
        assertThatThrownBy(
                        () ->
                                users.cognito()
                                        .changePassword(
                                                r ->
                                                        r.accessToken(accessToken)
                                                                .previousPassword(
                                                                        TestUsers.PASSWORD)
                                                                .proposedPassword(
                                                                        "no-upper-case-1!")))
                .isInstanceOf(InvalidPasswordException.class)
                .hasMessageContaining("uppercase");
        assertThatThrownBy(
                        () ->
                                users.cognito()
                                        .changePassword(
                                                r ->
                                                        r.accessToken("x.y.z")
                                                                .previousPassword(
                                                                        TestUsers.PASSWORD)
                                                                .proposedPassword(NEW_PASSWORD)))
                .isInstanceOf(NotAuthorizedException.class)
                .hasMessageStartingWith("Invalid Access Token");

        users.cognito()
                .changePassword(
                        r ->
                                r.accessToken(accessToken)
                                        .previousPassword(TestUsers.PASSWORD)
                                        .proposedPassword(NEW_PASSWORD));
        assertThat(users.signIn("emmy", NEW_PASSWORD).idToken()).isNotBlank();
        assertThatThrownBy(() -> users.signIn("emmy", TestUsers.PASSWORD))
                .isInstanceOf(NotAuthorizedException.class);
    }
}
