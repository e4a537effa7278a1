package dev.gatehouse.stores.catalog;

import dev.gatehouse.auth.api.RedisScript;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Response;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** Reads stores from Redis, one round trip per call. */
@ApplicationScoped
public class StoreCatalog {

    private static final RedisScript LIST = RedisScript.fromClasspath("lua/list-stores.lua");
    private static final Pattern STORE_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private final ReactiveRedisDataSource redis;
    private final StoreJson json;

    StoreCatalog(ReactiveRedisDataSource redis, StoreJson json) {
        this.redis = redis;
        this.json = json;
    }

    /** The first {@code limit} stores in catalogue order. */
    public Uni<List<Store>> first(int limit) {
        return LIST.run(
                        redis,
                        List.of(CatalogKeys.ORDER, CatalogKeys.BY_ID),
                        List.of(Integer.toString(limit)))
                .map(this::stores);
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
