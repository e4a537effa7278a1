package dev.gatehouse.identity.hosted;

import dev.gatehouse.identity.pool.AppClient;
import dev.gatehouse.identity.pool.OAuthSettings;
import dev.gatehouse.identity.pool.UserPool;
import dev.gatehouse.identity.pool.config.IdentityConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Validates {@code /oauth2/authorize}'s parameters in RFC 6749 section 4.1.2.1's order: while the
 * client or {@code redirect_uri} is in doubt, the answer is a page (never a redirect, so the
 * endpoint cannot be used to send browsers anywhere); after that, errors go back to the app's
 * {@code redirect_uri} with {@code error} and {@code state}.
 *
 * <p>Used by: {@code /oauth2/authorize} and every hosted page that carries the query on.
 */
@ApplicationScoped
public class AuthorizationRequests {

    /** What a query stands for. */
    public sealed interface Outcome {}

    /** A request to serve. */
    public record Valid(AuthorizationRequest request) implements Outcome {}

    /** An error for the app, at its (verified) {@code redirect_uri}. */
    public record RedirectError(String location) implements Outcome {}

    /** An error shown to the user, because there is no trustworthy place to send them. */
    public record PageError(String message) implements Outcome {}

    private static final Pattern CHALLENGE = Pattern.compile("[A-Za-z0-9._~-]{43,128}");
    private static final int MAXIMUM_VALUE = 2048;
    private static final List<String> SINGLE =
            List.of(
                    "response_type",
                    "scope",
                    "state",
                    "nonce",
                    "code_challenge",
                    "code_challenge_method",
                    "identity_provider",
                    "idp_identifier",
                    "prompt");

    private final UserPool pool;
    private final boolean requirePkce;

    AuthorizationRequests(UserPool pool, IdentityConfig config) {
        this.pool = pool;
        this.requirePkce = config.hosted().requirePkceForPublicClients();
    }

    public Outcome parse(String rawQuery) {
        QueryParameters q;
        try {
            q = QueryParameters.parse(rawQuery);
        } catch (QueryParameters.MalformedException e) {
            return new PageError("The sign-in link is malformed: " + e.getMessage() + ".");
        }
        if (q.isRepeated("client_id") || q.isRepeated("redirect_uri")) {
            return new PageError("The sign-in link names its app or return address twice.");
        }
        AppClient client = q.get("client_id").map(pool.clientsById()::get).orElse(null);
        if (client == null) {
            return new PageError("The sign-in link does not name an app of this user pool.");
        }
        String redirectUri = q.get("redirect_uri").orElse(null);
        if (!client.oauth().isCallback(redirectUri)) {
            return new PageError(
                    "The sign-in link's return address (redirect_uri) is not registered for"
                            + " this app.");
        }
        Optional<String> state = q.get("state");
        Errors errors = new Errors(redirectUri, state);
        Optional<String> repeated = q.anyRepeated(SINGLE);
        if (repeated.isPresent()) {
            return errors.of("invalid_request", repeated.get() + " is repeated");
        }
        for (String name : SINGLE) {
            if (q.get(name).map(String::length).orElse(0) > MAXIMUM_VALUE) {
                return errors.of("invalid_request", name + " is too long");
            }
        }
        OAuthSettings oauth = client.oauth();
        String responseType = q.get("response_type").orElse(null);
        if (responseType == null) {
            return errors.of("invalid_request", "response_type is missing");
        }
        if (!"code".equals(responseType)) {
            return errors.of("unsupported_response_type", "only response_type=code is supported");
        }
        if (!oauth.allowsFlow("code") || !oauth.signsInPoolUsers()) {
            return errors.of("unauthorized_client", "the client may not use the code grant");
        }
        if (q.get("idp_identifier").isPresent()
                || q.get("identity_provider")
                        .filter(p -> !OAuthSettings.COGNITO.equals(p))
                        .isPresent()) {
            return errors.of("invalid_request", "only identity_provider=COGNITO is supported");
        }
        List<String> scopes = new ArrayList<>();
        for (String scope : q.get("scope").orElse("").split(" ")) {
            if (scope.isEmpty() || scopes.contains(scope)) {
                continue;
            }
            if (!oauth.allowedOAuthScopes().contains(scope)) {
                return errors.of("invalid_scope", "the client may not ask for " + scope);
            }
            scopes.add(scope);
        }
        if (scopes.isEmpty()) {
            scopes.addAll(oauth.allowedOAuthScopes().stream().sorted().toList());
        }
        Optional<String> challenge = q.get("code_challenge");
        Optional<String> method = q.get("code_challenge_method");
        if (challenge.isPresent()) {
            if (!"S256".equals(method.orElse(null))) {
                return errors.of("invalid_request", "code_challenge_method must be S256");
            }
            if (!CHALLENGE.matcher(challenge.get()).matches()) {
                return errors.of("invalid_request", "code_challenge is malformed");
            }
        } else if (method.isPresent()) {
            return errors.of("invalid_request", "code_challenge is missing");
        } else if (requirePkce && !client.hasSecret()) {
            return errors.of("invalid_request", "code_challenge is required for this client");
        }
        String prompt = q.get("prompt").orElse("");
        return new Valid(
                new AuthorizationRequest(
                        rawQuery == null ? "" : rawQuery,
                        client,
                        redirectUri,
                        state,
                        q.get("nonce"),
                        List.copyOf(scopes),
                        challenge,
                        prompt.equals("login"),
                        prompt.equals("none")));
    }

    /** The error redirect to a verified {@code redirect_uri}. */
    public static RedirectError error(
            String redirectUri, Optional<String> state, String error, String description) {
        return new Errors(redirectUri, state).of(error, description);
    }

    private record Errors(String redirectUri, Optional<String> state) {
        RedirectError of(String error, String description) {
            Map<String, String> parameters = new LinkedHashMap<>();
            parameters.put("error", error);
            parameters.put("error_description", description);
            state.ifPresent(s -> parameters.put("state", s));
            return new RedirectError(
                    redirectUri
                            + (redirectUri.contains("?") ? "&" : "?")
                            + QueryParameters.encode(parameters));
        }
    }
}
