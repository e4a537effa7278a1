package dev.gatehouse.identity.hosted.pages;

import static dev.gatehouse.identity.hosted.pages.HostedPageAssertions.isAHostedPage;
import static dev.gatehouse.identity.hosted.pages.HostedPageAssertions.signedInAs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.identity.CognitoClients;
import dev.gatehouse.identity.TestClock;
import dev.gatehouse.identity.TestUsers;
import dev.gatehouse.identity.hosted.AuthorizationCodes;
import dev.gatehouse.identity.hosted.PendingChallenges;
import dev.gatehouse.identity.hosted.RedisKeys;
import dev.gatehouse.identity.pool.UserPool;
import dev.gatehouse.identity.pool.config.IdentityConfig;
import dev.gatehouse.identity.user.UserStatus;
import dev.gatehouse.identity.user.UserStore;
import dev.gatehouse.testing.RedisTestResource;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.net.URL;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ChallengeNameType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.MessageActionType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.NotAuthorizedException;

/**
 * The first-sign-in challenge the hosted {@code /forceChangePassword} page keeps server-side
 * expires after {@code AuthSessionValidity} on the service's clock (moved by the test clock, no
 * waiting): the page then says so in the user's terms (never a 500), and nothing changed (the user
 * is still {@code FORCE_CHANGE_PASSWORD}, the temporary password still opens a new challenge).
 * Every key the flow writes to Redis carries a TTL.
 */
