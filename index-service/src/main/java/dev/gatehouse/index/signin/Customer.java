package dev.gatehouse.index.signin;

import io.quarkus.oidc.IdTokenCredential;
import io.quarkus.security.identity.SecurityIdentity;
import java.util.Optional;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The signed-in customer as the page needs them: the name to greet and the ID token that
 * index-service sends to stores-service on their behalf. The token never leaves the server: it is
 * read from quarkus-oidc's encrypted session cookie for each request and is never rendered.
 *
 * @param givenName {@code given_name}, or the username when the pool has none
 * @param idToken the raw ID token ({@code COGNITO_USER_POOLS} routes take it as is)
 */
public record Customer(String givenName, String email, String idToken) {

    /** The customer of a signed-in identity; empty for an anonymous visitor. */
    public static Optional<Customer> of(SecurityIdentity identity) {
        if (identity == null || identity.isAnonymous()) {
            return Optional.empty();
        }
        IdTokenCredential token = identity.getCredential(IdTokenCredential.class);
        if (token == null || !(identity.getPrincipal() instanceof JsonWebToken claims)) {
            return Optional.empty();
        }
        String given = claims.getClaim("given_name");
        String username = claims.getClaim("cognito:username");
        String name = given != null && !given.isBlank() ? given : username;
        return Optional.of(
                new Customer(
                        name == null ? "there" : name, claims.getClaim("email"), token.getToken()));
    }

    @Override
    public String toString() {
        // Never the token: a record's generated toString would print it in any log line.
        return "Customer[" + givenName + "]";
    }
}
