package dev.gatehouse.identity.hosted;

import dev.gatehouse.identity.pool.AppClient;
import java.util.List;
import java.util.Optional;

/**
 * A validated {@code /oauth2/authorize} request. Hosted pages carry it between them as the original
 * query string, as Cognito does ({@code /oauth2/authorize?q} redirects to {@code /login?q}); each
 * page re-validates it with {@link AuthorizationRequests#parse}, so nothing about it lives on the
 * server until a user has signed in.
 *
 * <p>Used by: {@code /oauth2/authorize}, {@code /login}, {@code /logout} (redirect_uri variant) and
 * every other hosted page (sign-up, confirm, forgot password, new password) to return to the app.
 *
 * @param query the original raw query string, to append to the next page's URL
 * @param scopes the scopes granted: those asked for, or all the client's when none were
 */
public record AuthorizationRequest(
        String query,
        AppClient client,
        String redirectUri,
        Optional<String> state,
        Optional<String> nonce,
        List<String> scopes,
        Optional<String> codeChallenge,
        boolean promptLogin,
        boolean promptNone) {

    /** {@code path?<the original query>}, e.g. {@code /login?response_type=code&...}. */
    public String pageUrl(String path) {
        return query.isEmpty() ? path : path + "?" + query;
    }

    public String scope() {
        return String.join(" ", scopes);
    }
}
