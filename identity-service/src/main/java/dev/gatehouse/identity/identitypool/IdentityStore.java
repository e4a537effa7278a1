package dev.gatehouse.identity.identitypool;

import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.hash.HashCommands;
import io.quarkus.redis.datasource.sortedset.SortedSetCommands;
import io.quarkus.redis.datasource.value.ValueCommands;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Identities in Redis (blocking API; operations run on a worker). A login is bound to its identity
 * by SET NX on its index key, so two concurrent first sign-ins of one user agree on one identity.
 * Only verified logins reach this class: a refused call writes nothing.
 */
@ApplicationScoped
public class IdentityStore {

    private final HashCommands<String, String, String> hashes;
    private final ValueCommands<String, String> values;
    private final SortedSetCommands<String, String> sets;
    private final Clock clock = Clock.systemUTC();

    IdentityStore(RedisDataSource redis) {
        this.hashes = redis.hash(String.class);
        this.values = redis.value(String.class);
        this.sets = redis.sortedSet(String.class);
    }

    public Optional<Identity> find(String identityId) {
        Map<String, String> record = hashes.hgetall(IdentityKeys.identity(identityId));
        if (record == null || record.isEmpty()) {
            return Optional.empty();
        }
        String logins = record.getOrDefault("logins", "");
        return Optional.of(
                new Identity(
                        identityId,
                        record.get("pool"),
                        logins.isEmpty() ? List.of() : Arrays.asList(logins.split(" ")),
                        Instant.ofEpochMilli(Long.parseLong(record.get("created"))),
                        Instant.ofEpochMilli(Long.parseLong(record.get("modified")))));
    }

    /** The identity a login is bound to, if any. */
    public Optional<String> identityOf(String poolId, VerifiedLogin login) {
        return Optional.ofNullable(
                values.get(IdentityKeys.login(poolId, login.provider(), login.subject())));
    }

    /** A new guest identity. */
    public Identity createGuest(IdentityPool pool, String region) {
        String id = region + ":" + UUID.randomUUID();
        return write(id, pool.id(), List.of(), null);
    }

    /**
     * The identity of these logins: the one any of them is bound to, else a new one; the others are
     * linked to it. Empty when they are bound to different identities.
     */
    public Optional<Identity> resolve(
            IdentityPool pool, String region, List<VerifiedLogin> logins) {
        Set<String> bound = new LinkedHashSet<>();
        for (VerifiedLogin login : logins) {
            identityOf(pool.id(), login).ifPresent(bound::add);
        }
        if (bound.size() > 1) {
            return Optional.empty();
        }
        String id = bound.isEmpty() ? region + ":" + UUID.randomUUID() : bound.iterator().next();
        for (VerifiedLogin login : logins) {
            String key = IdentityKeys.login(pool.id(), login.provider(), login.subject());
            boolean claimed = values.setnx(key, id);
            String owner = claimed ? id : values.get(key);
            if (!id.equals(owner)) {
                if (bound.isEmpty() && login == logins.get(0)) {
                    id = owner; // a concurrent first sign-in won: join its identity
                    continue;
                }
                return Optional.empty();
            }
        }
        Optional<Identity> existing = find(id);
        Set<String> providers = new LinkedHashSet<>();
        existing.ifPresent(e -> providers.addAll(e.logins()));
        int before = providers.size();
        logins.forEach(l -> providers.add(l.provider()));
        if (existing.isPresent() && providers.size() == before) {
            return existing;
        }
        return Optional.of(
                write(
                        id,
                        pool.id(),
                        new ArrayList<>(providers),
                        existing.map(Identity::created).orElse(null)));
    }

    /** Links a login to an existing identity (developer identities name it explicitly). */
    public Identity link(IdentityPool pool, Identity identity, VerifiedLogin login) {
        values.setnx(
                IdentityKeys.login(pool.id(), login.provider(), login.subject()), identity.id());
        if (identity.logins().contains(login.provider())) {
            return identity;
        }
        List<String> providers = new ArrayList<>(identity.logins());
        providers.add(login.provider());
        return write(identity.id(), pool.id(), providers, identity.created());
    }

    /** Up to {@code max} identities of a pool from {@code offset}, oldest first. */
    public List<Identity> list(String poolId, int offset, int max) {
        List<Identity> identities = new ArrayList<>();
        for (String id : sets.zrange(IdentityKeys.identities(poolId), offset, offset + max - 1L)) {
            find(id).ifPresent(identities::add);
        }
        return identities;
    }

    private Identity write(String id, String poolId, List<String> logins, Instant created) {
        Instant now = clock.instant();
        Instant since = created == null ? now : created;
        hashes.hset(
                IdentityKeys.identity(id),
                Map.of(
                        "pool", poolId,
                        "logins", String.join(" ", logins),
                        "created", Long.toString(since.toEpochMilli()),
                        "modified", Long.toString(now.toEpochMilli())));
        if (created == null) {
            sets.zadd(IdentityKeys.identities(poolId), since.toEpochMilli(), id);
        }
        return new Identity(id, poolId, List.copyOf(logins), since, now);
    }
}
