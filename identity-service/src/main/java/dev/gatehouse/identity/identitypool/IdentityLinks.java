package dev.gatehouse.identity.identitypool;

import dev.gatehouse.auth.api.RedisScript;
import dev.gatehouse.identity.protocol.CognitoErrors;
import dev.gatehouse.identity.protocol.CognitoException;
import io.quarkus.logging.Log;
import io.quarkus.redis.datasource.RedisDataSource;
import io.vertx.mutiny.redis.client.Response;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Every change to identities: new guests, logins linked to an identity, identities merged into one
 * (as AWS merges them when a sign-in presents logins of two identities, and on
 * MergeDeveloperIdentities). Each change is read, planned here, and applied by one script ({@code
 * lua/identity-service/identity-link.lua}, known to this class alone) that re-checks what was read,
 * so concurrent changes never lose a login: a stale plan is made again. Only verified logins reach
 * this class.
 */
@ApplicationScoped
public class IdentityLinks {

    /** Logins one identity may hold (MergeDeveloperIdentities: "limited to 20"). */
    static final int MOST_LOGINS = 20;

    private static final RedisScript SCRIPT =
            RedisScript.fromClasspath("lua/identity-service/identity-link.lua");
    private static final Duration WAIT = Duration.ofSeconds(5);
    private static final int ATTEMPTS = 8;

    /** One login index key: the login, and the identity it pointed to when read ("" unbound). */
    private record LoginKey(String digest, String provider, String owner) {}

    /** What one script call should do. */
    private record Plan(
            String survivorId,
            Optional<StoredIdentity> survivor,
            List<StoredIdentity> merged,
            List<LoginKey> logins) {

        boolean changesNothing() {
            return survivor.isPresent()
                    && merged.isEmpty()
                    && logins.stream().allMatch(l -> l.owner().equals(survivorId));
        }
    }

    private final RedisDataSource redis;
    private final IdentityStore store;
    private final Clock clock = Clock.systemUTC();

    IdentityLinks(RedisDataSource redis, IdentityStore store) {
        this.redis = redis;
        this.store = store;
    }

    /** A new guest identity. */
    public Identity createGuest(IdentityPool pool, String region) {
        String id = newId(region);
        return apply(pool, () -> new Plan(id, Optional.empty(), List.of(), List.of()));
    }

    /**
     * GetId: the identity of these logins. Unbound logins make a new identity; logins bound to
     * several identities merge them into the oldest, which keeps every login.
     */
    public Identity resolve(IdentityPool pool, String region, List<VerifiedLogin> logins) {
        String fresh = newId(region);
        return apply(pool, () -> mergePlan(pool, fresh, logins));
    }

    /** Links a login to an identity it names (developer identities name it explicitly). */
    public Identity link(IdentityPool pool, String identityId, VerifiedLogin login) {
        return apply(
                pool,
                () -> {
                    StoredIdentity given =
                            store.read(pool.id(), identityId)
                                    .filter(s -> !s.identity().disabled())
                                    .orElseThrow(
                                            () -> IdentityPoolErrors.identityNotFound(identityId));
                    String owner = store.identityOf(pool.id(), login).orElse("");
                    if (!owner.isEmpty() && !owner.equals(identityId)) {
                        throw IdentityPoolErrors.loginsLinkedElsewhere();
                    }
                    return new Plan(
                            identityId,
                            Optional.of(given),
                            List.of(),
                            List.of(loginKey(login, owner)));
                });
    }

    /**
     * MergeDeveloperIdentities: the source login's identity is merged into the destination login's;
     * the destination's id survives.
     */
    public Identity merge(IdentityPool pool, VerifiedLogin source, VerifiedLogin destination) {
        return apply(
                pool,
                () -> {
                    StoredIdentity target = bound(pool, destination);
                    StoredIdentity merged = bound(pool, source);
                    String targetId = target.identity().id();
                    if (merged.identity().id().equals(targetId)) {
                        return new Plan(targetId, Optional.of(target), List.of(), List.of());
                    }
                    return new Plan(
                            targetId,
                            Optional.of(target),
                            List.of(merged),
                            linksOf(List.of(merged), Map.of()));
                });
    }

    private StoredIdentity bound(IdentityPool pool, VerifiedLogin login) {
        return store.identityOf(pool.id(), login)
                .flatMap(id -> store.read(pool.id(), id))
                .orElseThrow(
                        () ->
                                new CognitoException(
                                        "ResourceNotFoundException",
                                        "No identity is linked to this developer user"
                                                + " identifier."));
    }

