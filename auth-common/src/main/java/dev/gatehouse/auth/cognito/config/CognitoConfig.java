package dev.gatehouse.auth.cognito.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The Cognito user pool authorizer ({@code COGNITO_USER_POOLS} routes): which pool's tokens are
 * accepted (issuer and JWKS), by which app clients, and how long a verified token is remembered.
 * Pointing a service at a real Cognito pool is a matter of {@code issuer} (and {@code client-ids}).
 * Nothing here is needed by a service without {@code @CognitoUserPoolsRequired} routes.
 */
@ConfigMapping(prefix = "gatehouse.cognito")
public interface CognitoConfig {

    /** Whether {@code @CognitoUserPoolsRequired} routes are checked at all. */
    @WithDefault("true")
    boolean enabled();

    /**
     * The pool's issuer, compared exactly with the tokens' {@code iss}: {@code
     * https://cognito-idp.<region>.amazonaws.com/<poolId>} for a real pool, or identity-service's
     * {@code <base>/<poolId>}. Required as soon as a protected route is called.
     */
    Optional<String> issuer();

    /**
     * Where the pool publishes its signing keys; default {@code <issuer>/.well-known/jwks.json}.
     */
    Optional<String> jwksUrl();

    /**
     * App client ids whose tokens are accepted ({@code aud} of an ID token, {@code client_id} of an
     * access token). Empty: any client of the pool, as API Gateway's authorizer does.
     */
    Optional<List<String>> clientIds();

    /**
     * The token routes expect when they name no scopes: {@code id} (API Gateway's behaviour for a
     * method without OAuth scopes) or {@code access}.
     */
    @WithDefault("id")
    TokenUse tokenUse();

    /**
     * Scopes an access token must carry one of (any match passes), for routes that name none
     * themselves. Ignored for ID tokens.
     */
    Optional<List<String>> scopes();

    /**
     * {@code AuthorizerResultTtlInSeconds}: how long a verified token is remembered (by its
     * SHA-256), never past its {@code exp}. 0 verifies every request. API Gateway allows 0 to 3600.
     */
    @WithDefault("300s")
    Duration resultTtl();

    /** Most verified tokens remembered at once; beyond it, expired entries go, then all. */
    @WithDefault("10000")
    int resultCacheSize();

    /** Leeway for {@code exp}, {@code nbf} and {@code iat} against this host's clock. */
    @WithDefault("60s")
    Duration clockSkew();

    /**
     * Shortest time between the starts of two JWKS downloads. A token with an unknown {@code kid}
     * waits for the next download that starts after it arrived (shared by all such requests) rather
     * than failing, so a rotation never answers 401, while forged kids cannot make the service
     * fetch the JWKS more than once per cooldown. It is also the longest a forged kid waits for its
     * 401 beyond the download itself.
     */
    @WithDefault("1s")
    Duration jwksRefreshCooldown();

    /**
     * Longest wait for one JWKS download once it has started (the cooldown before it does not
     * count); on failure the keys already known stay in use.
     */
    @WithDefault("3s")
    Duration jwksTimeout();

    /**
     * Longest token accepted, in characters. Cognito's tokens are 1-2 kB; anything far larger is
     * refused before it is decoded.
     */
    @WithDefault("16384")
    int maxTokenLength();

    /** The {@code token_use} claim. */
    enum TokenUse {
        /** ID token: identity claims, {@code aud} is the app client. */
        ID,
        /** Access token: {@code scope}, {@code client_id} is the app client. */
        ACCESS;

        /** The claim's value. */
        public String claim() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
