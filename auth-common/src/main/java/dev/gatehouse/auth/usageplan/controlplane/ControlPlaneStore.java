package dev.gatehouse.auth.usageplan.controlplane;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gatehouse.auth.api.RedisScript;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Request;
import io.vertx.mutiny.redis.client.Response;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The control plane's objects in Redis, all under the hash tag {@code {apikeys}} (one slot, so a
 * write that touches keys, plans and value hashes together commits atomically on Redis Cluster
 * too): reads, and commits through {@code control-plane-commit.lua}, which owns the layout.
 */
public class ControlPlaneStore {

    static final String VERSION = "{apikeys}:version";
    static final String KEY_ITEMS = "{apikeys}:key-items";
    static final String PLANS = "{apikeys}:plans";
    static final String HASHES = "{apikeys}:hashes";

    /** The audit stream: one entry per committed write (caller ARN, action, target ids). */
    public static final String AUDIT = "{apikeys}:audit";

    private static final RedisScript COMMIT =
            RedisScript.fromClasspath("lua/auth-common/control-plane-commit.lua");

    private final ReactiveRedisDataSource redis;
    private final ObjectMapper json;
    private final int auditLength;

    public ControlPlaneStore(ReactiveRedisDataSource redis, ObjectMapper json, int auditLength) {
        this.redis = redis;
        this.json = json;
        this.auditLength = auditLength;
    }

    /** What a writer read: the version first, then the objects (missing ones are absent). */
    public record Snapshot(
            long version, Map<String, StoredApiKey> keys, Map<String, StoredUsagePlan> plans) {}

    /** Thrown when the version moved between read and commit: read again and retry. */
    public static final class VersionMoved extends RuntimeException {
        VersionMoved() {
            super("control-plane version moved", null, false, false);
        }
    }

    /** Thrown when a value claimed for one key belongs to another. */
    public static final class ValueTaken extends RuntimeException {
        public final String holder;

        ValueTaken(String holder) {
            super("value taken", null, false, false);
            this.holder = holder;
        }
    }

    /**
     * Runs {@code attempt} (read, decide, commit) again while another writer's commit gets in
     * between, up to {@code ATTEMPTS} times; then fails with {@link VersionMoved}.
     */
    public static <T> Uni<T> retrying(java.util.function.Supplier<Uni<? extends T>> attempt) {
        return Uni.createFrom()
                .deferred(attempt)
                .onFailure(VersionMoved.class)
                .retry()
                .withBackOff(java.time.Duration.ofMillis(2), java.time.Duration.ofMillis(50))
                .atMost(ATTEMPTS);
    }

    static final int ATTEMPTS = 30;

    public Uni<Long> version() {
        return redis.execute(Command.GET, VERSION)
                .map(r -> r == null ? 0L : Long.parseLong(r.toString()));
    }

    /** Reads the version, then the named keys and plans. */
    public Uni<Snapshot> read(Collection<String> keyIds, Collection<String> planIds) {
        return version()
                .flatMap(
                        v ->
                                Uni.combine()
                                        .all()
                                        .unis(keys(keyIds), plans(planIds))
                                        .asTuple()
                                        .map(t -> new Snapshot(v, t.getItem1(), t.getItem2())));
    }

    public Uni<Map<String, StoredApiKey>> keys(Collection<String> ids) {
        return hmget(KEY_ITEMS, ids, StoredApiKey.class);
    }

    public Uni<Map<String, StoredUsagePlan>> plans(Collection<String> ids) {
        return hmget(PLANS, ids, StoredUsagePlan.class);
    }

    public Uni<Optional<StoredApiKey>> key(String id) {
        return keys(List.of(id)).map(m -> Optional.ofNullable(m.get(id)));
    }

    public Uni<Optional<StoredUsagePlan>> plan(String id) {
        return plans(List.of(id)).map(m -> Optional.ofNullable(m.get(id)));
    }

    public Uni<List<StoredApiKey>> allKeys() {
        return hvals(KEY_ITEMS, StoredApiKey.class);
    }

    public Uni<List<StoredUsagePlan>> allPlans() {
        return hvals(PLANS, StoredUsagePlan.class);
    }

    public Uni<Long> planCount() {
        return redis.execute(Command.HLEN, PLANS).map(Response::toLong);
    }

    public Uni<Long> keyCount() {
        return redis.execute(Command.HLEN, KEY_ITEMS).map(Response::toLong);
    }