    private Plan mergePlan(IdentityPool pool, String fresh, List<VerifiedLogin> logins) {
        Map<String, LoginKey> presented = new LinkedHashMap<>();
        Set<String> owners = new LinkedHashSet<>();
        for (VerifiedLogin login : logins) {
            String owner = store.identityOf(pool.id(), login).orElse("");
            presented.put(IdentityStore.digest(login), loginKey(login, owner));
            if (!owner.isEmpty()) {
                owners.add(owner);
            }
        }
        List<StoredIdentity> bound = new ArrayList<>();
        for (String owner : owners) {
            store.read(pool.id(), owner).ifPresent(bound::add);
        }
        if (bound.isEmpty()) {
            return new Plan(fresh, Optional.empty(), List.of(), List.copyOf(presented.values()));
        }
        bound.sort(
                Comparator.comparing((StoredIdentity s) -> s.identity().created())
                        .thenComparing(s -> s.identity().id()));
        StoredIdentity survivor = bound.get(0);
        List<StoredIdentity> merged = bound.subList(1, bound.size());
        return new Plan(
                survivor.identity().id(),
                Optional.of(survivor),
                List.copyOf(merged),
                linksOf(merged, presented));
    }

    /** The presented logins plus every login of the merged identities, once each. */
    private static List<LoginKey> linksOf(
            List<StoredIdentity> merged, Map<String, LoginKey> presented) {
        Map<String, LoginKey> all = new LinkedHashMap<>(presented);
        for (StoredIdentity identity : merged) {
            for (StoredIdentity.Link link : identity.links()) {
                all.putIfAbsent(
                        link.digest(),
                        new LoginKey(link.digest(), link.provider(), identity.identity().id()));
            }
        }
        return List.copyOf(all.values());
    }

    private static LoginKey loginKey(VerifiedLogin login, String owner) {
        return new LoginKey(IdentityStore.digest(login), login.provider(), owner);
    }

    private Identity apply(IdentityPool pool, Supplier<Plan> planner) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Plan plan = planner.get();
            if (plan.changesNothing()) {
                return plan.survivor().get().identity();
            }
            Response reply = run(pool, plan);
            String status = reply.get(0).toString();
            switch (status) {
                case "OK" -> {
                    if (!plan.merged().isEmpty()) {
                        Log.debugf(
                                "identity pool %s: %d identities merged into %s",
                                pool.id(), plan.merged().size(), plan.survivorId());
                    }
                    return identity(pool, plan.survivorId(), reply);
                }
                case "CONFLICT" -> throw IdentityPoolErrors.twoLoginsOfOneProvider();
                case "LIMIT" -> throw IdentityPoolErrors.tooManyLinkedLogins(MOST_LOGINS);
                default -> Log.debugf("identity pool %s: stale link plan, again", pool.id());
            }
        }
        throw CognitoErrors.internal();
    }

    private Response run(IdentityPool pool, Plan plan) {
        List<String> keys = new ArrayList<>();
        List<String> args = new ArrayList<>();
        keys.add(IdentityKeys.identities(pool.id()));
        keys.add(IdentityKeys.identity(pool.id(), plan.survivorId()));
        args.add(plan.survivorId());
        args.add(Long.toString(clock.millis()));
        args.add(Integer.toString(plan.merged().size()));
        args.add(Integer.toString(MOST_LOGINS));
        args.add(pool.developerProviderName().orElse(""));
        args.add(plan.survivor().map(StoredIdentity::rev).orElse("0"));
        for (StoredIdentity merged : plan.merged()) {
            keys.add(IdentityKeys.identity(pool.id(), merged.identity().id()));
            args.add(merged.rev());
        }
        for (LoginKey login : plan.logins()) {
            keys.add(IdentityKeys.login(pool.id(), login.digest()));
            args.addAll(List.of(login.owner(), login.digest(), login.provider()));
        }
        return SCRIPT.run(redis.getReactive(), keys, args).await().atMost(WAIT);
    }

    private static Identity identity(IdentityPool pool, String id, Response reply) {
        List<StoredIdentity.Link> links = StoredIdentity.parse(reply.get(1).toString());
        Instant created = Instant.ofEpochMilli(Long.parseLong(reply.get(2).toString()));
        return new Identity(
                id,
                pool.id(),
                links.stream().map(StoredIdentity.Link::provider).toList(),
                created,
                Instant.now(),
                Optional.empty());
    }

    private static String newId(String region) {
        return region + ":" + UUID.randomUUID();
    }
}
