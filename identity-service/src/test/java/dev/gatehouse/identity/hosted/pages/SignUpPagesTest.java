package dev.gatehouse.identity.hosted.pages;

import static dev.gatehouse.identity.hosted.pages.HostedPageAssertions.isAHostedPage;
import static dev.gatehouse.identity.hosted.pages.HostedPageAssertions.signedInAs;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.identity.SmtpTestResource;
import dev.gatehouse.identity.TestClock;
import dev.gatehouse.identity.hosted.AuthorizationCodes;
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
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code /signup} then {@code /confirm} and {@code /resendcode} over real HTTP, codes read from a
 * real SMTP server: the happy path ends signed in at the app's callback; forged forms, weak
 * passwords, wrong and expired codes are refused on the page and change nothing.
 */
@QuarkusTest
@TestProfile(HostedPagesProfile.class)
@WithTestResource(value = RedisTestResource.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
@WithTestResource(value = SmtpTestResource.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
class SignUpPagesTest {

    static final String PASSWORD = "Correct-Horse-1";

    @TestHTTPResource("/")
    URL url;

    @Inject UserPool pool;
    @Inject UserStore users;
    @Inject AuthorizationCodes codes;
    @Inject TestClock clock;

    Browser browser;
    String clientId;
    String query;

    @BeforeEach
    void browser() {
        browser = new Browser(url);
        clientId = pool.clientByName("pages").orElseThrow().id();
        query = HostedPagesProfile.authorizeQuery(clientId, "st-42");
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    private Browser.Page signUp(String username, String email, String password) {
        Browser.Page form = browser.get("/signup?" + query);
        return browser.submit(
                form,
                "signup-submit",
                Map.of(
                        "username", username,
                        "email", email,
                        "given_name", "Ada",
                        "family_name", "Lovelace",
                        "password", password));
    }

    @Test
    void theSignUpPageShowsTheRequiredAttributesAndThePolicyBeforeTheUserTypes() {
        Browser.Page page = browser.get("/signup?" + query);

        assertThat(page.status()).isEqualTo(200);
        isAHostedPage(page);
        for (String field :
                new String[] {"username", "email", "given_name", "family_name", "password"}) {
            assertThat(page.html().getElementById(field)).as(field).isNotNull();
            assertThat(page.html().getElementById(field).attr("name")).isEqualTo(field);
        }
        assertThat(page.html().getElementById("email").attr("type")).isEqualTo("email");
        assertThat(page.html().select("#password-rules li").eachText())
                .containsExactly(
                        "At least 8 characters",
                        "At least one lowercase letter (a-z)",
                        "At least one uppercase letter (A-Z)",
                        "At least one number (0-9)",
                        "At least one symbol, such as ! @ # $ % & * - or a space");
        assertThat(page.html().getElementById("signup-form").attr("action"))
                .isEqualTo("/signup?" + query);
        assertThat(page.html().getElementById("sign-in-link").attr("href"))
                .isEqualTo("/login?" + query);
    }

    @Test
    void signingUpAndConfirmingTheMailedCodeSignsTheUserIntoTheApp() {
        Browser.Page created = signUp("ada", "ada@example.com", PASSWORD);

        assertThat(created.status()).isEqualTo(302);
        assertThat(created.location()).hasValue(url.toString() + "confirm?" + query);
        assertThat(users.resolve("ada"))
                .hasValueSatisfying(u -> assertThat(u.status()).isEqualTo(UserStatus.UNCONFIRMED));
        Browser.Page confirm = browser.follow(created);
        isAHostedPage(confirm);
        assertThat(confirm.html().getElementById("confirm-info").text()).contains("a***@e***");
        assertThat(confirm.field("username")).isEqualTo("ada");

        String code = SmtpTestResource.lastCodeFor("ada@example.com");
        Browser.Page done = browser.submit(confirm, "confirm-submit", Map.of("code", code));

        signedInAs(done, "st-42", clientId, "ada", codes);
        assertThat(users.resolve("ada"))
                .hasValueSatisfying(u -> assertThat(u.status()).isEqualTo(UserStatus.CONFIRMED));
        assertThat(browser.cookie(PendingSignUps.COOKIE)).isEmpty();
        Browser.Page again = browser.get("/oauth2/authorize?" + query);
        assertThat(again.status()).isEqualTo(302);
        assertThat(again.location())
                .hasValueSatisfying(
                        l -> assertThat(l).startsWith(HostedPagesProfile.CALLBACK + "?code="));
    }

    @Test
    void aClientWithASecretSignsUpThroughThePagesToo() {
        String confidential = pool.clientByName("confidential").orElseThrow().id();
        query = HostedPagesProfile.authorizeQuery(confidential, "st-s");
        Browser.Page confirm = browser.follow(signUp("linus", "linus@example.com", PASSWORD));
        Browser.Page resent = browser.submit(confirm, "resend-submit", Map.of());
        assertThat(resent.status()).isEqualTo(200);
        String code = SmtpTestResource.lastCodeFor("linus@example.com", 1);

        Browser.Page done = browser.submit(resent, "confirm-submit", Map.of("code", code));

        signedInAs(done, "st-s", confidential, "linus", codes);
    }

    @Test
    void confirmingInAnotherBrowserConfirmsButDoesNotSignIn() {
        signUp("grace", "grace@example.com", PASSWORD);
        String code = SmtpTestResource.lastCodeFor("grace@example.com");

        Browser other = new Browser(url);
        Browser.Page confirm = other.get("/confirmUser?" + query);
        assertThat(confirm.field("username")).isEmpty();
        Browser.Page done =
                other.submit(confirm, "confirm-submit", Map.of("username", "grace", "code", code));

        assertThat(done.status()).isEqualTo(200);
        isAHostedPage(done);
        assertThat(done.html().getElementById("confirmed-info").text()).contains("confirmed");
        assertThat(done.html().getElementById("sign-in-link").attr("href"))
                .isEqualTo("/login?" + query);
        assertThat(other.cookie("cognito")).isEmpty();
        assertThat(users.resolve("grace").orElseThrow().status()).isEqualTo(UserStatus.CONFIRMED);
    }

    @Test
    void aFormWithoutOrWithAForeignCsrfTokenIsRefusedAndCreatesNoUser() {
        Browser.Page form = browser.get("/signup?" + query);
        Map<String, String> fields =
                Map.of(
                        "username", "mallory",
                        "email", "mallory@example.com",
                        "given_name", "M",
                        "family_name", "M",
                        "password", PASSWORD);

        Browser.Page missing = browser.post("/signup?" + query, fields);
        Browser other = new Browser(url);
        String foreignToken = other.get("/signup?" + query).field("_csrf");
        Map<String, String> foreign = new java.util.HashMap<>(fields);
        foreign.put("_csrf", foreignToken);
        Browser.Page forged = browser.post("/signup?" + query, foreign);

        assertThat(form.field("_csrf")).isNotEqualTo(foreignToken);
        for (Browser.Page refused : new Browser.Page[] {missing, forged}) {
            assertThat(refused.status()).isEqualTo(403);
            isAHostedPage(refused);
            assertThat(refused.text())
                    .contains("This form has expired or was not sent from this page");
        }
        assertThat(users.resolve("mallory")).isEmpty();
        assertThat(SmtpTestResource.messagesTo("mallory@example.com")).isEmpty();
    }

    @Test
    void aWeakPasswordIsRefusedWithThePolicyOnThePage() {
        Browser.Page refused = signUp("alan", "alan@example.com", "short");

        assertThat(refused.status()).isEqualTo(400);
        isAHostedPage(refused);
        assertThat(refused.html().selectFirst(".error").text())
                .isEqualTo(
                        "Password did not conform with password policy: Password not long enough");
        assertThat(refused.html().select("#password-rules li").eachText())
                .contains("At least 8 characters");
        assertThat(refused.field("username")).isEqualTo("alan");
        assertThat(refused.field("email")).isEqualTo("alan@example.com");
        assertThat(refused.field("password")).isEmpty();
        assertThat(users.resolve("alan")).isEmpty();
    }

    @Test
    void aMissingRequiredAttributeIsAskedForInPlainWords() {
        Browser.Page form = browser.get("/signup?" + query);
        Browser.Page refused =
                browser.submit(
                        form,
                        "signup-submit",
                        Map.of(
                                "username",
                                "hopper",
                                "email",
                                "hopper@example.com",
                                "password",
                                PASSWORD));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.html().selectFirst(".error").text()).isEqualTo("Enter your given name.");
        assertThat(users.resolve("hopper")).isEmpty();
    }

    @Test
    void aWrongCodeIsRefusedAndTheUserStaysUnconfirmed() {
        Browser.Page confirm = browser.follow(signUp("edsger", "edsger@example.com", PASSWORD));
        String code = SmtpTestResource.lastCodeFor("edsger@example.com");
        String wrong = code.equals("000000") ? "111111" : "000000";

        Browser.Page refused = browser.submit(confirm, "confirm-submit", Map.of("code", wrong));

        assertThat(refused.status()).isEqualTo(400);
        isAHostedPage(refused);
        assertThat(refused.html().selectFirst(".error").text())
                .isEqualTo("Invalid verification code provided, please try again.");
        assertThat(refused.field("username")).isEqualTo("edsger");
        assertThat(users.resolve("edsger").orElseThrow().status())
                .isEqualTo(UserStatus.UNCONFIRMED);
    }

    @Test
    void anExpiredCodeAsksForANewOneWhichThenConfirms() {
        Browser.Page confirm = browser.follow(signUp("barbara", "barbara@example.com", PASSWORD));
        String code = SmtpTestResource.lastCodeFor("barbara@example.com");
        clock.advance(Duration.ofHours(24).plusMinutes(1));

        Browser.Page expired = browser.submit(confirm, "confirm-submit", Map.of("code", code));
        assertThat(expired.status()).isEqualTo(400);
        assertThat(expired.html().selectFirst(".error").text())
                .isEqualTo("Invalid code provided, please request a code again.");
        assertThat(users.resolve("barbara").orElseThrow().status())
                .isEqualTo(UserStatus.UNCONFIRMED);

        Browser.Page resent = browser.submit(expired, "resend-submit", Map.of());
        assertThat(resent.status()).isEqualTo(200);
        assertThat(resent.html().getElementById("confirm-info").text())
                .isEqualTo("We have sent a new code by email to b***@e***.");
        String fresh = SmtpTestResource.lastCodeFor("barbara@example.com", 1);
        Browser.Page done = browser.submit(resent, "confirm-submit", Map.of("code", fresh));

        signedInAs(done, "st-42", clientId, "barbara", codes);
    }

    @Test
    void aPageWithAnUnregisteredRedirectUriIsAnErrorPageNeverARedirect() {
        String foreign = query.replace("app.example.com", "evil.example.com");

        for (String path : new String[] {"/signup?", "/confirm?", "/confirmUser?"}) {
            Browser.Page page = browser.get(path + foreign);
            assertThat(page.status()).as(path).isEqualTo(400);
            assertThat(page.location()).isEmpty();
            isAHostedPage(page);
        }
    }
}
