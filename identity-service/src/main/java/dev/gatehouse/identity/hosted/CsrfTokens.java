package dev.gatehouse.identity.hosted;

import dev.gatehouse.identity.pool.RandomIds;
import dev.gatehouse.identity.pool.config.IdentityConfig;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.NewCookie;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Cross-site request forgery protection for every hosted form, as Cognito's managed login does it
 * (double submit): the browser holds a random token in the {@code XSRF-TOKEN} cookie ({@code
 * HttpOnly}, {@code SameSite=Lax}) and each form repeats it in the hidden field {@code _csrf}. A
 * post whose field is missing or differs from the cookie (a foreign page's, another browser's) is
 * refused before anything is read or changed.
 *
 * <p>Used by: {@link HostedPages} (every rendered form) and every hosted page's POST handler.
 */
@ApplicationScoped
public class CsrfTokens {

    /** The cookie, named as Cognito's managed login names it. */
    public static final String COOKIE = "XSRF-TOKEN";

    /** The hidden form field. */
    public static final String FIELD = "_csrf";

    private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9_-]{43}");

    /** The token a page's form carries, and the cookie to set when the browser had none. */
    public record CsrfToken(String value, Optional<NewCookie> cookie) {}

    private final Duration validity;

    CsrfTokens(IdentityConfig config) {
        this.validity = config.hosted().formValidity();
    }

    /** The browser's token, or a new one (with its cookie). */
    public CsrfToken token(HttpServerRequest http) {
        Optional<String> current =
                HostedCookies.read(http, COOKIE).filter(v -> SHAPE.matcher(v).matches());
        if (current.isPresent()) {
            return new CsrfToken(current.get(), Optional.empty());
        }
        String value = Base64.getUrlEncoder().withoutPadding().encodeToString(RandomIds.bytes(32));
        return new CsrfToken(
                value,
                Optional.of(
                        HostedCookies.set(COOKIE, value, validity, HostedCookies.secure(http))));
    }

    /** Whether a posted form's {@code _csrf} matches the browser's cookie. */
    public boolean verify(HttpServerRequest http, QueryParameters form) {
        Optional<String> cookie = HostedCookies.read(http, COOKIE);
        Optional<String> field = form.isRepeated(FIELD) ? Optional.empty() : form.get(FIELD);
        return cookie.isPresent()
                && field.isPresent()
                && SHAPE.matcher(cookie.get()).matches()
                && MessageDigest.isEqual(
                        cookie.get().getBytes(StandardCharsets.US_ASCII),
                        field.get().getBytes(StandardCharsets.UTF_8));
    }
}
