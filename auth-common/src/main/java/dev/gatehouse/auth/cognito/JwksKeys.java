package dev.gatehouse.auth.cognito;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import java.security.PublicKey;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.RsaJsonWebKey;

/**
 * The pool's signing keys by {@code kid}, from its JWKS. A request for an unknown {@code kid} waits
 * for the download under way and, if that does not bring its kid, for one that starts after it
 * arrived (the running one may predate a rotation), shared by every request waiting meanwhile;
 * download starts are at least {@code cooldown} apart, and only the download itself counts against
 * {@code timeout}, so no stream of unknown kids can postpone the next download or make it time out.
 * A failed or empty download keeps the keys already known.
 */
public final class JwksKeys {

    private final Supplier<Uni<String>> jwks;
    private final long cooldownNanos;
    private final Duration timeout;
    private volatile Map<String, PublicKey> keys = Map.of();
    // Guarded by this: the download under way, the one that will start after it, the last start.
    private CompletableFuture<Map<String, PublicKey>> running;
    private CompletableFuture<Map<String, PublicKey>> queued;
    private long lastStartNanos;
    private boolean started;

    /**
     * @param jwks fetches the JWKS document (non-blocking)
     * @param cooldown least time between the starts of two downloads
     * @param timeout longest wait for one download, once started
     */
    public JwksKeys(Supplier<Uni<String>> jwks, Duration cooldown, Duration timeout) {
        this.jwks = jwks;
        this.cooldownNanos = cooldown.toNanos();
        this.timeout = timeout;
    }

    /** The key with this {@code kid} among those known, or null. */
    public PublicKey key(String kid) {
        return keys.get(kid);
    }

    /**
     * The keys once they can tell about {@code kid}: after the download under way if it brings
     * {@code kid}, else after one that starts later than now (a download already running may have
     * fetched the JWKS before a rotation published {@code kid}).
     */
    public Uni<Map<String, PublicKey>> refreshFor(String kid) {
        CompletableFuture<Map<String, PublicKey>> underWay;
        synchronized (this) {
            underWay = running;
        }
        if (underWay == null) {
            return refresh();
        }
        return Uni.createFrom()
                .completionStage(underWay)
                .chain(known -> known.containsKey(kid) ? Uni.createFrom().item(known) : refresh());
    }

    /** The keys after a download that starts from now on (joined if one is already queued). */
    public Uni<Map<String, PublicKey>> refresh() {
        CompletableFuture<Map<String, PublicKey>> next;
        synchronized (this) {
            next = queued;
            if (next == null) {
                next = queued = new CompletableFuture<>();
                if (running == null) {
                    scheduleQueued();
                } // else the running download's end schedules it
            }
        }
        return Uni.createFrom().completionStage(next);
    }

    /** Starts the queued download when the cooldown allows. Caller holds the lock. */
    private void scheduleQueued() {
        long wait = started ? lastStartNanos + cooldownNanos - System.nanoTime() : 0;
        if (wait <= 0) {
            start();
        } else {
            Uni.createFrom()
                    .voidItem()
                    .onItem()
                    .delayIt()
                    .by(Duration.ofNanos(wait))
                    .subscribe()
                    .with(
                            ignored -> {
                                synchronized (this) {
                                    start();
                                }
                            });
        }
    }

    /** Moves the queued download to running and fetches. Caller holds the lock. */
    private void start() {
        CompletableFuture<Map<String, PublicKey>> result = queued;
        queued = null;
        running = result;
        lastStartNanos = System.nanoTime();
        started = true;
        Uni.createFrom()
                .<String>deferred(jwks::get)
                .ifNoItem()
                .after(timeout)
                .fail()
                .map(JwksKeys::parse)
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
        synchronized (this) {
            running = null;
            if (queued != null) {
                scheduleQueued();
            }
        }
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
