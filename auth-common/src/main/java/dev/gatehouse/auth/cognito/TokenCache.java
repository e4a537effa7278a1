package dev.gatehouse.auth.cognito;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Verified tokens by the SHA-256 of their signature (with the header and payload it signs), each
 * until {@code AuthorizerResultTtlInSeconds} or its {@code exp}, whichever comes first. Bounded:
 * only verified tokens get in, and past the bound expired entries are dropped, then everything (the
 * next requests simply verify again).
 */
final class TokenCache {

    private record Entry(VerifiedToken token, long expiresAtMillis, byte[] signedPart) {}

    private final ConcurrentHashMap<TokenDigest, Entry> entries = new ConcurrentHashMap<>();
    private final long ttlMillis;
    private final int maxEntries;

    TokenCache(Duration ttl, int maxEntries) {
        this.ttlMillis = ttl.toMillis();
        this.maxEntries = maxEntries;
    }

    /**
     * The verified token whose signature has the presented digest, if the presented header and
     * payload are exactly those it was verified with.
     */
    VerifiedToken get(TokenDigest.Presented presented, long nowMillis) {
        Entry entry = entries.get(presented.digest());
        if (entry == null || !presented.signs(entry.signedPart())) {
            return null;
        }
        if (entry.expiresAtMillis() <= nowMillis) {
            entries.remove(presented.digest(), entry);
            return null;
        }
        return entry.token();
    }

    void put(TokenDigest digest, byte[] signedPart, VerifiedToken token, long nowMillis) {
        long until = Math.min(nowMillis + ttlMillis, token.expiresAt() * 1000);
        if (until <= nowMillis) {
            return;
        }
        if (entries.size() >= maxEntries) {
            entries.values().removeIf(e -> e.expiresAtMillis() <= nowMillis);
            if (entries.size() >= maxEntries) {
                entries.clear();
            }
        }
        entries.put(digest, new Entry(token, until, signedPart));
    }
}
