package dev.gatehouse.identity.hosted.pages;

import dev.gatehouse.identity.hosted.HostedCookies;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.core.NewCookie;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

/**
 * What {@code /forgotPassword} hands on to {@code /confirmForgotPassword} (after a redirect, so a
 * reload never asks for a second code): the username typed and the masked destination the API
 * answered, in the {@code gatehouse-reset} cookie (base64url, {@code HttpOnly}, for the code's
 * validity). Nothing secret: both are the user's own input and the API's public answer, and the
 * page works without the cookie (the user types the username).
 */
public record ResetInProgress(String username, String destination) {

    public static final String COOKIE = "gatehouse-reset";

    private static final int MAXIMUM_COOKIE = 256;

    /** The cookie, unless the username is too long to fit one (the page then asks for it). */
    public Optional<NewCookie> cookie(Duration validity, HttpServerRequest http) {
        String value = encode(username) + "." + encode(destination);
        if (value.length() > MAXIMUM_COOKIE) {
            return Optional.empty();
        }
        return Optional.of(HostedCookies.set(COOKIE, value, validity, HostedCookies.secure(http)));
    }

    /** The reset this browser started, if its cookie is readable. */
    public static Optional<ResetInProgress> of(HttpServerRequest http) {
        return HostedCookies.read(http, COOKIE)
                .flatMap(
                        value -> {
                            String[] parts = value.split("\\.", -1);
                            if (parts.length != 2) {
                                return Optional.empty();
                            }
                            try {
                                return Optional.of(
                                        new ResetInProgress(decode(parts[0]), decode(parts[1])));
                            } catch (IllegalArgumentException e) {
                                return Optional.empty();
                            }
                        });
    }

    public static NewCookie clear(HttpServerRequest http) {
        return HostedCookies.clear(COOKIE, HostedCookies.secure(http));
    }

    private static String encode(String text) {
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String decode(String text) {
        return new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8);
    }
}
