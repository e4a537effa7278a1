package dev.gatehouse.identity.hosted.pages;

import static dev.gatehouse.identity.hosted.pages.HostedPageAssertions.isAHostedPage;
import static dev.gatehouse.identity.hosted.pages.HostedPageAssertions.signedInAs;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.identity.CognitoClients;
import dev.gatehouse.identity.TestUsers;
import dev.gatehouse.identity.hosted.AuthorizationCodes;
import dev.gatehouse.identity.hosted.PendingChallenges;
import dev.gatehouse.identity.pool.UserPool;
import dev.gatehouse.identity.user.UserStatus;
import dev.gatehouse.identity.user.UserStore;
import dev.gatehouse.testing.RedisTestResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.net.URL;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentityprovider.model.MessageActionType;

/**
 * An administrator-created user's first sign-in on the hosted pages: {@code /login} with the
 * temporary password leads to {@code /forceChangePassword}, whose new password (held to the policy)
 * answers the NEW_PASSWORD_REQUIRED challenge and signs the user into the app.
 */
@QuarkusTest
@TestProfile(HostedPagesProfile.class)
@WithTestResource(value = RedisTestResource.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
@WithTestResource(
        value = dev.gatehouse.identity.SmtpTestResource.class,
        scope = TestResourceScope.RESTRICTED_TO_CLASS)
class ForceChangePasswordPageTest {

    static final String TEMPORARY = "Temporary-Pass-1";
    static final String NEW_PASSWORD = "Battery-Staple-2";

    @TestHTTPResource("/")
    URL url;

    @Inject UserPool pool;
    @Inject UserStore users;
    @Inject AuthorizationCodes codes;

    Browser browser;
    String clientId;
    String query;

    @BeforeEach
    void browser() {
        browser = new Browser(url);
        clientId = pool.clientByName("pages").orElseThrow().id();
        query = HostedPagesProfile.authorizeQuery(clientId, "st-9");
    }

    private void create(String username) {
        CognitoClients.signedAs(
                        url, "AKIAIDENTITYTESTADMN", "IdentityServiceTestAdminSecret0000000000")
                .adminCreateUser(
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

    /** Signs in on /login with the temporary password: the new-password page it leads to. */
    private Browser.Page firstSignIn(String username) {
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
        return browser.follow(next);
    }

    private Browser.Page choose(Browser.Page page, String password, String again) {
        return browser.submit(
                page,
                "new-password-submit",
                Map.of("password", password, "confirm_password", again));
    }

    @Test
    void theNewPasswordAnswersTheChallengeAndSignsTheUserIn() {
        create("kay");
        Browser.Page page = firstSignIn("kay");

        assertThat(page.status()).isEqualTo(200);
        isAHostedPage(page);
        assertThat(page.html().getElementById("challenge-username").text()).isEqualTo("kay");
        assertThat(page.html().select("#password-rules li").eachText())
                .contains("At least 8 characters");
        Browser.Page done = choose(page, NEW_PASSWORD, NEW_PASSWORD);

        signedInAs(done, "st-9", clientId, "kay", codes);
        assertThat(users.resolve("kay").orElseThrow().status()).isEqualTo(UserStatus.CONFIRMED);
        assertThat(browser.cookie(PendingChallenges.COOKIE)).isEmpty();
        Browser.Page after = browser.get("/forceChangePassword?" + query);
        assertThat(after.status()).isEqualTo(400);
        assertThat(after.html().selectFirst(".error").text())
                .isEqualTo(ForceChangePasswordPage.EXPIRED);
        assertThat(after.html().getElementById("new-password-form")).isNull();
        Browser fresh = new Browser(url);
        Browser.Page login = fresh.get("/login?" + query);
        Browser.Page withTemporary =
                fresh.post(
                        "/login?" + query,
                        Map.of(
                                "_csrf",
                                login.field("_csrf"),
                                "username",
                                "kay",
                                "password",
                                TEMPORARY));
        assertThat(withTemporary.status()).isEqualTo(400);
    }

    @Test
    void aWeakOrMistypedPasswordKeepsTheChallengeOpen() {
        create("lin");
        Browser.Page page = firstSignIn("lin");

        Browser.Page weak = choose(page, "weakpassword", "weakpassword");
        assertThat(weak.status()).isEqualTo(400);
        isAHostedPage(weak);
        assertThat(weak.html().selectFirst(".error").text())
                .startsWith("Password did not conform with password policy: ");
        assertThat(weak.html().select("#password-rules li").eachText()).isNotEmpty();
        Browser.Page mistyped = choose(weak, NEW_PASSWORD, "Battery-Staple-3");
        assertThat(mistyped.status()).isEqualTo(400);
        assertThat(mistyped.html().selectFirst(".error").text())
                .startsWith("The passwords do not match");
        assertThat(users.resolve("lin").orElseThrow().status())
                .isEqualTo(UserStatus.FORCE_CHANGE_PASSWORD);

        signedInAs(choose(mistyped, NEW_PASSWORD, NEW_PASSWORD), "st-9", clientId, "lin", codes);
    }

    @Test
    void aForgedFormOrAnotherBrowserCannotAnswerTheChallenge() {
        create("max");
        Browser.Page page = firstSignIn("max");

        Browser.Page forged =
                browser.post(
                        "/forceChangePassword?" + query,
                        Map.of("password", NEW_PASSWORD, "confirm_password", NEW_PASSWORD));
        assertThat(forged.status()).isEqualTo(403);
        isAHostedPage(forged);

        Browser other = new Browser(url);
        Browser.Page elsewhere = other.get("/forceChangePassword?" + query);
        assertThat(elsewhere.status()).isEqualTo(400);
        assertThat(elsewhere.html().getElementById("new-password-form")).isNull();
        assertThat(elsewhere.html().getElementById("sign-in-link").attr("href"))
                .isEqualTo("/login?" + query);
        Browser.Page posted =
                other.post(
                        "/forceChangePassword?" + query,
                        Map.of(
                                "_csrf",
                                other.cookie("XSRF-TOKEN").orElseThrow(),
                                "password",
                                NEW_PASSWORD,
                                "confirm_password",
                                NEW_PASSWORD));
        assertThat(posted.status()).isEqualTo(400);
        assertThat(users.resolve("max").orElseThrow().status())
                .isEqualTo(UserStatus.FORCE_CHANGE_PASSWORD);

        signedInAs(choose(page, NEW_PASSWORD, NEW_PASSWORD), "st-9", clientId, "max", codes);
    }
}
