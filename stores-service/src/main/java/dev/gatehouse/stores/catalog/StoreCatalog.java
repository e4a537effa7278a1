package dev.gatehouse.stores.catalog;

import dev.gatehouse.auth.api.RedisScript;
import dev.gatehouse.stores.config.StoresConfig;
import io.quarkus.logging.Log;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Response;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads stores from Redis, one round trip per call. A listing that Redis does not answer within
 * {@code gatehouse.stores.catalog.redis-timeout} (a master frozen or failing over) is served from
 * the last listing this instance read, so the catalogue stays readable through a Redis fault.
 */
@ApplicationScoped
public class StoreCatalog {

    private static final RedisScript LIST =
            RedisScript.fromClasspath("lua/stores-service/list-stores.lua");
    private static final Pattern STORE_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private final ReactiveRedisDataSource redis;
    private final StoreJson json;
    private final Duration timeout;
    private volatile Listing last;

    /** A listing read from Redis: the first {@code limit} stores. */
    private record Listing(int limit, List<Store> stores) {

        /** Whether it holds the first {@code n} stores: it asked for as many, or got them all. */
        boolean covers(int n) {
            return n <= limit || stores.size() < limit;
        }

        List<Store> first(int n) {
            return stores.subList(0, Math.min(n, stores.size()));
        }
    }

    StoreCatalog(ReactiveRedisDataSource redis, StoreJson json, StoresConfig config) {
        this.redis = redis;
        this.json = json;
        this.timeout = config.catalog().redisTimeout();
    }

    /** The first {@code limit} stores in catalogue order. */
    public Uni<List<Store>> first(int limit) {
        return LIST.run(
                        redis,
                        List.of(CatalogKeys.ORDER, CatalogKeys.BY_ID),
                        List.of(Integer.toString(limit)))
                .ifNoItem()
                .after(timeout)
                .fail()
                .map(this::stores)
                .invoke(stores -> remember(limit, stores))
                .onFailure()
                .recoverWithUni(failure -> lastListing(limit, failure));
    }

    private void remember(int limit, List<Store> stores) {
        Listing previous = last;
        if (previous == null || limit >= previous.limit()) {
            last = new Listing(limit, List.copyOf(stores));
        }
    }

    private Uni<List<Store>> lastListing(int limit, Throwable failure) {
        Listing listing = last;
        if (listing == null || !listing.covers(limit)) {
            return Uni.createFrom().failure(failure);
        }
        Log.debugf("catalogue read failed (%s); serving the last listing", failure.toString());
        return Uni.createFrom().item(listing.first(limit));
    }

    /** The store with this id; empty when there is none (or the id cannot be one). */
    public Uni<Optional<Store>> find(String id) {
        if (id == null || !STORE_ID.matcher(id).matches()) {
            return Uni.createFrom().item(Optional.empty());
        }
        return redis.execute(Command.HGET, CatalogKeys.BY_ID, id)
                .map(found -> Optional.ofNullable(found).map(r -> json.read(r.toString())));
    }

    private List<Store> stores(Response response) {
        List<Store> stores = new ArrayList<>(response.size());
        for (Response item : response) {
            if (item != null) {
                stores.add(json.read(item.toString()));
            }
        }
        return stores;
    }
}
