package dev.gatehouse.identity.hosted.pages;

import static dev.gatehouse.identity.hosted.pages.HostedPageAssertions.isAHostedPage;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.identity.SmtpTestResource;
import dev.gatehouse.identity.pool.UserPool;
import dev.gatehouse.testing.RedisTestResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.net.URL;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * With Redis down, a page's form is answered by the error page in plain words: no stack trace, no
 * driver's message, no hang.
 */
@QuarkusTest
@TestProfile(HostedPagesProfile.class)
@WithTestResource(value = RedisTestResource.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
@WithTestResource(value = SmtpTestResource.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
class HostedPagesOutageTest {

    @TestHTTPResource("/")
    URL url;

    @Inject UserPool pool;

    @Test
    void aStoreOutageIsAPlainErrorPage() {
        Browser browser = new Browser(url);
        String query =
                HostedPagesProfile.authorizeQuery(
                        pool.clientByName("pages").orElseThrow().id(), "s");
        Browser.Page form = browser.get("/forgotPassword?" + query);

        RedisTestResource.stopStandalone();
        Browser.Page failed;
        try {
            failed = browser.submit(form, "forgot-submit", Map.of("username", "ada"));
        } finally {
            RedisTestResource.restartStandalone();
        }

        assertThat(failed.status()).isEqualTo(500);
        isAHostedPage(failed);
        assertThat(failed.html().selectFirst(".error").text()).isEqualTo(PageError.UNEXPECTED);
        assertThat(failed.raw().body())
                .doesNotContainIgnoringCase("redis")
                .doesNotContain("at io.");
    }
}
