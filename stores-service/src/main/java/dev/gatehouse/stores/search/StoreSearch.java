package dev.gatehouse.stores.search;

import dev.gatehouse.auth.api.RedisScript;
import dev.gatehouse.stores.catalog.CatalogKeys;
import dev.gatehouse.stores.catalog.SearchText;
import dev.gatehouse.stores.catalog.StoreJson;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.redis.client.Response;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a search in one Redis round trip: the intersection of the query terms' and category's sets,
 * optionally walked in GEOSEARCH distance order. Nothing is scanned in Java.
 */
@ApplicationScoped
public class StoreSearch {

    private static final RedisScript SEARCH =
            RedisScript.fromClasspath("lua/stores-service/search-stores.lua");

    private final ReactiveRedisDataSource redis;
    private final StoreJson json;

    StoreSearch(ReactiveRedisDataSource redis, StoreJson json) {
        this.redis = redis;
        this.json = json;
    }

    public Uni<List<StoreHit>> search(SearchCriteria criteria) {
        List<String> keys =
                new ArrayList<>(List.of(CatalogKeys.BY_ID, CatalogKeys.GEO, CatalogKeys.ORDER));
        if (criteria.query() != null) {
            SearchText.words(criteria.query()).forEach(word -> keys.add(CatalogKeys.term(word)));
        }
        if (criteria.category() != null) {
            keys.add(CatalogKeys.category(SearchText.normalize(criteria.category())));
        }
        List<String> args =
                criteria.near() == null
                        ? List.of(Integer.toString(criteria.limitOrDefault()), "", "", "")
                        : List.of(
                                Integer.toString(criteria.limitOrDefault()),
                                Double.toString(criteria.near().lon()),
                                Double.toString(criteria.near().lat()),
                                Double.toString(criteria.radiusOrDefault()));
        return SEARCH.run(redis, keys, args).map(this::hits);
    }

    private List<StoreHit> hits(Response flat) {
        List<StoreHit> hits = new ArrayList<>(flat.size() / 2);
        for (int i = 0; i + 1 < flat.size(); i += 2) {
            String distance = flat.get(i + 1).toString();
            hits.add(
                    new StoreHit(
                            json.read(flat.get(i).toString()),
                            distance.isEmpty()
                                    ? null
                                    : Math.round(Double.parseDouble(distance) * 1000) / 1000.0));
        }
        return hits;
    }
}
