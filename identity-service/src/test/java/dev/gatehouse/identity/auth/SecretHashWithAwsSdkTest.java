package dev.gatehouse.identity.auth;

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
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.NotAuthorizedException;

/**
 * SECRET_HASH with the real AWS SDK for a client with a secret ({@code webapp}): required, checked,
 * and refused with Cognito's exact messages (spec 2.10). The hash is computed here independently.
 */
@QuarkusTest
@WithTestResource(value = RedisTestResource.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
@WithTestResource(value = SmtpTestResource.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
class SecretHashWithAwsSdkTest {

    static final String SECRET = "webappTestSecret0123456789abcdefghijklmnop";

    @TestHTTPResource("/")
    URL url;

    @Inject UserPool pool;

    TestUsers users;

    @BeforeEach
    void setUp() {
        users = new TestUsers(url, pool);
    }

    static String hash(String username, String clientId) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return Base64.getEncoder()
                .encodeToString(
                        mac.doFinal((username + clientId).getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void signUpAndSignInNeedTheRightSecretHash() throws Exception {
        String client = users.client("webapp");
        assertThatThrownBy(
                        () ->
                                users.cognito()
                                        .signUp(
                                                r ->
                                                        r.clientId(client)
                                                                .username("hashed")
                                                                .password(TestUsers.PASSWORD)
                                                                .userAttributes(
                                                                        TestUsers.attribute(
                                                                                "email",
                                                                                "hashed@example.com"),
                                                                        TestUsers.attribute(
                                                                                "given_name", "H"),
                                                                        TestUsers.attribute(
                                                                                "family_name",
                                                                                "S"))))
                .isInstanceOf(NotAuthorizedException.class)
                .hasMessageStartingWith(
                        "Client "
                                + client
                                + " is configured with secret but SECRET_HASH was not received");
        String right = hash("hashed", client);
        users.cognito()
                .signUp(
                        r ->
                                r.clientId(client)
                                        .username("hashed")
                                        .password(TestUsers.PASSWORD)
                                        .secretHash(right)
                                        .userAttributes(
                                                TestUsers.attribute("email", "hashed@example.com"),
                                                TestUsers.attribute("given_name", "H"),
                                                TestUsers.attribute("family_name", "S")));
        String code = SmtpTestResource.lastCodeFor("hashed@example.com");
        users.cognito()
                .confirmSignUp(
                        r ->
                                r.clientId(client)
                                        .username("hashed")
                                        .secretHash(right)
                                        .confirmationCode(code));

        assertThatThrownBy(() -> signIn(client, "hashed", hash("other", client)))
                .isInstanceOf(NotAuthorizedException.class)
                .hasMessageStartingWith("Unable to verify secret hash for client " + client);
        assertThatThrownBy(() -> signIn(client, "hashed", null))
                .isInstanceOf(NotAuthorizedException.class)
                .hasMessageStartingWith(
                        "Client "
                                + client
                                + " is configured with secret but SECRET_HASH was not received");
        assertThat(signIn(client, "hashed", right).idToken()).isNotBlank();
        // By the email alias, the hash of the internal username is accepted too.
        assertThat(signIn(client, "hashed@example.com", right).idToken()).isNotBlank();
    }

    private software.amazon.awssdk.services.cognitoidentityprovider.model.AuthenticationResultType
            signIn(String client, String name, String secretHash) {
        Map<String, String> parameters =
                secretHash == null
                        ? Map.of("USERNAME", name, "PASSWORD", TestUsers.PASSWORD)
                        : Map.of(
                                "USERNAME",
                                name,
                                "PASSWORD",
                                TestUsers.PASSWORD,
                                "SECRET_HASH",
                                secretHash);
        return users.cognito()
                .initiateAuth(
                        r ->
                                r.clientId(client)
                                        .authFlow(AuthFlowType.USER_PASSWORD_AUTH)
                                        .authParameters(parameters))
                .authenticationResult();
    }
}
