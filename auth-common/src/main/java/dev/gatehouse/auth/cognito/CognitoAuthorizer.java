package dev.gatehouse.auth.cognito;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.security.PublicKey;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The {@code COGNITO_USER_POOLS} authorizer: token out of the header, result cache, then full
 * verification with the pool's keys (refreshing them once for an unknown {@code kid}).
 *
 * <p>Threading: a cache hit and a verification with a known key are pure CPU work (a SHA-256, or
 * one RSA public-key operation) and run inline on the event loop. The only I/O, a JWKS download, is
 * done by Vert.x's non-blocking HTTP client; requests waiting for it resume on their own event-loop
 * context.
 */
public final class CognitoAuthorizer {

    private final TokenVerifier verifier;
    private final JwksKeys keys;
    private final TokenCache cache;
    private final int maxTokenLength;
    private final Clock clock;
    private final AtomicLong verifications = new AtomicLong();

    public CognitoAuthorizer(
            TokenVerifier verifier,
            JwksKeys keys,
            java.time.Duration resultTtl,
            int resultCacheSize,
            int maxTokenLength,
            Clock clock) {
        this.verifier = verifier;
        this.keys = keys;
        this.cache = new TokenCache(resultTtl, resultCacheSize);
        this.maxTokenLength = maxTokenLength;
        this.clock = clock;
    }

    /**
     * The verified token of this {@code Authorization} header value if it meets {@code
     * requirement}; a null item otherwise (the reason is logged at DEBUG).
     */
    public Uni<VerifiedToken> authorize(String authorization, TokenRequirement requirement) {
        long span = BearerTokens.span(authorization);
        if (span < 0) {
            return rejected("no token in Authorization");
        }
        int start = BearerTokens.start(span);
        int end = BearerTokens.end(span);
        TokenDigest.Presented presented =
                TokenDigest.ofWellFormed(authorization, start, end, maxTokenLength);
        if (presented == null) {
            return rejected("not a compact JWS of at most " + maxTokenLength + " characters");
        }
        VerifiedToken cached = cache.get(presented, clock.millis());
        if (cached != null) {
            return Uni.createFrom().item(check(cached, requirement));
        }
        String token = authorization.substring(start, end);
        // Copied now: the scratch bytes belong to the next token this thread reads.
        TokenDigest digest = presented.digest();
        byte[] signedPart = presented.signedPart();
        String kid;
        try {
            kid = verifier.keyId(token);
        } catch (InvalidTokenException e) {
            return rejected(e.getMessage());
        }
        PublicKey key = keys.key(kid);
        if (key != null) {
            return Uni.createFrom().item(verify(token, digest, signedPart, key, requirement));
        }
        Context context = Vertx.currentContext();
        Uni<VerifiedToken> afterRefresh =
                keys.refreshFor(kid)
                        .map(
                                refreshed -> {
                                    PublicKey fresh = refreshed.get(kid);
                                    if (fresh == null) {
                                        Log.debugf("Cognito token refused: unknown kid %s", kid);
                                        return null;
                                    }
                                    return verify(token, digest, signedPart, fresh, requirement);
                                });
        return context == null
                ? afterRefresh
                : afterRefresh.emitOn(task -> context.runOnContext(ignored -> task.run()));
    }

    /**
     * Full verifications done so far (cache hits do none). Package-private: the cache's tests, in
     * this package, read it; it is no part of the library's surface.
     */
    long verifications() {
        return verifications.get();
    }

    private VerifiedToken verify(
            String token,
            TokenDigest digest,
            byte[] signedPart,
            PublicKey key,
            TokenRequirement requirement) {
        verifications.incrementAndGet();
        VerifiedToken verified;
        try {
            verified = verifier.verify(token, key);
        } catch (InvalidTokenException e) {
            Log.debugf("Cognito token refused: %s", e.getMessage());
            return null;
        }
        cache.put(digest, signedPart, verified, clock.millis());
        return check(verified, requirement);
    }

    private static VerifiedToken check(VerifiedToken token, TokenRequirement requirement) {
        String violation = requirement.violation(token);
        if (violation != null) {
            Log.debugf("Cognito token refused: %s", violation);
            return null;
        }
        return token;
    }

    private static Uni<VerifiedToken> rejected(String reason) {
        Log.debugf("Cognito token refused: %s", reason);
        return Uni.createFrom().nullItem();
    }
}
