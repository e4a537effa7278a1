package dev.gatehouse.auth.iam;

import dev.gatehouse.auth.sigv4.SignatureClaim;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.smallrye.mutiny.Uni;
import java.time.Clock;
import java.time.Duration;

/**
 * Remembers the signatures accepted on replay-protected routes until their validity window ends:
 * one Redis {@code SET key 1 PX <rest of the window> NX} per signed request, so the first use wins
 * on every instance and the record expires when the signature would anyway. This class is the only
 * owner of the key {@code gatehouse:iam:seen:{<signature>}} (its own hash tag: one key per request,
 * Redis Cluster safe).
 */
public final class ReplayGuard {

    private final ReactiveRedisDataSource redis;
    private final Clock clock;
    private final Duration timeout;

    public ReplayGuard(ReactiveRedisDataSource redis, Clock clock, Duration timeout) {
        this.redis = redis;
        this.clock = clock;
        this.timeout = timeout;
    }

    /** True when this is the signature's first accepted use within its window. */
    public Uni<Boolean> firstUse(SignatureClaim claim) {
        long rest = claim.validUntil().toEpochMilli() - clock.millis();
        if (rest <= 0) {
            return Uni.createFrom().item(false); // past its window: the parser refuses it anyway
        }
        return redis.execute("SET", key(claim), "1", "PX", Long.toString(rest), "NX")
                .ifNoItem()
                .after(timeout)
                .fail()
                .map(reply -> reply != null && "OK".equals(reply.toString()));
    }

    /** A signature is 64 hex digits, unique per request content and signing time. */
    static String key(SignatureClaim claim) {
        return "gatehouse:iam:seen:{" + claim.accessKeyId() + ":" + claim.signature() + "}";
    }
}
