package dev.gatehouse.identity.hosted.pages;

import static dev.gatehouse.identity.hosted.pages.HostedPageAssertions.isAHostedPage;
import static dev.gatehouse.identity.hosted.pages.HostedPageAssertions.signedInAs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.identity.SmtpTestResource;
import dev.gatehouse.identity.TestClock;
import dev.gatehouse.identity.TestUsers;
import dev.gatehouse.identity.hosted.AuthorizationCodes;
import dev.gatehouse.identity.pool.UserPool;
import dev.gatehouse.testing.RedisTestResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.net.URL;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentityprovider.model.NotAuthorizedException;

/**
 * {@code /forgotPassword} then {@code /confirmForgotPassword} over real HTTP with codes from a real
 * SMTP server: the reset ends at {@code /login}, where the new password signs in; an unknown user
 * is answered exactly as a real one under {@code PreventUserExistenceErrors=ENABLED}.
 */
@QuarkusTest
@TestProfile(HostedPagesProfile.class)
@WithTestResource(value = RedisTestResource.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
@WithTestResource(value = SmtpTestResource.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
class PasswordResetPagesTest {

    static final String NEW_PASSWORD = "Battery-Staple-2";
    static final String MASKED = "[a-z]\\*\\*\\*@[a-z]\\*\\*\\*";

    @TestHTTPResource("/")
    URL url;

    @Inject UserPool pool;
    @Inject AuthorizationCodes codes;
    @Inject TestClock clock;

    TestUsers users;
    Browser browser;
    String clientId;
    String query;

    @BeforeEach
    void browser() {
        users = new TestUsers(url, pool);
        browser = new Browser(url);
        clientId = pool.clientByName("pages").orElseThrow().id();
        query = HostedPagesProfile.authorizeQuery(clientId, "st-7");
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    /** /forgotPassword for {@code username}: the /confirmForgotPassword page it leads to. */
    private Browser.Page forgot(Browser in, String username) {
        Browser.Page form = in.get("/forgotPassword?" + query);
        Browser.Page sent = in.submit(form, "forgot-submit", Map.of("username", username));
        assertThat(sent.status()).isEqualTo(302);
        assertThat(sent.location()).hasValue(url.toString() + "confirmForgotPassword?" + query);
        return in.follow(sent);
    }

    private Browser.Page reset(Browser.Page page, String code, String password, String again) {
        return browser.submit(
                page,
                "reset-submit",
                Map.of("code", code, "password", password, "confirm_password", again));
    }

    @Test
    void aMailedCodeResetsThePasswordAndTheUserSignsInWithTheNewOne() {
        users.register("hedy", "hedy@example.com", true);
        int seen = SmtpTestResource.messagesTo("hedy@example.com").length;
        isAHostedPage(browser.get("/forgotPassword?" + query));

        Browser.Page page = forgot(browser, "hedy");
        isAHostedPage(page);
        assertThat(page.html().getElementById("reset-info").text()).contains("h***@e***");
        assertThat(page.field("username")).isEqualTo("hedy");
        assertThat(page.html().select("#password-rules li").eachText())
                .contains("At least 8 characters");
        String code = SmtpTestResource.lastCodeFor("hedy@example.com", seen);
        Browser.Page done = reset(page, code, NEW_PASSWORD, NEW_PASSWORD);

        assertThat(done.status()).isEqualTo(302);
        assertThat(done.location()).hasValue(url.toString() + "login?" + query);
        assertThat(browser.cookie(ResetInProgress.COOKIE)).isEmpty();
        assertThatThrownBy(() -> users.signIn("hedy", TestUsers.PASSWORD))
                .isInstanceOf(NotAuthorizedException.class);
        Browser.Page login = browser.follow(done);
        Browser.Page signedIn =
                browser.post(
                        "/login?" + query,
                        Map.of(
                                "_csrf",
                                login.field("_csrf"),
                                "username",
                                "hedy",
                                "password",
                                NEW_PASSWORD));
        signedInAs(signedIn, "st-7", clientId, "hedy", codes);
    }

    @Test
    void anUnknownUserGetsTheSameAnswersAsARealOne() {
        users.register("mary", "mary@example.com", true);
        int seen = SmtpTestResource.messagesTo("mary@example.com").length;

        Browser.Page real = forgot(browser, "mary");
        Browser stranger = new Browser(url);
        Browser.Page unknown = forgot(stranger, "nobody");

        assertThat(real.status()).isEqualTo(unknown.status()).isEqualTo(200);
        assertThat(real.html().getElementById("reset-info").text().replaceAll(MASKED, "X"))
                .isEqualTo(
                        unknown.html().getElementById("reset-info").text().replaceAll(MASKED, "X"));
        SmtpTestResource.lastCodeFor("mary@example.com", seen);
        Map<String, String> wrong =
                Map.of(
                        "code",
                        "000000",
                        "password",
                        NEW_PASSWORD,
                        "confirm_password",
                        NEW_PASSWORD);
        Browser.Page realRefusal = browser.submit(real, "reset-submit", wrong);
        Browser.Page unknownRefusal = stranger.submit(unknown, "reset-submit", wrong);
        assertThat(realRefusal.status()).isEqualTo(unknownRefusal.status()).isEqualTo(400);
        assertThat(realRefusal.html().selectFirst(".error").text())
                .isEqualTo(unknownRefusal.html().selectFirst(".error").text())
                .isEqualTo("Invalid verification code provided, please try again.");
    }

    @Test
    void aLegacyClientsPagesSayTheUserIsUnknownAsItsApiDoes() {
        String legacy =
                HostedPagesProfile.authorizeQuery(
                        pool.clientByName("legacy").orElseThrow().id(), "s");
        Browser.Page form = browser.get("/forgotPassword?" + legacy);
        Browser.Page refused = browser.submit(form, "forgot-submit", Map.of("username", "nobody"));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.html().selectFirst(".error").text())
                .isEqualTo("Username/client id combination not found.");
    }

    @Test
    void aWeakOrMistypedPasswordIsRefusedAndTheCodeStillWorks() {
        users.register("emmy", "emmy@example.com", true);
        int seen = SmtpTestResource.messagesTo("emmy@example.com").length;
        Browser.Page page = forgot(browser, "emmy");
        String code = SmtpTestResource.lastCodeFor("emmy@example.com", seen);

        Browser.Page weak = reset(page, code, "alllowercase1!", "alllowercase1!");
        assertThat(weak.status()).isEqualTo(400);
        assertThat(weak.html().selectFirst(".error").text())
                .isEqualTo(
                        "Password did not conform with password policy: Password must have"
                                + " uppercase characters");
        assertThat(weak.html().select("#password-rules li").eachText())
                .contains("At least one uppercase letter (A-Z)");
        Browser.Page mistyped = reset(weak, code, NEW_PASSWORD, NEW_PASSWORD + "x");
        assertThat(mistyped.status()).isEqualTo(400);
        assertThat(mistyped.html().selectFirst(".error").text())
                .startsWith("The passwords do not match");
        assertThat(users.signIn("emmy", TestUsers.PASSWORD).idToken()).isNotBlank();

        Browser.Page done = reset(mistyped, code, NEW_PASSWORD, NEW_PASSWORD);
        assertThat(done.status()).isEqualTo(302);
        assertThat(users.signIn("emmy", NEW_PASSWORD).idToken()).isNotBlank();
    }

    @Test
    void anExpiredCodeIsRefusedAndAForgedFormChangesNothing() {
        users.register("lise", "lise@example.com", true);
        int seen = SmtpTestResource.messagesTo("lise@example.com").length;
        Browser.Page page = forgot(browser, "lise");
        String code = SmtpTestResource.lastCodeFor("lise@example.com", seen);

        Browser.Page forged =
                browser.post(
                        "/confirmForgotPassword?" + query,
                        Map.of(
                                "username", "lise",
                                "code", code,
                                "password", NEW_PASSWORD,
                                "confirm_password", NEW_PASSWORD));
        assertThat(forged.status()).isEqualTo(403);
        isAHostedPage(forged);
        assertThat(users.signIn("lise", TestUsers.PASSWORD).idToken()).isNotBlank();

        clock.advance(Duration.ofMinutes(61));
        Browser.Page expired = reset(page, code, NEW_PASSWORD, NEW_PASSWORD);
        assertThat(expired.status()).isEqualTo(400);
        assertThat(expired.html().selectFirst(".error").text())
                .isEqualTo("Invalid code provided, please request a code again.");
        assertThat(expired.html().getElementById("resend-link").attr("href"))
                .isEqualTo("/forgotPassword?" + query);
        clock.reset();
        assertThat(users.signIn("lise", TestUsers.PASSWORD).idToken()).isNotBlank();
    }
}
