package dev.gatehouse.identity.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
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
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthenticationResultType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InvalidParameterException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.NotAuthorizedException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UnauthorizedException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UnsupportedTokenTypeException;

/** RevokeToken as amazon-cognito-identity-js's signOut uses it, driven by the AWS SDK v2. */
@QuarkusTest
@WithTestResource(value = RedisTestResource.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
@WithTestResource(value = SmtpTestResource.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
class RevokeTokenWithAwsSdkTest {

    @TestHTTPResource("/")
    URL url;

    @Inject UserPool pool;

    TestUsers users;

    @BeforeEach
    void users() {
        users = new TestUsers(url, pool);
    }

    @Test
    void revokesTheRefreshTokenAndItsAccessTokensOnly() {
        users.register("rosalind", "rosalind@example.com", true);
        AuthenticationResultType revoked = users.signIn("rosalind", TestUsers.PASSWORD);
        AuthenticationResultType other = users.signIn("rosalind", TestUsers.PASSWORD);
        AuthenticationResultType refreshed = users.refresh("tester", revoked.refreshToken());

        users.cognito()
                .revokeToken(r -> r.clientId(users.client("tester")).token(revoked.refreshToken()));

        assertThatThrownBy(() -> users.refresh("tester", revoked.refreshToken()))
                .isInstanceOf(NotAuthorizedException.class)
                .hasMessageStartingWith("Refresh Token has been revoked");
        for (String accessToken : new String[] {revoked.accessToken(), refreshed.accessToken()}) {
            assertThatThrownBy(() -> users.cognito().getUser(r -> r.accessToken(accessToken)))
                    .isInstanceOf(NotAuthorizedException.class)
                    .hasMessageStartingWith("Access Token has been revoked");
        }
        // The user's other sign-in is unaffected.
        assertThat(users.cognito().getUser(r -> r.accessToken(other.accessToken())).username())
                .isEqualTo("rosalind");
        assertThat(users.refresh("tester", other.refreshToken()).idToken()).isNotBlank();
        // Revoking again (or an unknown token) is harmless, as RFC 7009 asks.
        assertThatCode(
                        () ->
                                users.cognito()
                                        .revokeToken(
                                                r ->
                                                        r.clientId(users.client("tester"))
                                                                .token(revoked.refreshToken())))
                .doesNotThrowAnyException();
    }

    @Test
    void refusesOtherClientsJwtsAndMalformedInput() {
        users.register("dorothy", "dorothy@example.com", true);
        AuthenticationResultType tokens = users.signIn("dorothy", TestUsers.PASSWORD);

        assertThatThrownBy(
                        () ->
                                users.cognito()
                                        .revokeToken(
                                                r ->
                                                        r.clientId(users.client("web"))
                                                                .token(tokens.refreshToken())))
                .isInstanceOf(UnauthorizedException.class);
        assertThatThrownBy(
                        () ->
                                users.cognito()
                                        .revokeToken(
                                                r ->
                                                        r.clientId("nosuchclient")
                                                                .token(tokens.refreshToken())))
                .isInstanceOf(UnauthorizedException.class);
        assertThatThrownBy(
                        () ->
                                users.cognito()
                                        .revokeToken(
                                                r ->
                                                        r.clientId(users.client("tester"))
                                                                .token(tokens.accessToken())))
                .isInstanceOf(UnsupportedTokenTypeException.class);
        assertThatThrownBy(
                        () ->
                                users.cognito()
                                        .revokeToken(
                                                r ->
                                                        r.clientId(users.client("tester"))
                                                                .token("not a token!")))
                .isInstanceOf(InvalidParameterException.class);
        assertThatThrownBy(
                        () -> users.cognito().revokeToken(r -> r.clientId(users.client("tester"))))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("'token'");
        // The refused attempts revoked nothing.
        assertThat(users.refresh("tester", tokens.refreshToken()).idToken()).isNotBlank();
    }
}
