package dev.gatehouse.identity.hosted.pages;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.identity.hosted.AuthorizationCodes;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** What every hosted page and every successful flow must show. */
final class HostedPageAssertions {

    private HostedPageAssertions() {}

    /** No script, readable on a phone, the pool's name, every form with a CSRF token. */
    static void isAHostedPage(Browser.Page page) {
        assertThat(page.raw().headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThat(page.html().select("script")).isEmpty();
        assertThat(page.raw().body()).doesNotContainIgnoringCase("<script");
        assertThat(page.html().select("meta[name=viewport]").attr("content"))
                .contains("width=device-width");
        assertThat(page.text()).contains(HostedPagesProfile.POOL_NAME);
        page.html()
                .select("form")
                .forEach(
                        form ->
                                assertThat(
                                                form.select("input[type=hidden][name=_csrf]")
                                                        .attr("value"))
                                        .hasSize(43));
        assertThat(page.raw().body()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    /**
     * The page sent the browser back to the app's callback with a code and the state, and that code
     * (redeemed with the PKCE verifier) stands for {@code username}.
     */
    static void signedInAs(
            Browser.Page page,
            String state,
            String clientId,
            String username,
            AuthorizationCodes codes) {
        assertThat(page.status()).isEqualTo(302);
        String location = page.location().orElseThrow();
        assertThat(location).startsWith(HostedPagesProfile.CALLBACK + "?");
        Map<String, String> query = query(URI.create(location).getRawQuery());
        assertThat(query).containsEntry("state", state).containsKey("code");
        AuthorizationCodes.Redemption redeemed =
                codes.redeem(
                        query.get("code"),
                        clientId,
                        HostedPagesProfile.CALLBACK,
                        Optional.of(HostedPagesProfile.VERIFIER));
        assertThat(redeemed).isInstanceOf(AuthorizationCodes.Redeemed.class);
        assertThat(((AuthorizationCodes.Redeemed) redeemed).grant().username())
                .isEqualToIgnoringCase(username);
    }

    static Map<String, String> query(String raw) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            values.put(
                    URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return values;
    }
}
