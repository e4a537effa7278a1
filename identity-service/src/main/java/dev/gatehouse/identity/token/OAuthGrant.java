package dev.gatehouse.identity.token;

import java.util.Arrays;
import java.util.Optional;

/**
 * The scopes a sign-in was granted and the OpenID {@code nonce} to echo: {@link #API} for the user
 * pool API's sign-ins (scope {@code aws.cognito.signin.user.admin} only), else what {@code
 * /oauth2/authorize} granted.
 */
public record OAuthGrant(String scope, Optional<String> nonce) {

    public static final OAuthGrant API = new OAuthGrant(TokenIssuer.ADMIN_SCOPE, Optional.empty());

    /** The ID token (and {@code at_hash}) only for the {@code openid} scope, or the API. */
    boolean issuesIdToken() {
        return this == API || has("openid");
    }

    public boolean has(String wanted) {
        return Arrays.asList(scope.split(" ")).contains(wanted);
    }
}