@QuarkusTest
@TestProfile(HostedPagesProfile.class)
@WithTestResource(value = RedisTestResource.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
@WithTestResource(
        value = dev.gatehouse.identity.SmtpTestResource.class,
        scope = TestResourceScope.RESTRICTED_TO_CLASS)
class ForceChangePasswordExpiryTest {

    static final String TEMPORARY = "Temporary-Pass-1";
    static final String NEW_PASSWORD = "Battery-Staple-2";

    @TestHTTPResource("/")
    URL url;

    @Inject UserPool pool;
    @Inject UserStore users;
    @Inject AuthorizationCodes codes;
    @Inject TestClock clock;
    @Inject IdentityConfig config;
    @Inject RedisDataSource redis;

    Browser browser;
    String clientId;
    String query;
    Duration validity;

    @BeforeEach
    void browser() {
        browser = new Browser(url);
        clientId = pool.clientByName("pages").orElseThrow().id();
        query = HostedPagesProfile.authorizeQuery(clientId, "st-x");
        validity = config.tokens().authSessionValidity();
        clock.freeze();
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    private CognitoIdentityProviderClient admin() {
        return CognitoClients.signedAs(
                url, "AKIAIDENTITYTESTADMN", "IdentityServiceTestAdminSecret0000000000");
    }

    private void create(String username) {
        admin().adminCreateUser(
                        r ->
                                r.userPoolId(pool.id())
                                        .username(username)
                                        .temporaryPassword(TEMPORARY)
                                        .messageAction(MessageActionType.SUPPRESS)
                                        .userAttributes(
                                                TestUsers.attribute(
                                                        "email", username + "@example.com"),
                                                TestUsers.attribute("email_verified", "true"),
                                                TestUsers.attribute("given_name", "Kay"),
                                                TestUsers.attribute("family_name", "Admin")));
    }

    /** /login with the temporary password; the new-password page it leads to. */
    private Browser.Page firstSignIn(Browser browser, String username) {
        Browser.Page login = browser.get("/login?" + query);
        Browser.Page next =
                browser.post(
                        "/login?" + query,
                        Map.of(
                                "_csrf",
                                login.field("_csrf"),
                                "username",
                                username,
                                "password",
                                TEMPORARY));
        assertThat(next.status()).isEqualTo(302);
        assertThat(next.location()).hasValue(url.toString() + "forceChangePassword?" + query);
        Browser.Page page = browser.follow(next);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.html().getElementById("new-password-form")).isNotNull();
        return page;
    }

    private Browser.Page choose(Browser.Page page) {
        return browser.submit(
                page,
                "new-password-submit",
                Map.of("password", NEW_PASSWORD, "confirm_password", NEW_PASSWORD));
    }

    private static void isTheExpiredPage(Browser.Page page, String query) {
        assertThat(page.status()).isEqualTo(400);
        isAHostedPage(page);
        assertThat(page.html().selectFirst(".error").text())
                .isEqualTo(ForceChangePasswordPage.EXPIRED);
        assertThat(page.html().getElementById("new-password-form")).isNull();
        assertThat(page.html().getElementById("sign-in-link").attr("href"))
                .isEqualTo("/login?" + query);
    }

    @Test
    void theFormOfAnExpiredChallengeAnswersWithTheExpiredPageAndChangesNothing() {
        create("ida");
        Browser.Page page = firstSignIn(browser, "ida");
        clock.advance(validity);

        Browser.Page answered = choose(page);

        isTheExpiredPage(answered, query);
        assertThat(browser.cookie(PendingChallenges.COOKIE)).isEmpty();
        assertThat(users.resolve("ida").orElseThrow().status())
                .isEqualTo(UserStatus.FORCE_CHANGE_PASSWORD);
        // The temporary password still leads to a new challenge, which the new password answers.
        Browser again = new Browser(url);
        Browser.Page fresh = firstSignIn(again, "ida");
        browser = again;
        signedInAs(choose(fresh), "st-x", clientId, "ida", codes);
        assertThat(users.resolve("ida").orElseThrow().status()).isEqualTo(UserStatus.CONFIRMED);
    }

    @Test
    void theNewPasswordPageOfAnExpiredChallengeSaysItExpired() {
        create("jon");
        firstSignIn(browser, "jon");
        clock.advance(validity);

        isTheExpiredPage(browser.get("/forceChangePassword?" + query), query);
        assertThat(browser.cookie(PendingChallenges.COOKIE)).isEmpty();
        assertThat(users.resolve("jon").orElseThrow().status())
                .isEqualTo(UserStatus.FORCE_CHANGE_PASSWORD);
    }

    @Test
    void aChallengeAnsweredJustBeforeItsValidityEndsSignsTheUserIn() {
        create("liv");
        Browser.Page page = firstSignIn(browser, "liv");
        clock.advance(validity.minusSeconds(1));

        signedInAs(choose(page), "st-x", clientId, "liv", codes);
        assertThat(users.resolve("liv").orElseThrow().status()).isEqualTo(UserStatus.CONFIRMED);
    }

    @Test
    void theApisChallengeSessionExpiresOnTheSameClock() {
        create("max");
        CognitoIdentityProviderClient admin = admin();
        String serverClient = pool.clientByName("server").orElseThrow().id();
        var challenge =
                admin.adminInitiateAuth(
                        r ->
                                r.userPoolId(pool.id())
                                        .clientId(serverClient)
                                        .authFlow(AuthFlowType.ADMIN_USER_PASSWORD_AUTH)
                                        .authParameters(
                                                Map.of("USERNAME", "max", "PASSWORD", TEMPORARY)));
        assertThat(challenge.challengeNameAsString()).isEqualTo("NEW_PASSWORD_REQUIRED");
        clock.advance(validity);

        assertThatThrownBy(
                        () ->
                                admin.adminRespondToAuthChallenge(
                                        r ->
                                                r.userPoolId(pool.id())
                                                        .clientId(serverClient)
                                                        .challengeName(
                                                                ChallengeNameType
                                                                        .NEW_PASSWORD_REQUIRED)
                                                        .session(challenge.session())
                                                        .challengeResponses(
                                                                Map.of(
                                                                        "USERNAME",
                                                                        "max",
                                                                        "NEW_PASSWORD",
                                                                        NEW_PASSWORD))))
                .isInstanceOf(NotAuthorizedException.class)
                .hasMessageStartingWith("Invalid session for the user, session is expired.");
        assertThat(users.resolve("max").orElseThrow().status())
                .isEqualTo(UserStatus.FORCE_CHANGE_PASSWORD);
    }

    @Test
    void everyKeyTheFlowWritesHasATtl() {
        create("una");
        create("vic");
        // One flow completed (login session, authorization code) and one left open (the
        // pending challenge and its API session).
        signedInAs(choose(firstSignIn(browser, "una")), "st-x", clientId, "una", codes);
        firstSignIn(new Browser(url), "vic");

        Set<String> keys = new RedisKeys(redis).hostedState();
        assertThat(keys)
                .anyMatch(k -> k.contains("pending-challenge:"))
                .anyMatch(k -> k.contains("new-password:"))
                .anyMatch(k -> k.contains("login-session:"));
        Map<String, Long> ttls = new TreeMap<>();
        keys.forEach(k -> ttls.put(k, redis.key().pttl(k)));
        assertThat(ttls).allSatisfy((key, ttl) -> assertThat(ttl).as(key).isPositive());
        ttls.forEach(
                (key, ttl) -> {
                    if (key.contains("pending-challenge:") || key.contains("new-password:")) {
                        assertThat(ttl).as(key).isLessThanOrEqualTo(validity.toMillis());
                    }
                });
    }
}
