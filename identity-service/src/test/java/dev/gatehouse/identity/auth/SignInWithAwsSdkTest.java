package dev.gatehouse.identity.auth;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gatehouse.identity.CognitoClients;
import dev.gatehouse.identity.SmtpTestResource;
import dev.gatehouse.identity.TestClock;
import dev.gatehouse.identity.pool.UserPool;
import dev.gatehouse.identity.srp.SrpClient;
import dev.gatehouse.testing.RedisTestResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigInteger;
import java.net.URL;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthenticationResultType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ChallengeNameType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.GetUserResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InitiateAuthResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InvalidParameterException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.NotAuthorizedException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserNotConfirmedException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserNotFoundException;

/**
 * Sign-in as the AWS SDK for Java v2 drives it: SRP (USER_SRP_AUTH + PASSWORD_VERIFIER), password
 * auth, refresh, GetUser and GlobalSignOut, with tokens checked against the pool's JWKS.
 */
@QuarkusTest
@WithTestResource(value = RedisTestResource.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
@WithTestResource(value = SmtpTestResource.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
class SignInWithAwsSdkTest {

    static final String PASSWORD = "Correct-Horse-1";
    static final ObjectMapper JSON = new ObjectMapper();

    @TestHTTPResource("/")
    URL url;

    @Inject UserPool pool;
    @Inject TestClock clock;

    private CognitoIdentityProviderClient cognito() {
        return CognitoClients.anonymous(url);
    }

    private String client(String name) {
        return pool.clientByName(name).orElseThrow().id();
    }

    private void register(String username, String email, boolean confirm) {
        cognito()
                .signUp(
                        r ->
                                r.clientId(client("web"))
                                        .username(username)
                                        .password(PASSWORD)
                                        .userAttributes(
                                                attribute("email", email),
                                                attribute("given_name", "Ada"),
                                                attribute("family_name", "Lovelace")));
        if (confirm) {
            String code = SmtpTestResource.lastCodeFor(email);
            cognito()
                    .confirmSignUp(
                            r ->
                                    r.clientId(client("web"))
                                            .username(username)
                                            .confirmationCode(code));
        }
    }

    static AttributeType attribute(String name, String value) {
        return AttributeType.builder().name(name).value(value).build();
    }

    private AuthenticationResultType srpSignIn(String typedName, String password) {
        SrpClient srp =
                new SrpClient(
                        pool.poolName(), new BigInteger(1, new SecureRandom().generateSeed(128)));
        InitiateAuthResponse challenge =
                cognito()
                        .initiateAuth(
                                r ->
                                        r.clientId(client("web"))
                                                .authFlow(AuthFlowType.USER_SRP_AUTH)
                                                .authParameters(
                                                        Map.of(
                                                                "USERNAME",
                                                                typedName,
                                                                "SRP_A",
                                                                srp.clientPublic().toString(16))));
        assertThat(challenge.challengeName()).isEqualTo(ChallengeNameType.PASSWORD_VERIFIER);
        Map<String, String> parameters = challenge.challengeParameters();
        String userId = parameters.get("USER_ID_FOR_SRP");
        assertThat(parameters.get("USERNAME")).isEqualTo(userId);
        String timestamp = SrpClient.timestamp(Instant.now());
        String signature =
                srp.signature(
                        userId,
                        password,
                        parameters.get("SALT"),
                        parameters.get("SRP_B"),
                        Base64.getDecoder().decode(parameters.get("SECRET_BLOCK")),
                        timestamp);
        return cognito()
                .respondToAuthChallenge(
                        r ->
                                r.clientId(client("web"))
                                        .challengeName(ChallengeNameType.PASSWORD_VERIFIER)
                                        .challengeResponses(
                                                Map.of(
                                                        "USERNAME", userId,
                                                        "PASSWORD_CLAIM_SECRET_BLOCK",
                                                                parameters.get("SECRET_BLOCK"),
                                                        "TIMESTAMP", timestamp,
                                                        "PASSWORD_CLAIM_SIGNATURE", signature)))
                .authenticationResult();
    }

    @Test
    void srpSignInWithUsernameOrVerifiedEmailYieldsCognitoShapedTokens() throws Exception {
        register("Ada", "ada@example.com", true);

        AuthenticationResultType tokens = srpSignIn("ada", PASSWORD);
        assertThat(tokens.tokenType()).isEqualTo("Bearer");
        assertThat(tokens.expiresIn()).isEqualTo(3600);
        assertThat(tokens.refreshToken()).isNotBlank();

        JsonNode idHeader = segment(tokens.idToken(), 0);
        JsonNode accessHeader = segment(tokens.accessToken(), 0);
        assertThat(idHeader.fieldNames()).toIterable().containsExactly("kid", "alg");
        assertThat(idHeader.get("kid").asText()).hasSize(44).endsWith("=");
        assertThat(accessHeader.get("kid").asText()).isNotEqualTo(idHeader.get("kid").asText());

        JsonNode id = segment(tokens.idToken(), 1);
        assertThat(id.get("token_use").asText()).isEqualTo("id");
        assertThat(id.get("aud").asText()).isEqualTo(client("web"));
        assertThat(id.get("cognito:username").asText()).isEqualTo("Ada");
        assertThat(id.get("email_verified").isBoolean()).isTrue();
        assertThat(id.get("email").asText()).isEqualTo("ada@example.com");
        assertThat(id.get("iss").asText()).endsWith("/" + pool.id());
        assertThat(id.get("exp").asLong() - id.get("iat").asLong()).isEqualTo(3600);
        JsonNode access = segment(tokens.accessToken(), 1);
        assertThat(access.get("token_use").asText()).isEqualTo("access");
        assertThat(access.get("scope").asText()).isEqualTo("aws.cognito.signin.user.admin");
        assertThat(access.get("client_id").asText()).isEqualTo(client("web"));
        assertThat(access.get("username").asText()).isEqualTo("Ada");
        assertThat(access.get("origin_jti").asText()).isEqualTo(id.get("origin_jti").asText());
        assertThat(access.has("aud")).isFalse();

        assertThat(srpSignIn("ADA@example.com", PASSWORD).idToken()).isNotBlank();
        JsonNode jwks =
                JSON.readTree(given().get("/" + pool.id() + "/.well-known/jwks.json").asString());
        assertThat(jwks.get("keys")).hasSize(2);
        given().get("/" + pool.id() + "/.well-known/openid-configuration")
                .then()
                .statusCode(200)
                .body("issuer", org.hamcrest.Matchers.equalTo(id.get("iss").asText()));
    }

    @Test
    void wrongPasswordAndUnknownUserFailAlike() {
        register("grace", "grace@example.com", true);
        assertThatThrownBy(() -> srpSignIn("grace", "Wrong-Horse-1"))
                .isInstanceOf(NotAuthorizedException.class)
                .hasMessageStartingWith("Incorrect username or password.");
        // PreventUserExistenceErrors: a simulated challenge, stable per name, then the same error.
        assertThatThrownBy(() -> srpSignIn("nobody", PASSWORD))
                .isInstanceOf(NotAuthorizedException.class)
                .hasMessageStartingWith("Incorrect username or password.");
    }

    @Test
    void unconfirmedUsersAreToldSo() {
        register("alan", "alan@example.com", false);
        assertThatThrownBy(() -> srpSignIn("alan", PASSWORD))
                .isInstanceOf(UserNotConfirmedException.class)
                .hasMessageStartingWith("User is not confirmed.");
    }

    @Test
    void passwordFlowNeedsAClientThatAllowsIt() {
        register("edsger", "edsger@example.com", true);
        assertThatThrownBy(() -> passwordSignIn("web", "edsger", PASSWORD))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageStartingWith("USER_PASSWORD_AUTH flow not enabled for this client");
        assertThatThrownBy(
                        () ->
                                cognito()
                                        .initiateAuth(
                                                r ->
                                                        r.clientId(client("server"))
                                                                .authFlow(
                                                                        AuthFlowType
                                                                                .ADMIN_USER_PASSWORD_AUTH)
                                                                .authParameters(
                                                                        Map.of(
                                                                                "USERNAME",
                                                                                "edsger",
                                                                                "PASSWORD",
                                                                                PASSWORD))))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageStartingWith("Initiate Auth method not supported.");
        assertThat(passwordSignIn("tester", "EDSGER", PASSWORD).idToken()).isNotBlank();
        // The tester client is LEGACY: unknown users are named as such.
        assertThatThrownBy(() -> passwordSignIn("tester", "nobody", PASSWORD))
                .isInstanceOf(UserNotFoundException.class)
                .hasMessageStartingWith("User does not exist.");
    }

    @Test
    void refreshGetUserAndGlobalSignOut() throws Exception {
        register("barbara", "barbara@example.com", true);
        AuthenticationResultType first = srpSignIn("barbara", PASSWORD);

        AuthenticationResultType refreshed =
                cognito()
                        .initiateAuth(
                                r ->
                                        r.clientId(client("web"))
                                                .authFlow(AuthFlowType.REFRESH_TOKEN_AUTH)
                                                .authParameters(
                                                        Map.of(
                                                                "REFRESH_TOKEN",
                                                                first.refreshToken())))
                        .authenticationResult();
        assertThat(refreshed.refreshToken()).isNull();
        assertThat(segment(refreshed.idToken(), 1).get("auth_time").asLong())
                .isEqualTo(segment(first.idToken(), 1).get("auth_time").asLong());

        GetUserResponse user = cognito().getUser(r -> r.accessToken(refreshed.accessToken()));
        assertThat(user.username()).isEqualTo("barbara");
        assertThat(user.userAttributes())
                .extracting(AttributeType::name)
                .contains("sub", "email", "email_verified", "given_name", "family_name");

        cognito().globalSignOut(r -> r.accessToken(first.accessToken()));
        assertThatThrownBy(() -> cognito().getUser(r -> r.accessToken(refreshed.accessToken())))
                .isInstanceOf(NotAuthorizedException.class)
                .hasMessageStartingWith("Access Token has been revoked");
        assertThatThrownBy(
                        () ->
                                cognito()
                                        .initiateAuth(
                                                r ->
                                                        r.clientId(client("web"))
                                                                .authFlow(
                                                                        AuthFlowType
                                                                                .REFRESH_TOKEN_AUTH)
                                                                .authParameters(
                                                                        Map.of(
                                                                                "REFRESH_TOKEN",
                                                                                first
                                                                                        .refreshToken()))))
                .isInstanceOf(NotAuthorizedException.class)
                .hasMessageStartingWith("Refresh Token has been revoked");
        assertThatThrownBy(() -> cognito().getUser(r -> r.accessToken("not.a.token")))
                .isInstanceOf(NotAuthorizedException.class)
                .hasMessageStartingWith("Invalid Access Token");
    }

    @Test
    void fourFailuresDoNotLockTheUser() {
        register("lea", "lea@example.com", true);
        failSignIn("lea", 4);
        assertThat(passwordSignIn("tester", "lea", PASSWORD).idToken()).isNotBlank();
    }

    @Test
    void theFifthFailureLocksTheUserForASecond() {
        register("ken", "ken@example.com", true);
        clock.freeze(); // the lock's second passes only when the test says so
        try {
            failSignIn("ken", 5);
            // Locked after the fifth failure: even the right password is refused.
            assertThatThrownBy(() -> passwordSignIn("tester", "ken", PASSWORD))
                    .isInstanceOf(NotAuthorizedException.class)
                    .hasMessageStartingWith("Password attempts exceeded");
            clock.advance(Duration.ofMillis(1_001));
            assertThat(passwordSignIn("tester", "ken", PASSWORD).idToken()).isNotBlank();
        } finally {
            clock.reset();
        }
    }

    /** {@code times} wrong passwords, each answered as a wrong password (not yet a lock). */
    private void failSignIn(String name, int times) {
        for (int i = 0; i < times; i++) {
            assertThatThrownBy(() -> passwordSignIn("tester", name, "Wrong-Horse-1"))
                    .isInstanceOf(NotAuthorizedException.class)
                    .hasMessageStartingWith("Incorrect username or password.");
        }
    }

    private AuthenticationResultType passwordSignIn(
            String clientName, String name, String password) {
        return cognito()
                .initiateAuth(
                        r ->
                                r.clientId(client(clientName))
                                        .authFlow(AuthFlowType.USER_PASSWORD_AUTH)
                                        .authParameters(
                                                Map.of("USERNAME", name, "PASSWORD", password)))
                .authenticationResult();
    }

    static JsonNode segment(String jwt, int index) throws Exception {
        return JSON.readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[index]));
    }
}
