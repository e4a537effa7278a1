package dev.gatehouse.identity.identitypool;

import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.hash.HashCommands;
import io.quarkus.redis.datasource.sortedset.SortedSetCommands;
import io.quarkus.redis.datasource.value.ValueCommands;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads identities from Redis (blocking API; operations run on a worker). Every change goes through
 * {@link IdentityLinks}. An identity id does not name its pool, so a lookup by id tries the
 * configured pools in turn: one read with one pool.
 */
@ApplicationScoped
public class IdentityStore {

    private final HashCommands<String, String, String> hashes;
    private final ValueCommands<String, String> values;
    private final SortedSetCommands<String, String> sets;
    private final IdentityPools pools;

    IdentityStore(RedisDataSource redis, IdentityPools pools) {
        this.hashes = redis.hash(String.class);
        this.values = redis.value(String.class);
        this.sets = redis.sortedSet(String.class);
        this.pools = pools;
    }

    public Optional<Identity> find(String identityId) {
        for (String poolId : pools.all().keySet()) {
            Optional<StoredIdentity> found = read(poolId, identityId);
            if (found.isPresent()) {
                return found.map(StoredIdentity::identity);
            }
        }
        return Optional.empty();
    }

    Optional<StoredIdentity> read(String poolId, String identityId) {
        Map<String, String> record = hashes.hgetall(IdentityKeys.identity(poolId, identityId));
        if (record == null || record.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(StoredIdentity.of(poolId, identityId, record));
    }

    /** The identity a login is bound to, if any. */
    public Optional<String> identityOf(String poolId, VerifiedLogin login) {
        return Optional.ofNullable(values.get(IdentityKeys.login(poolId, digest(login))));
    }

    static String digest(VerifiedLogin login) {
        return IdentityKeys.digest(login.provider(), login.subject());
    }

    /** The identities at positions {@code offset} to {@code offset + count - 1}, oldest first. */
    public List<Identity> list(String poolId, int offset, int count) {
        List<Identity> identities = new ArrayList<>();
        for (String id :
                sets.zrange(IdentityKeys.identities(poolId), offset, offset + count - 1L)) {
            read(poolId, id).map(StoredIdentity::identity).ifPresent(identities::add);
        }
        return identities;
    }
}
