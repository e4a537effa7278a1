package dev.gatehouse.identity.user;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.identity.SmtpTestResource;
import dev.gatehouse.identity.TestUsers;
import dev.gatehouse.identity.pool.UserPool;
import dev.gatehouse.testing.RedisTestResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.net.URL;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CognitoIdentityProviderException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.SignUpResponse;

/**
 * {@code gatehouse.identity.existence-errors.strict=true}: where AWS itself tells that a user
 * exists (SignUp, ConfirmSignUp and ResendConfirmationCode on a confirmed user, an unconfirmed
 * user's sign-in), an {@code ENABLED} client answers as for an unknown name.
 */
@QuarkusTest
@TestProfile(StrictExistenceErrorsTest.Strict.class)
@WithTestResource(value = RedisTestResource.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
@WithTestResource(value = SmtpTestResource.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
class StrictExistenceErrorsTest {

    /** Strict, and the password flow on an ENABLED client. */
    public static class Strict implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "gatehouse.identity.existence-errors.strict", "true",
                    "gatehouse.identity.clients.tester.prevent-user-existence-errors", "ENABLED");
        }
    }

    @TestHTTPResource("/")
    URL url;

    @Inject UserPool pool;

    TestUsers users;

    @BeforeEach
    void users() {
        users = new TestUsers(url, pool);
    }

    private static String outcome(Supplier<?> call) {
        try {
            call.get();
            return "OK";
        } catch (CognitoIdentityProviderException e) {
            return e.awsErrorDetails().errorCode() + ": " + e.awsErrorDetails().errorMessage();
        }
    }

    private SignUpResponse signUp(String username, String email) {
        return users.cognito()
                .signUp(
                        r ->
                                r.clientId(users.client("web"))
                                        .username(username)
                                        .password(TestUsers.PASSWORD)
                                        .userAttributes(
                                                TestUsers.attribute("email", email),
                                                TestUsers.attribute("given_name", "A"),
                                                TestUsers.attribute("family_name", "B")));
    }

    private String confirm(String name) {
        return outcome(
                () ->
                        users.cognito()
                                .confirmSignUp(
                                        r ->
                                                r.clientId(users.client("web"))
                                                        .username(name)
                                                        .confirmationCode("123456")));
    }

    private String resend(String name) {
        return users.cognito()
                .resendConfirmationCode(r -> r.clientId(users.client("web")).username(name))
                .codeDeliveryDetails()
                .destination();
    }

    private String signIn(String name, String password) {
        return outcome(
                () ->
                        users.cognito()
                                .initiateAuth(
                                        r ->
                                                r.clientId(users.client("tester"))
                                                        .authFlow(AuthFlowType.USER_PASSWORD_AUTH)
                                                        .authParameters(
                                                                Map.of(
                                                                        "USERNAME",
                                                                        name,
                                                                        "PASSWORD",
                                                                        password))));
    }

    @Test
    void aTakenUsernameSignsUpInAppearanceOnly() {
        users.register("olga", "olga@example.com", true);
        int mails = SmtpTestResource.messagesTo("other@example.com").length;
        SignUpResponse again = signUp("olga", "other@example.com");
        assertThat(again.userConfirmed()).isFalse();
        assertThat(again.userSub()).isEqualTo(signUp("OLGA", "other@example.com").userSub());
        assertThat(again.codeDeliveryDetails().destination()).isEqualTo("o***@e***");
        assertThat(SmtpTestResource.messagesTo("other@example.com")).hasSize(mails);
        assertThat(users.signIn("olga", TestUsers.PASSWORD).idToken()).isNotBlank();
    }

    @Test
    void confirmedUsersAnswerAsUnknownOnes() {
        users.register("omar", "omar@example.com", true);
        assertThat(confirm("omar")).isEqualTo(confirm("otto")).startsWith("CodeMismatchException");
        assertThat(resend("omar")).matches("o\\*\\*\\*@e\\*\\*\\*");
        assertThat(resend("otto")).matches("o\\*\\*\\*@[a-z]\\*\\*\\*");
    }

    @Test
    void anUnconfirmedUserIsToldSoOnlyAfterThePassword() {
        users.register("una", "una@example.com", false);
        assertThat(signIn("una", "Wrong-Password-9"))
                .isEqualTo(signIn("uwe", "Wrong-Password-9"))
                .isEqualTo("NotAuthorizedException: Incorrect username or password.");
        assertThat(signIn("una", TestUsers.PASSWORD))
                .isEqualTo("UserNotConfirmedException: User is not confirmed.");
    }
}
