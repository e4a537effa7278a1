package dev.gatehouse.auth.cognito;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import java.security.PublicKey;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.RsaJsonWebKey;

/**
 * The pool's signing keys by {@code kid}, from its JWKS. Downloads are single-flight and at least
 * {@code cooldown} apart: a refresh asked for during the cooldown is scheduled for its end and
 * shared by everyone asking meanwhile. A failed or empty download keeps the keys already known.
 */
public final class SigningKeys {

    private final Supplier<Uni<String>> jwks;
    private final long cooldownNanos;
    private final Duration timeout;
    private final AtomicReference<CompletableFuture<Map<String, PublicKey>>> pending =
            new AtomicReference<>();
    private final AtomicLong downloads = new AtomicLong();
    private volatile Map<String, PublicKey> keys = Map.of();
    private volatile long lastAttemptNanos;
    private volatile boolean attempted;

    /**
     * @param jwks fetches the JWKS document (non-blocking)
     * @param cooldown least time between two downloads
     * @param timeout longest wait for one download
     */
    public SigningKeys(Supplier<Uni<String>> jwks, Duration cooldown, Duration timeout) {
        this.jwks = jwks;
        this.cooldownNanos = cooldown.toNanos();
        this.timeout = timeout;
    }

    /** The key with this {@code kid} among those known, or null. */
    public PublicKey key(String kid) {
        return keys.get(kid);
    }

    /** Completed JWKS downloads (successful or not), for tests and metrics. */
    public long downloads() {
        return downloads.get();
    }

    /** The keys after the next download (joined if one is already pending). */
    public Uni<Map<String, PublicKey>> refresh() {
        while (true) {
            CompletableFuture<Map<String, PublicKey>> next = pending.get();
            if (next != null) {
                return Uni.createFrom().completionStage(next);
            }
            CompletableFuture<Map<String, PublicKey>> mine = new CompletableFuture<>();
            if (pending.compareAndSet(null, mine)) {
                download(mine);
                return Uni.createFrom().completionStage(mine);
            }
        }
    }

    private void download(CompletableFuture<Map<String, PublicKey>> result) {
        long wait = attempted ? lastAttemptNanos + cooldownNanos - System.nanoTime() : 0;
        Uni<Void> start =
                wait > 0
                        ? Uni.createFrom().voidItem().onItem().delayIt().by(Duration.ofNanos(wait))
                        : Uni.createFrom().voidItem();
        start.chain(() -> jwks.get())
                .ifNoItem()
                .after(timeout)
                .fail()
                .map(SigningKeys::parse)
                .subscribe()
                .with(
                        fresh -> finish(result, fresh),
                        failure -> {
                            Log.warnf(
                                    "JWKS download failed, keeping %d known keys: %s",
                                    keys.size(), failure.toString());
                            finish(result, Map.of());
                        });
    }

    private void finish(
            CompletableFuture<Map<String, PublicKey>> result, Map<String, PublicKey> fresh) {
        if (!fresh.isEmpty()) {
            keys = fresh;
        }
        lastAttemptNanos = System.nanoTime();
        attempted = true;
        downloads.incrementAndGet();
        pending.set(null);
        result.complete(keys);
    }

    /** The RSA signing keys of a JWKS document, by {@code kid}. */
    static Map<String, PublicKey> parse(String document) {
        try {
            Map<String, PublicKey> parsed = new HashMap<>();
            for (JsonWebKey jwk : new JsonWebKeySet(document).getJsonWebKeys()) {
                if (jwk instanceof RsaJsonWebKey rsa
                        && rsa.getKeyId() != null
                        && (rsa.getUse() == null || "sig".equals(rsa.getUse()))
                        && (rsa.getAlgorithm() == null || "RS256".equals(rsa.getAlgorithm()))) {
                    parsed.put(rsa.getKeyId(), rsa.getPublicKey());
                }
            }
            if (parsed.isEmpty()) {
                throw new IllegalArgumentException("no RS256 signing key in the JWKS");
            }
            return Map.copyOf(parsed);
        } catch (org.jose4j.lang.JoseException e) {
            throw new IllegalArgumentException("unreadable JWKS: " + e.getMessage(), e);
        }
    }
}
