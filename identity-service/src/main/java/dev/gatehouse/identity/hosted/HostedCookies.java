package dev.gatehouse.identity.hosted;

import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.core.NewCookie;
import java.time.Duration;
import java.util.Optional;

/**
 * The cookies of the hosted pages: {@code HttpOnly}, {@code SameSite=Lax}, path {@code /}, and
 * {@code Secure} when the request came over HTTPS. Behind a TLS-terminating proxy, enable Quarkus's
 * {@code quarkus.http.proxy.proxy-address-forwarding} with {@code trusted-proxies}: the request's
 * scheme then follows {@code X-Forwarded-Proto} from those proxies only.
 *
 * <p>Used by: {@link CsrfTokens}, {@link LoginSessions}, {@link PendingChallenges}.
 */
public final class HostedCookies {

    private HostedCookies() {}

    public static boolean secure(HttpServerRequest http) {
        return "https".equalsIgnoreCase(http.scheme());
    }

    public static NewCookie set(String name, String value, Duration maxAge, boolean secure) {
        return new NewCookie.Builder(name)
                .value(value)
                .path("/")
                .httpOnly(true)
                .secure(secure)
                .sameSite(NewCookie.SameSite.LAX)
                .maxAge((int) Math.min(Integer.MAX_VALUE, maxAge.toSeconds()))
                .build();
    }

    /** The same cookie, expired, so the browser drops it. */
    public static NewCookie clear(String name, boolean secure) {
        return new NewCookie.Builder(name)
                .value("")
                .path("/")
                .httpOnly(true)
                .secure(secure)
                .sameSite(NewCookie.SameSite.LAX)
                .maxAge(0)
                .build();
    }

    /** A cookie's value if the request carries one of a sane size. */
    public static Optional<String> read(HttpServerRequest http, String name) {
        io.vertx.core.http.Cookie cookie = http.getCookie(name);
        return Optional.ofNullable(cookie)
                .map(io.vertx.core.http.Cookie::getValue)
                .filter(v -> !v.isEmpty() && v.length() <= 256);
    }
}
