package dev.gatehouse.identity.token;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gatehouse.identity.group.GroupClaims;
import dev.gatehouse.identity.group.TokenGroups;
import dev.gatehouse.identity.pool.AppClient;
import dev.gatehouse.identity.pool.UserPool;
import dev.gatehouse.identity.pool.config.IdentityConfig;
import dev.gatehouse.identity.protocol.Members;
import dev.gatehouse.identity.user.User;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Mints ID and access tokens with Cognito's claims (spec 4.2, 4.3): the ID token carries the user's
 * attributes ({@code email_verified} as a JSON boolean), the access token the scope {@code
 * aws.cognito.signin.user.admin}; both share {@code event_id} and {@code origin_jti}, and carry the
 * user's groups ({@link GroupClaims}) as of the moment they are minted.
 */
@ApplicationScoped
public class TokenIssuer {

    public static final String ADMIN_SCOPE = "aws.cognito.signin.user.admin";

    private final ObjectMapper json;
    private final UserPool pool;
    private final SigningKeys.Pair keys;
    private final RefreshTokens refreshTokens;
    private final IdentityConfig.TokensConfig config;
    private final TokenGroups groups;
    private final Clock clock = Clock.systemUTC();

    TokenIssuer(
            ObjectMapper json,
            UserPool pool,
            SigningKeys.Pair keys,
            RefreshTokens refreshTokens,
            IdentityConfig config,
            TokenGroups groups) {
        this.json = json;
        this.groups = groups;
        this.pool = pool;
        this.keys = keys;
        this.refreshTokens = refreshTokens;
        this.config = config.tokens();
    }

    /** A new sign-in: ID, access and refresh token ({@code AuthenticationResult}). */
    public Map<String, Object> signIn(User user, AppClient client) {
        long now = clock.instant().getEpochSecond();
        String originJti = UUID.randomUUID().toString();
        Map<String, Object> result = tokens(user, client, now, originJti, OAuthGrant.API);
        result.put("RefreshToken", refreshTokens.issue(user, client, now, originJti));
        return result;
    }

    /**
     * A sign-in through {@code /oauth2/token} (authorization code): the access token carries the
     * granted scopes, the ID token (only with {@code openid}) the {@code nonce} and {@code
     * at_hash}, and the refresh token remembers the scopes for later refreshes.
     */
    public Map<String, Object> signIn(
            User user, AppClient client, long authTime, OAuthGrant grant) {
        String originJti = UUID.randomUUID().toString();
        Map<String, Object> result = tokens(user, client, authTime, originJti, grant);
        result.put(
                "RefreshToken",
                refreshTokens.issue(user, client, authTime, originJti, Optional.of(grant.scope())));
        return result;
    }

    /** A refresh: new ID and access tokens for the original sign-in, no new refresh token. */
    public Map<String, Object> refresh(User user, AppClient client, RefreshTokens.Grant grant) {
        OAuthGrant scopes =
                grant.scope().map(s -> new OAuthGrant(s, Optional.empty())).orElse(OAuthGrant.API);
        return tokens(user, client, grant.authTime(), grant.originJti(), scopes);
    }

    /**
     * {@code client_credentials}: an access token for the client itself ({@code sub} = client id),
     * with the resource-server scopes it was granted; no ID or refresh token.
     */
    public Map<String, Object> clientCredentials(AppClient client, String scope) {
        long now = clock.instant().getEpochSecond();
        long accessTtl = config.accessTokenValidity().toSeconds();
        Map<String, Object> access = new LinkedHashMap<>();
        access.put("sub", client.id());
        access.put("token_use", "access");
        access.put("scope", scope);
        access.put("auth_time", now);
        access.put("iss", pool.issuer());
        access.put("exp", now + accessTtl);
        access.put("iat", now);
        access.put("version", 2);
        access.put("jti", UUID.randomUUID().toString());
        access.put("client_id", client.id());
        return new LinkedHashMap<>(
                Members.of(
                        "AccessToken",
                        Jwt.sign(json, keys.access(), access),
                        "ExpiresIn",
                        accessTtl,
                        "TokenType",
                        "Bearer"));
    }

    private Map<String, Object> tokens(
            User user, AppClient client, long authTime, String originJti, OAuthGrant grant) {
        long now = clock.instant().getEpochSecond();
        String eventId = UUID.randomUUID().toString();
        long accessTtl = config.accessTokenValidity().toSeconds();
        GroupClaims memberOf = groups.of(user);
        Map<String, Object> access = new LinkedHashMap<>();
        access.put("sub", user.sub());
        access.putAll(memberOf.accessTokenClaims());
        access.put("iss", pool.issuer());
        access.put("client_id", client.id());
        access.put("origin_jti", originJti);
        access.put("event_id", eventId);
        access.put("token_use", "access");
        access.put("scope", grant.scope());
        access.put("auth_time", authTime);
        access.put("exp", now + accessTtl);
        access.put("iat", now);
        access.put("jti", UUID.randomUUID().toString());
        access.put("username", user.username());
        String accessToken = Jwt.sign(json, keys.access(), access);
        if (!grant.issuesIdToken()) {
            return new LinkedHashMap<>(
                    Members.of(
                            "AccessToken",
                            accessToken,
                            "ExpiresIn",
                            accessTtl,
                            "TokenType",
                            "Bearer"));
        }

        Map<String, Object> id = new LinkedHashMap<>();
        id.put("at_hash", Jwt.atHash(accessToken));
        id.put("sub", user.sub());
        id.putAll(memberOf.idTokenClaims());
        user.attributes()
                .forEach(
                        (name, value) -> {
                            if (name.endsWith("_verified")) {
                                id.put(name, Boolean.parseBoolean(value));
                            } else {
                                id.put(name, value);
                            }
                        });
        id.put("iss", pool.issuer());
        id.put("cognito:username", user.username());
        grant.nonce().ifPresent(nonce -> id.put("nonce", nonce));
        id.put("origin_jti", originJti);
        id.put("aud", client.id());
        id.put("event_id", eventId);
        id.put("token_use", "id");
        id.put("auth_time", authTime);
        id.put("exp", now + config.idTokenValidity().toSeconds());
        id.put("iat", now);
        id.put("jti", UUID.randomUUID().toString());

        return new LinkedHashMap<>(
                Members.of(
                        "AccessToken",
                        accessToken,
                        "ExpiresIn",
                        accessTtl,
                        "TokenType",
                        "Bearer",
                        "IdToken",
                        Jwt.sign(json, keys.id(), id)));
    }
}
