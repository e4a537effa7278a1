package dev.gatehouse.auth.iam.credentials;

import io.quarkus.logging.Log;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Access keys in Redis, one hash per key id ({@code gatehouse:iam:{AKID}}, secret sealed with
 * {@link SecretCipher}), plus the principal-to-key index used by provisioning. Lookups are cached
 * in memory for {@code credential-cache-ttl}; unknown ids are never cached, so a freshly issued key
 * works at once on every instance.
 */
public class AccessKeyStore {

    /** Principal name to its long-term access key id. */
    static final String PRINCIPALS = "gatehouse:iam:principals";

    private static final int MAX_CACHED = 10_000;
    private static final String[] FIELDS = {
        "secret", "principal", "arn", "token", "expires", "session"
    };

    private record Cached(AccessKey key, long loadedAtNanos) {}

    private final ReactiveRedisDataSource redis;
    private final SecretCipher cipher;
    private final long cacheTtlNanos;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();
    private final Map<String, Uni<Optional<AccessKey>>> loads = new ConcurrentHashMap<>();

    public AccessKeyStore(ReactiveRedisDataSource redis, SecretCipher cipher, Duration cacheTtl) {
        this.redis = redis;
        this.cipher = cipher;
        this.cacheTtlNanos = cacheTtl.toNanos();
    }

    private boolean fresh(Cached cached) {
        return cached != null && System.nanoTime() - cached.loadedAtNanos() < cacheTtlNanos;
    }

    static String recordKey(String accessKeyId) {
        return "gatehouse:iam:{" + accessKeyId + "}";
    }

    /**
     * The key, or empty when unknown or sealed under another master key. When Redis fails or does
     * not answer within {@code timeout}, a previously cached record is served (stale beats a
     * gateway that locks every caller out during a Redis blip); without one, the failure stands.
     */
    public Uni<Optional<AccessKey>> find(String accessKeyId, Duration timeout) {
        Cached cached = cache.get(accessKeyId);
        if (fresh(cached)) {
            return Uni.createFrom().item(Optional.of(cached.key()));
        }
        return Uni.createFrom()
                .deferred(() -> loads.computeIfAbsent(accessKeyId, id -> load(id, timeout)))
                .onFailure(failure -> cached != null)
                .recoverWithItem(failure -> Optional.of(cached.key()));
    }

    /**
     * One read of a key's record, shared by every request that needs it while it is under way: when
     * a busy key's cache entry lapses, its requests wait for one read rather than each send its
     * own.
     */
    private Uni<Optional<AccessKey>> load(String accessKeyId, Duration timeout) {
        List<String> args = new ArrayList<>(FIELDS.length + 1);
        args.add(recordKey(accessKeyId));
        args.addAll(List.of(FIELDS));
        return redis.execute(Command.HMGET, args.toArray(String[]::new))
                .ifNoItem()
                .after(timeout)
                .failWith(() -> new IllegalStateException("Redis did not answer in time"))
                .map(response -> decode(accessKeyId, response))
                .invoke(found -> remember(accessKeyId, found))
                .onTermination()
                .invoke(() -> loads.remove(accessKeyId))
                .memoize()
                .indefinitely();
    }

    /** The key when it is in memory and fresh, so no Redis call is needed; otherwise empty. */
    public Optional<AccessKey> cached(String accessKeyId) {
        Cached cached = cache.get(accessKeyId);
        return fresh(cached) ? Optional.of(cached.key()) : Optional.empty();
    }

    /** Keeps a record this instance just wrote or provisioned, so lookups start warm. */
    void remember(String accessKeyId, Optional<AccessKey> found) {
        if (found.isPresent()) {
            if (cache.size() >= MAX_CACHED) {
                cache.clear();
            }
            cache.put(accessKeyId, new Cached(found.get(), System.nanoTime()));
        } else {
            cache.remove(accessKeyId);
        }
    }

    /** Writes (or overwrites) a key; {@code ttl} null for long-term keys. */
    public Uni<Void> put(AccessKey key, Duration ttl) {
        String record = recordKey(key.accessKeyId());
        List<String> args = new ArrayList<>();
        args.add(record);
        args.addAll(
                List.of(
                        "secret",
                        cipher.encrypt(key.accessKeyId(), key.secretAccessKey()),
                        "principal",
                        key.principal(),
                        "arn",
                        key.arn()));
        if (key.temporary()) {
            args.addAll(
                    List.of(
                            "token",
                            key.sessionTokenSha256(),
                            "expires",
                            Long.toString(key.expiresAt().toEpochMilli())));
            if (!key.session().isEmpty()) {
                args.addAll(List.of("session", key.session().encode()));
            }
        }
        Uni<Response> write = redis.execute(Command.HSET, args.toArray(String[]::new));
        if (ttl != null) {
            write =
                    write.chain(
                            () ->
                                    redis.execute(
                                            Command.PEXPIRE,
                                            record,
                                            Long.toString(Math.max(1, ttl.toMillis()))));
        }
        return write.invoke(() -> remember(key.accessKeyId(), Optional.of(key))).replaceWithVoid();
    }

    public Uni<Void> delete(String accessKeyId) {
        cache.remove(accessKeyId);
        return redis.execute(Command.DEL, recordKey(accessKeyId)).replaceWithVoid();
    }

    private Optional<AccessKey> decode(String accessKeyId, Response values) {
        if (values == null || values.size() < FIELDS.length || values.get(0) == null) {
            return Optional.empty();
        }
        Optional<String> secret = cipher.decrypt(accessKeyId, values.get(0).toString());
        if (secret.isEmpty()) {
            Log.warnf(
                    "access key %s: its secret does not decrypt with this master key; treated as"
                            + " unknown",
                    accessKeyId);
            return Optional.empty();
        }
        String token = values.get(3) == null ? null : values.get(3).toString();
        Instant expires =
                values.get(4) == null
                        ? null
                        : Instant.ofEpochMilli(Long.parseLong(values.get(4).toString()));
        Optional<SessionAttributes> session =
                values.get(5) == null
                        ? Optional.of(SessionAttributes.NONE)
                        : SessionAttributes.decode(values.get(5).toString());
        if (session.isEmpty()) {
            Log.warnf(
                    "access key %s: unreadable session attributes; treated as unknown",
                    accessKeyId);
            return Optional.empty();
        }
        return Optional.of(
                new AccessKey(
                        accessKeyId,
                        secret.get(),
                        str(values.get(1)),
                        str(values.get(2)),
                        token,
                        expires,
                        session.get()));
    }

    private static String str(Response r) {
        return r == null ? "" : r.toString();
    }
}
