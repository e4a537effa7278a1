package dev.gatehouse.auth.cognito;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Verified tokens by SHA-256, each until {@code AuthorizerResultTtlInSeconds} or its {@code exp},
 * whichever comes first. Bounded: only verified tokens get in, and past the bound expired entries
 * are dropped, then everything (the next requests simply verify again).
 */
final class TokenCache {

    private record Entry(VerifiedToken token, long expiresAtMillis) {}

    private final ConcurrentHashMap<TokenDigest, Entry> entries = new ConcurrentHashMap<>();
    private final long ttlMillis;
    private final int maxEntries;

    TokenCache(Duration ttl, int maxEntries) {
        this.ttlMillis = ttl.toMillis();
        this.maxEntries = maxEntries;
    }

    VerifiedToken get(TokenDigest digest, long nowMillis) {
        Entry entry = entries.get(digest);
        if (entry == null) {
            return null;
        }
        if (entry.expiresAtMillis() <= nowMillis) {
            entries.remove(digest, entry);
            return null;
        }
        return entry.token();
    }

    void put(TokenDigest digest, VerifiedToken token, long nowMillis) {
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
        entries.put(digest, new Entry(token, until));
    }
}
