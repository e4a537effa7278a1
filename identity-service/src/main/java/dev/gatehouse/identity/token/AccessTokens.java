package dev.gatehouse.identity.token;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gatehouse.identity.pool.UserPool;
import dev.gatehouse.identity.protocol.CognitoErrors;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;

/**
 * Checks the {@code AccessToken} of GetUser, GlobalSignOut and friends: our signature and kid,
 * issuer, {@code token_use=access}, the admin scope, not expired.
 */
@ApplicationScoped
public class AccessTokens {

    /** A verified access token's subject and issue time. */
    public record Caller(
            String sub, String username, long issuedAt, String originJti, String scope) {}

    private final ObjectMapper json;
    private final UserPool pool;
    private final SigningKeys.Pair keys;
    private final Clock clock = Clock.systemUTC();

    AccessTokens(ObjectMapper json, UserPool pool, SigningKeys.Pair keys) {
        this.json = json;
        this.pool = pool;
        this.keys = keys;
    }

    public Caller verify(String token) {
        return verify(token, TokenIssuer.ADMIN_SCOPE);
    }

    /** As {@link #verify(String)}, for a token that must carry {@code requiredScope}. */
    public Caller verify(String token, String requiredScope) {
        JsonNode claims =
                Jwt.verify(json, keys.access(), token)
                        .orElseThrow(() -> CognitoErrors.notAuthorized("Invalid Access Token"));
        if (!"access".equals(claims.path("token_use").asText())
                || !pool.issuer().equals(claims.path("iss").asText())
                || !(" " + claims.path("scope").asText() + " ")
                        .contains(" " + requiredScope + " ")) {
            throw CognitoErrors.notAuthorized("Invalid Access Token");
        }
        if (claims.path("exp").asLong() <= clock.instant().getEpochSecond()) {
            throw CognitoErrors.notAuthorized("Access Token has expired");
        }
        return new Caller(
                claims.path("sub").asText(),
                claims.path("username").asText(),
                claims.path("iat").asLong(),
                claims.path("origin_jti").asText(),
                claims.path("scope").asText());
    }
}
