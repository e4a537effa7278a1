package dev.gatehouse.identity.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.identity.CognitoClients;
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
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AdminGetUserResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthenticationResultType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ChallengeNameType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CognitoIdentityProviderException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InvalidParameterException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InvalidPasswordException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.MessageActionType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.NotAuthorizedException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ResourceNotFoundException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserNotFoundException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserStatusType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UsernameExistsException;

/**
 * The SigV4-signed admin operations as the AWS SDK v2 signs them (service {@code cognito-idp}),
 * authorized by {@code cognito-idp:<Operation>} identity policies.
 */
@QuarkusTest
@WithTestResource(value = RedisTestResource.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
@WithTestResource(value = SmtpTestResource.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
class AdminOperationsWithAwsSdkTest {

    @TestHTTPResource("/")
    URL url;

    @Inject UserPool pool;

    TestUsers users;
    CognitoIdentityProviderClient admin;
    CognitoIdentityProviderClient reader;

    @BeforeEach
    void clients() {
        users = new TestUsers(url, pool);
        admin =
                CognitoClients.signedAs(
                        url, "AKIAIDENTITYTESTADMN", "IdentityServiceTestAdminSecret0000000000");
        reader =
                CognitoClients.signedAs(
                        url, "AKIAIDENTITYTESTREAD", "IdentityServiceTestReaderSecret000000000");
    }

    private AuthenticationResultType adminSignIn(String client, String name, String password) {
        return admin.adminInitiateAuth(
                        r ->
                                r.userPoolId(pool.id())
                                        .clientId(users.client(client))
                                        .authFlow(AuthFlowType.ADMIN_USER_PASSWORD_AUTH)
                                        .authParameters(
                                                Map.of("USERNAME", name, "PASSWORD", password)))
                .authenticationResult();
    }

    private static void assertAwsError(ThrowingCallable call, String type, String message) {
        assertThatThrownBy(call)
                .isInstanceOf(CognitoIdentityProviderException.class)
                .satisfies(
                        e -> {
                            CognitoIdentityProviderException aws =
                                    (CognitoIdentityProviderException) e;
                            assertThat(aws.awsErrorDetails().errorCode()).isEqualTo(type);
                            assertThat(aws.statusCode()).isEqualTo(400);
                            assertThat(aws.awsErrorDetails().errorMessage()).startsWith(message);
                        });
    }

    @Test
    void confirmSignInDescribeAndDelete() {
        users.register("grace", "grace@example.com", false);
        admin.adminConfirmSignUp(r -> r.userPoolId(pool.id()).username("grace"));
        assertThatThrownBy(
                        () ->
                                admin.adminConfirmSignUp(
                                        r -> r.userPoolId(pool.id()).username("grace")))
                .isInstanceOf(NotAuthorizedException.class)
                .hasMessageStartingWith("User cannot be confirmed. Current status is CONFIRMED");

        AuthenticationResultType tokens = adminSignIn("server", "GRACE", TestUsers.PASSWORD);
        assertThat(tokens.idToken()).isNotBlank();
        assertThat(tokens.refreshToken()).isNotBlank();
        assertThatThrownBy(() -> adminSignIn("server", "grace", "Wrong-Horse-1"))
                .isInstanceOf(NotAuthorizedException.class)
                .hasMessageStartingWith("Incorrect username or password.");
        assertThatThrownBy(() -> adminSignIn("server", "nobody", TestUsers.PASSWORD))
                .isInstanceOf(NotAuthorizedException.class)
                .hasMessageStartingWith("Incorrect username or password.");
        assertThatThrownBy(() -> adminSignIn("web", "grace", TestUsers.PASSWORD))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageStartingWith(
                        "ADMIN_USER_PASSWORD_AUTH flow not enabled for this client");

        AdminGetUserResponse described =
                reader.adminGetUser(r -> r.userPoolId(pool.id()).username("Grace"));
        assertThat(described.username()).isEqualTo("grace");
        assertThat(described.userStatus()).isEqualTo(UserStatusType.CONFIRMED);
        assertThat(described.enabled()).isTrue();
        assertThat(described.userCreateDate()).isNotNull();
        assertThat(described.userAttributes())
                .anySatisfy(a -> assertThat(a.name()).isEqualTo("sub"));

        assertAwsError(
                () -> reader.adminDeleteUser(r -> r.userPoolId(pool.id()).username("grace")),
                "AccessDeniedException",
                "User: arn:aws:iam::123456789012:user/reader is not authorized to perform:"
                        + " cognito-idp:AdminDeleteUser");
        admin.adminDeleteUser(r -> r.userPoolId(pool.id()).username("grace"));
        assertThatThrownBy(() -> admin.adminGetUser(r -> r.userPoolId(pool.id()).username("grace")))
                .isInstanceOf(UserNotFoundException.class)
                .hasMessageStartingWith("User does not exist.");
        // A user created again under the same name does not inherit the old refresh token.
        users.register("grace", "grace2@example.com", true);
        assertThatThrownBy(() -> users.refresh("server", tokens.refreshToken()))
                .isInstanceOf(NotAuthorizedException.class);
    }

    @Test
    void createUserWithAnInvitationOrSuppressed() throws Exception {
        admin.adminCreateUser(
                r ->
                        r.userPoolId(pool.id())
                                .username("katherine")
                                .userAttributes(
                                        TestUsers.attribute("email", "katherine@example.com"),
                                        TestUsers.attribute("email_verified", "true"),
                                        TestUsers.attribute("given_name", "Katherine"),
                                        TestUsers.attribute("family_name", "Johnson")));
        var invitation = SmtpTestResource.messagesTo("katherine@example.com");
        assertThat(invitation).hasSize(1);
        assertThat(com.icegreen.greenmail.util.GreenMailUtil.getBody(invitation[0]))
                .contains("Your username is katherine and temporary password is ");
        assertThat(
                        admin.adminGetUser(
                                        r ->
                                                r.userPoolId(pool.id())
                                                        .username("katherine@example.com"))
                                .userStatus())
                .isEqualTo(UserStatusType.FORCE_CHANGE_PASSWORD);

        var created =
                admin.adminCreateUser(
                                r ->
                                        r.userPoolId(pool.id())
                                                .username("dorothy")
                                                .temporaryPassword("Temp-Pass-123")
                                                .messageAction(MessageActionType.SUPPRESS)
                                                .userAttributes(
                                                        TestUsers.attribute(
                                                                "email", "dorothy@example.com"),
                                                        TestUsers.attribute("given_name", "D"),
                                                        TestUsers.attribute("family_name", "V")))
                        .user();
        assertThat(created.userStatus()).isEqualTo(UserStatusType.FORCE_CHANGE_PASSWORD);
        assertThat(SmtpTestResource.messagesTo("dorothy@example.com")).isEmpty();
        assertThatThrownBy(
                        () ->
                                admin.adminCreateUser(
                                        r ->
                                                r.userPoolId(pool.id())
                                                        .username("DOROTHY")
                                                        .messageAction(MessageActionType.SUPPRESS)
                                                        .userAttributes(
                                                                TestUsers.attribute(
                                                                        "email", "d@example.com"),
                                                                TestUsers.attribute(
                                                                        "given_name", "D"),
                                                                TestUsers.attribute(
                                                                        "family_name", "V"))))
                .isInstanceOf(UsernameExistsException.class)
                .hasMessageStartingWith("User account already exists");
    }

    private void createSuppressed(String username, String temporaryPassword) {
        admin.adminCreateUser(
                r ->
                        r.userPoolId(pool.id())
                                .username(username)
                                .temporaryPassword(temporaryPassword)
                                .messageAction(MessageActionType.SUPPRESS)
                                .userAttributes(
                                        TestUsers.attribute("email", username + "@example.com"),
                                        TestUsers.attribute("given_name", "G"),
                                        TestUsers.attribute("family_name", "F")));
    }

    @Test
    void createdUsersMustChooseANewPasswordFirst() {
        createSuppressed("annie", "Temp-Pass-123");
        var challenge =
                admin.adminInitiateAuth(
                        r ->
                                r.userPoolId(pool.id())
                                        .clientId(users.client("server"))
                                        .authFlow(AuthFlowType.ADMIN_USER_PASSWORD_AUTH)
                                        .authParameters(
                                                Map.of(
                                                        "USERNAME", "annie",
                                                        "PASSWORD", "Temp-Pass-123")));
        assertThat(challenge.challengeName()).isEqualTo(ChallengeNameType.NEW_PASSWORD_REQUIRED);
        assertThat(challenge.authenticationResult()).isNull();
        assertThat(challenge.challengeParameters())
                .containsEntry("USER_ID_FOR_SRP", "annie")
                .containsEntry("requiredAttributes", "[]");
        assertThat(challenge.challengeParameters().get("userAttributes"))
                .contains("\"email\":\"annie@example.com\"");

        assertThatThrownBy(() -> answer(challenge.session(), "annie", "weak"))
                .isInstanceOf(InvalidPasswordException.class);
        assertThatThrownBy(() -> answer("A".repeat(64), "annie", TestUsers.PASSWORD))
                .isInstanceOf(NotAuthorizedException.class)
                .hasMessageStartingWith("Invalid session for the user");
        assertThat(answer(challenge.session(), "annie", TestUsers.PASSWORD).idToken()).isNotBlank();
        assertThat(admin.adminGetUser(r -> r.userPoolId(pool.id()).username("annie")).userStatus())
                .isEqualTo(UserStatusType.CONFIRMED);
        assertThat(users.signIn("annie", TestUsers.PASSWORD).idToken()).isNotBlank();

        // The public flow gets the same challenge and answers it with RespondToAuthChallenge.
        createSuppressed("mae", "Temp-Pass-456");
        var publicChallenge =
                users.cognito()
                        .initiateAuth(
                                r ->
                                        r.clientId(users.client("tester"))
                                                .authFlow(AuthFlowType.USER_PASSWORD_AUTH)
                                                .authParameters(
                                                        Map.of(
                                                                "USERNAME", "mae",
                                                                "PASSWORD", "Temp-Pass-456")));
        assertThat(publicChallenge.challengeNameAsString()).isEqualTo("NEW_PASSWORD_REQUIRED");
        var tokens =
                users.cognito()
                        .respondToAuthChallenge(
                                r ->
                                        r.clientId(users.client("tester"))
                                                .challengeName(
                                                        ChallengeNameType.NEW_PASSWORD_REQUIRED)
                                                .session(publicChallenge.session())
                                                .challengeResponses(
                                                        Map.of(
                                                                "USERNAME",
                                                                "mae",
                                                                "NEW_PASSWORD",
                                                                TestUsers.PASSWORD)))
                        .authenticationResult();
        assertThat(tokens.accessToken()).isNotBlank();
    }

    private AuthenticationResultType answer(String session, String username, String password) {
        return admin.adminRespondToAuthChallenge(
                        r ->
                                r.userPoolId(pool.id())
                                        .clientId(users.client("server"))
                                        .challengeName(ChallengeNameType.NEW_PASSWORD_REQUIRED)
                                        .session(session)
                                        .challengeResponses(
                                                Map.of(
                                                        "USERNAME", username,
                                                        "NEW_PASSWORD", password)))
                .authenticationResult();
    }

    @Test
    void callersMustSignWithAKnownKeyForThisPool() {
        CognitoIdentityProviderClient unsigned =
                CognitoIdentityProviderClient.builder()
                        .endpointOverride(URI.create(url.toString()))
                        .region(Region.US_EAST_1)
                        .credentialsProvider(AnonymousCredentialsProvider.create())
                        .httpClient(UrlConnectionHttpClient.create())
                        .build();
        assertAwsError(
                () -> unsigned.adminGetUser(r -> r.userPoolId(pool.id()).username("x")),
                "MissingAuthenticationTokenException",
                "Missing Authentication Token");
        assertAwsError(
                () -> users.cognito().adminGetUser(r -> r.userPoolId(pool.id()).username("x")),
                "UnrecognizedClientException",
                "The security token included in the request is invalid.");
        CognitoIdentityProviderClient wrongSecret =
                CognitoClients.signedAs(url, "AKIAIDENTITYTESTADMN", "NotTheSecret");
        assertAwsError(
                () -> wrongSecret.adminGetUser(r -> r.userPoolId(pool.id()).username("x")),
                "InvalidSignatureException",
                "The request signature we calculated does not match");

        assertThatThrownBy(
                        () ->
                                admin.adminGetUser(
                                        r -> r.userPoolId("us-east-1_Other0001").username("x")))
                .isInstanceOf(ResourceNotFoundException.class)
                .hasMessageStartingWith("User pool us-east-1_Other0001 does not exist.");
        assertThatThrownBy(
                        () ->
                                admin.adminCreateUser(
                                        r -> r.userPoolId(pool.id()).username("two words")))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("'username'");
        assertThatThrownBy(() -> admin.adminGetUser(r -> r.userPoolId("nope").username("x")))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("userPoolId");
        assertThatThrownBy(
                        () ->
                                admin.adminInitiateAuth(
                                        r ->
                                                r.userPoolId(pool.id())
                                                        .clientId(users.client("server"))
                                                        .authFlow(AuthFlowType.USER_PASSWORD_AUTH)
                                                        .authParameters(
                                                                Map.of(
                                                                        "USERNAME", "x",
                                                                        "PASSWORD", "y"))))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageStartingWith("Initiate Auth method not supported.");
    }
}