    /** Key ids by the SHA-256 of their values, for the hashes that have one. */
    public Uni<Map<String, String>> keyIdsOfValues(List<String> sha256s) {
        if (sha256s.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        Request request = Request.cmd(Command.HMGET).arg(HASHES);
        sha256s.forEach(request::arg);
        return redis.getRedis()
                .send(request)
                .map(
                        reply -> {
                            Map<String, String> ids = new LinkedHashMap<>();
                            for (int i = 0; i < sha256s.size(); i++) {
                                if (reply.get(i) != null) {
                                    ids.put(sha256s.get(i), reply.get(i).toString());
                                }
                            }
                            return ids;
                        });
    }

    /** The id of the key whose value has this SHA-256, if any. */
    public Uni<Optional<String>> keyIdOfValue(String sha256) {
        return redis.execute(Command.HGET, HASHES, sha256)
                .map(r -> Optional.ofNullable(r).map(Response::toString));
    }

    /** A write: objects to set or delete, value hashes to claim or release, and its audit entry. */
    public static final class Write {
        private final List<String> ops = new ArrayList<>();
        private final ObjectMapper json;

        Write(ObjectMapper json) {
            this.json = json;
        }

        public Write put(StoredApiKey key) {
            return op("k", key.id(), text(key));
        }

        public Write deleteKey(String id) {
            return op("k", id, "");
        }

        public Write put(StoredUsagePlan plan) {
            return op("p", plan.id(), text(plan));
        }

        public Write deletePlan(String id) {
            return op("p", id, "");
        }

        public Write claimValue(String sha256, String keyId) {
            return op("h", sha256, keyId);
        }

        public Write releaseValue(String sha256, String keyId) {
            return op("H", sha256, keyId);
        }

        public boolean isEmpty() {
            return ops.isEmpty();
        }

        private Write op(String kind, String field, String value) {
            ops.addAll(List.of(kind, field, value));
            return this;
        }

        private String text(Object value) {
            try {
                return json.writeValueAsString(value);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("cannot serialise " + value, e);
            }
        }
    }

    public Write write() {
        return new Write(json);
    }

    /**
     * Commits {@code write} if the version is still {@code readVersion}; fails with {@link
     * VersionMoved} or {@link ValueTaken} otherwise, having written nothing.
     */
    public Uni<Long> commit(
            long readVersion, Write write, String caller, String action, String target) {
        List<String> args = new ArrayList<>(5 + write.ops.size());
        args.add(Long.toString(readVersion));
        args.add(Integer.toString(auditLength));
        args.add(caller);
        args.add(action);
        args.add(target);
        args.addAll(write.ops);
        return COMMIT.run(redis, List.of(VERSION, KEY_ITEMS, PLANS, HASHES, AUDIT), args)
                .map(
                        reply -> {
                            long code = reply.get(0).toLong();
                            if (code == -1) {
                                throw new VersionMoved();
                            }
                            if (code == -2) {
                                throw new ValueTaken(reply.get(1).toString());
                            }
                            return code;
                        });
    }

    /** The newest audit entries, newest first: {@code XREVRANGE ... COUNT n}. */
    public Uni<Response> audit(int count) {
        return redis.getRedis()
                .send(
                        Request.cmd(Command.XREVRANGE)
                                .arg(AUDIT)
                                .arg("+")
                                .arg("-")
                                .arg("COUNT")
                                .arg(count));
    }

    private <T> Uni<Map<String, T>> hmget(String hash, Collection<String> ids, Class<T> type) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        List<String> fields = new ArrayList<>(ids);
        Request request = Request.cmd(Command.HMGET).arg(hash);
        fields.forEach(request::arg);
        return redis.getRedis()
                .send(request)
                .map(
                        reply -> {
                            Map<String, T> found = new LinkedHashMap<>();
                            for (int i = 0; i < fields.size(); i++) {
                                Response item = reply.get(i);
                                if (item != null) {
                                    found.put(fields.get(i), parse(item.toString(), type));
                                }
                            }
                            return found;
                        });
    }

    private <T> Uni<List<T>> hvals(String hash, Class<T> type) {
        return redis.execute(Command.HVALS, hash)
                .map(
                        reply -> {
                            List<T> all = new ArrayList<>();
                            if (reply != null) {
                                reply.forEach(item -> all.add(parse(item.toString(), type)));
                            }
                            return all;
                        });
    }

    private <T> T parse(String text, Class<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable " + type.getSimpleName() + " in Redis", e);
        }
    }
}
