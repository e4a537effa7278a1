package dev.gatehouse.identity.signup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.identity.CognitoClients;
import dev.gatehouse.identity.SmtpTestResource;
import dev.gatehouse.identity.pool.UserPool;
import dev.gatehouse.testing.RedisTestResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AliasExistsException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CodeMismatchException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InvalidParameterException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InvalidPasswordException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.LimitExceededException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.NotAuthorizedException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ResourceNotFoundException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.SignUpResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UsernameExistsException;

/** Registration as the AWS SDK for Java v2 drives it, with codes read from a real SMTP server. */
@QuarkusTest
@WithTestResource(value = RedisTestResource.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
@WithTestResource(value = SmtpTestResource.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
class SignUpWithAwsSdkTest {

    static final String PASSWORD = "Correct-Horse-1";

    @TestHTTPResource("/")
    URL url;

    @Inject UserPool pool;

    private CognitoIdentityProviderClient cognito() {
        return CognitoClients.anonymous(url);
    }

    private String web() {
        return pool.clientByName("web").orElseThrow().id();
    }

    private SignUpResponse signUp(String username, String email, String password) {
        return cognito()
                .signUp(
                        r ->
                                r.clientId(web())
                                        .username(username)
                                        .password(password)
                                        .userAttributes(
                                                attribute("email", email),
                                                attribute("given_name", "Ada"),
                                                attribute("family_name", "Lovelace")));
    }

    static AttributeType attribute(String name, String value) {
        return AttributeType.builder().name(name).value(value).build();
    }

    @Test
    void signUpMailsASixDigitCodeThatConfirmsTheUser() {
        SignUpResponse response = signUp("ada", "ada@example.com", PASSWORD);

        assertThat(response.userConfirmed()).isFalse();
        assertThat(response.userSub()).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-.{4}-.{12}");
        assertThat(response.codeDeliveryDetails().destination()).isEqualTo("a***@e***");
        assertThat(response.codeDeliveryDetails().deliveryMediumAsString()).isEqualTo("EMAIL");
        assertThat(response.codeDeliveryDetails().attributeName()).isEqualTo("email");
        String code = SmtpTestResource.lastCodeFor("ada@example.com");
        cognito().confirmSignUp(r -> r.clientId(web()).username("ADA").confirmationCode(code));

        assertThatThrownBy(
                        () ->
                                cognito()
                                        .confirmSignUp(
                                                r ->
                                                        r.clientId(web())
                                                                .username("ada")
                                                                .confirmationCode(code)))
                .isInstanceOf(NotAuthorizedException.class)
                .hasMessageStartingWith("User cannot be confirmed. Current status is CONFIRMED");
    }

    @Test
    void usernamesAreCaseInsensitive() {
        signUp("Grace", "grace@example.com", PASSWORD);
        assertThatThrownBy(() -> signUp("grace", "grace2@example.com", PASSWORD))
                .isInstanceOf(UsernameExistsException.class)
                .hasMessageStartingWith("User already exists");
    }

    @Test
    void wrongCodeIsACodeMismatch() {
        signUp("alan", "alan@example.com", PASSWORD);
        String code = SmtpTestResource.lastCodeFor("alan@example.com");
        String wrong = code.equals("000000") ? "000001" : "000000";
        assertThatThrownBy(
                        () ->
                                cognito()
                                        .confirmSignUp(
                                                r ->
                                                        r.clientId(web())
                                                                .username("alan")
                                                                .confirmationCode(wrong)))
                .isInstanceOf(CodeMismatchException.class)
                .hasMessageStartingWith("Invalid verification code provided, please try again.");
    }

    @Test
    void resendSupersedesTheCodeAndIsLimitedPerHour() {
        signUp("edsger", "edsger@example.com", PASSWORD);
        String first = SmtpTestResource.lastCodeFor("edsger@example.com");
        var resent = cognito().resendConfirmationCode(r -> r.clientId(web()).username("edsger"));
        assertThat(resent.codeDeliveryDetails().destination()).isEqualTo("e***@e***");
        String second = SmtpTestResource.lastCodeFor("edsger@example.com", 1);
        if (!first.equals(second)) {
            assertThatThrownBy(
                            () ->
                                    cognito()
                                            .confirmSignUp(
                                                    r ->
                                                            r.clientId(web())
                                                                    .username("edsger")
                                                                    .confirmationCode(first)))
                    .isInstanceOf(CodeMismatchException.class);
        }
        for (int i = 0; i < 4; i++) {
            cognito().resendConfirmationCode(r -> r.clientId(web()).username("edsger"));
        }
        assertThatThrownBy(
                        () ->
                                cognito()
                                        .resendConfirmationCode(
                                                r -> r.clientId(web()).username("edsger")))
                .isInstanceOf(LimitExceededException.class)
                .hasMessageStartingWith("Attempt limit exceeded, please try after some time.");
    }

    @Test
    void confirmedUsersGetNoNewCode() {
        signUp("barbara", "barbara@example.com", PASSWORD);
        String code = SmtpTestResource.lastCodeFor("barbara@example.com");
        cognito().confirmSignUp(r -> r.clientId(web()).username("barbara").confirmationCode(code));
        assertThatThrownBy(
                        () ->
                                cognito()
                                        .resendConfirmationCode(
                                                r -> r.clientId(web()).username("barbara")))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageStartingWith("User is already confirmed.");
    }

    @Test
    void aVerifiedEmailCannotBeClaimedTwice() {
        signUp("ken", "shared@example.com", PASSWORD);
        cognito()
                .confirmSignUp(
                        r ->
                                r.clientId(web())
                                        .username("ken")
                                        .confirmationCode(
                                                SmtpTestResource.lastCodeFor(
                                                        "shared@example.com")));
        signUp("dennis", "shared@example.com", PASSWORD);
        String code = SmtpTestResource.lastCodeFor("shared@example.com", 1);
        assertThatThrownBy(
                        () ->
                                cognito()
                                        .confirmSignUp(
                                                r ->
                                                        r.clientId(web())
                                                                .username("dennis")
                                                                .confirmationCode(code)))
                .isInstanceOf(AliasExistsException.class)
                .hasMessageStartingWith("An account with the email already exists.");
    }

    @Test
    void passwordPolicyNamesTheFirstBrokenRule() {
        assertThatThrownBy(() -> signUp("p1", "p1@example.com", "Sh0rt!"))
                .isInstanceOf(InvalidPasswordException.class)
                .hasMessageStartingWith(
                        "Password did not conform with password policy: Password not long enough");
        assertThatThrownBy(() -> signUp("p2", "p2@example.com", "NoSymbols123"))
                .isInstanceOf(InvalidPasswordException.class)
                .hasMessageStartingWith(
                        "Password did not conform with password policy: Password must have symbol"
                                + " characters");
    }

    @Test
    void requiredAttributesAndEmailFormatAreChecked() {
        assertThatThrownBy(
                        () ->
                                cognito()
                                        .signUp(
                                                r ->
                                                        r.clientId(web())
                                                                .username("noname")
                                                                .password(PASSWORD)
                                                                .userAttributes(
                                                                        attribute(
                                                                                "email",
                                                                                "n@example.com"))))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageStartingWith(
                        "Attributes did not conform to the schema: given_name: The attribute is"
                                + " required");
        assertThatThrownBy(() -> signUp("bademail", "not-an-email", PASSWORD))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageStartingWith("Invalid email address format.");
        assertThatThrownBy(() -> signUp("someone@example.com", "s@example.com", PASSWORD))
                .isInstanceOf(InvalidParameterException.class);
    }

    @Test
    void unknownClientIsResourceNotFound() {
        assertThatThrownBy(
                        () ->
                                cognito()
                                        .signUp(
                                                r ->
                                                        r.clientId("nosuchclient")
                                                                .username("x")
                                                                .password(PASSWORD)))
                .isInstanceOf(ResourceNotFoundException.class)
                .hasMessageStartingWith("User pool client nosuchclient does not exist.");
    }
}
