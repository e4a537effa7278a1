package dev.gatehouse.identity.identitypool;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gatehouse.identity.pool.UserPool;
import dev.gatehouse.identity.token.Jwt;
import dev.gatehouse.identity.token.RefreshTokens;
import dev.gatehouse.identity.token.SigningKeys;
import dev.gatehouse.identity.user.User;
import dev.gatehouse.identity.user.UserStore;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Verifies every token of a {@code Logins} map before anything is looked up or written: the
 * provider is one the pool trusts, the signature is the issuer's (this service's user pool keys, or
 * an OIDC provider's JWKS), {@code iss} is the provider's, {@code aud} one of its registered
 * clients, {@code exp} in the future. The first failure answers with AWS's message. Where the
 * provider entry sets {@code ServerSideTokenCheck}, a user-pool token is also checked against the
 * user pool's state: its user exists and is enabled, was not signed out globally since, and the
 * sign-in it comes from was not revoked (RevokeToken).
 */
@ApplicationScoped
public class LoginVerifier {

    static final int MAX_LOGINS = 10;
    static final int MAX_TOKEN_LENGTH = 50_000;

    private final ObjectMapper json;
    private final UserPool userPool;
    private final SigningKeys.Pair keys;
    private final IdentityPools pools;
    private final OidcLogins oidc;
    private final UserStore users;
    private final RefreshTokens refreshTokens;
    private final Clock clock = Clock.systemUTC();

    LoginVerifier(
            ObjectMapper json,
            UserPool userPool,
            SigningKeys.Pair keys,
            IdentityPools pools,
            OidcLogins oidc,
            UserStore users,
            RefreshTokens refreshTokens) {
        this.json = json;
        this.userPool = userPool;
        this.keys = keys;
        this.pools = pools;
        this.oidc = oidc;
        this.users = users;
        this.refreshTokens = refreshTokens;
    }

    /** The model's limits on {@code Logins}: checked before any token is read. */
    public static void checkShape(Map<String, String> logins) {
        if (logins.size() > MAX_LOGINS) {
            throw IdentityPoolErrors.constraint(
                    "{...}", "logins", "Member must have length less than or equal to 10");
        }
        for (Map.Entry<String, String> login : logins.entrySet()) {
            int length = login.getValue().length();
            if (length < 1 || length > MAX_TOKEN_LENGTH) {
                throw IdentityPoolErrors.constraint(
                        "{...}",
                        "logins",
                        "Map value must satisfy constraint: [Member must have length less than or"
                                + " equal to 50000, Member must have length greater than or equal"
                                + " to 1]");
            }
            if (login.getKey().isEmpty() || login.getKey().length() > 128) {
                throw IdentityPoolErrors.constraint(
                        "{...}",
                        "logins",
                        "Map keys must satisfy constraint: [Member must have length less than or"
                                + " equal to 128, Member must have length greater than or equal"
                                + " to 1]");
            }
        }
    }

    public List<VerifiedLogin> verify(IdentityPool pool, Map<String, String> logins) {
        checkShape(logins);
        List<VerifiedLogin> verified = new ArrayList<>(logins.size());
        for (Map.Entry<String, String> login : logins.entrySet()) {
            String provider = login.getKey();
            if (pool.userPoolClients().containsKey(provider)) {
                VerifiedLogin verifiedLogin =
                        userPoolLogin(
                                provider, login.getValue(), pool.userPoolClients().get(provider));
                if (pool.serverSideTokenCheck().contains(verifiedLogin.clientId())) {
                    checkServerSide(verifiedLogin);
                }
                verified.add(verifiedLogin);
            } else if (pool.openIdProviders().contains(provider)) {
                verified.add(oidc.verify(provider, login.getValue()));
            } else {
                Log.debugf(
                        "identity pool %s: login from unsupported provider %s",
                        pool.id(), provider);
                throw IdentityPoolErrors.unsupportedProvider();
            }
        }
        return verified;
    }

    private VerifiedLogin userPoolLogin(String provider, String token, List<String> clients) {
        Optional<JsonNode> verified = Jwt.verify(json, keys.id(), token);
        if (verified.isEmpty()) {
            throw IdentityPoolErrors.couldNotVerify();
        }
        JsonNode claims = verified.get();
        if (!userPool.issuer().equals(claims.path("iss").asText())) {
            throw IdentityPoolErrors.invalidLoginToken("Issuer doesn't match providerName");
        }
        if (!"id".equals(claims.path("token_use").asText())) {
            throw IdentityPoolErrors.invalidLoginToken(
                    "Not a valid OpenId Connect identity token.");
        }
        checkExpiry(clock, claims);
        String audience = claims.path("aud").asText();
        if (!clients.contains(audience)) {
            throw IdentityPoolErrors.invalidLoginToken("Incorrect token audience.");
        }
        String sub = claims.path("sub").asText("");
        if (sub.isEmpty()) {
            throw IdentityPoolErrors.couldNotVerify();
        }
        return new VerifiedLogin(provider, sub, audience, claims);
    }

    /**
     * {@code ServerSideTokenCheck}: the token stands only while its user exists and is enabled, has
     * not signed out globally since it was issued, and its sign-in was not revoked. One answer for
     * all, so a caller learns nothing about the user.
     */
    private void checkServerSide(VerifiedLogin login) {
        JsonNode claims = login.claims();
        Optional<User> user = users.bySub(login.subject());
        String reason;
        if (user.isEmpty()) {
            reason = "user deleted";
        } else if (!user.get().enabled()) {
            reason = "user disabled";
        } else if (claims.path("iat").asLong(0) <= user.get().tokensValidAfter()) {
            reason = "user signed out globally";
        } else if (refreshTokens.originRevoked(claims.path("origin_jti").asText(""))) {
            reason = "sign-in revoked";
        } else {
            return;
        }
        Log.debugf("server-side token check refused a login: %s", reason);
        throw IdentityPoolErrors.tokenRevoked();
    }

    /** {@code exp} in the future, else AWS's message naming both instants. */
    public static void checkExpiry(Clock clock, JsonNode claims) {
        long now = clock.instant().getEpochSecond();
        JsonNode exp = claims.get("exp");
        if (exp == null || !exp.canConvertToLong()) {
            throw IdentityPoolErrors.couldNotVerify();
        }
        if (exp.asLong() <= now) {
            throw IdentityPoolErrors.invalidLoginToken(
                    "Token expired: " + now + " >= " + exp.asLong());
        }
    }
}
