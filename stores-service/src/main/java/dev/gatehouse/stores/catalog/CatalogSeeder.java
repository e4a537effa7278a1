package dev.gatehouse.stores.catalog;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gatehouse.auth.api.RedisScript;
import dev.gatehouse.auth.api.Sha256;
import dev.gatehouse.stores.config.StoresConfig;
import io.quarkus.logging.Log;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.runtime.StartupEvent;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Response;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Loads the bundled catalogue into Redis at startup, idempotently: each store is upserted (never
 * duplicated), index entries a changed store no longer has are removed, stores absent from the file
 * are left alone, and an unchanged file (same SHA-256 as last seeded) is skipped entirely.
 */
@ApplicationScoped
public class CatalogSeeder {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final RedisScript UPSERT =
            RedisScript.fromClasspath("lua/stores-service/upsert-store.lua");

    private final ReactiveRedisDataSource redis;
    private final ObjectMapper json;
    private final StoreJson storeJson;
    private final StoresConfig config;

    CatalogSeeder(
            ReactiveRedisDataSource redis,
            ObjectMapper json,
            StoreJson storeJson,
            StoresConfig config) {
        this.redis = redis;
        this.json = json;
        this.storeJson = storeJson;
        this.config = config;
    }

    void onStart(@Observes StartupEvent event) {
        if (config.seed().enabled()) {
            seed();
        }
    }

    /** Seeds the catalogue; returns how many stores were written (0 when already current). */
    public int seed() {
        byte[] data = read(config.seed().resource());
        String sha256 = Sha256.hex(data);
        Response seeded = redis.execute(Command.GET, CatalogKeys.SEEDED).await().atMost(TIMEOUT);
        if (seeded != null && sha256.equals(seeded.toString())) {
            Log.infof(
                    "store catalogue already seeded from %s (%s)",
                    config.seed().resource(), sha256.substring(0, 12));
            return 0;
        }
        List<Store> stores = parse(data);
        Map<String, Store> previous = previous();
        for (int i = 0; i < stores.size(); i++) {
            upsert(stores.get(i), i, previous.get(stores.get(i).id()));
        }
        redis.execute(Command.SET, CatalogKeys.SEEDED, sha256).await().atMost(TIMEOUT);
        Log.infof("seeded %d stores from %s", stores.size(), config.seed().resource());
        return stores.size();
    }

    private void upsert(Store store, int position, Store before) {
        Set<String> indexKeys = indexKeys(store);
        Set<String> staleKeys = before == null ? new LinkedHashSet<>() : indexKeys(before);
        staleKeys.removeAll(indexKeys);
        List<String> keys =
                new ArrayList<>(List.of(CatalogKeys.BY_ID, CatalogKeys.GEO, CatalogKeys.ORDER));
        keys.addAll(indexKeys);
        keys.addAll(staleKeys);
        List<String> args =
                List.of(
                        store.id(),
                        storeJson.write(store),
                        Double.toString(store.longitude()),
                        Double.toString(store.latitude()),
                        Integer.toString(position),
                        Integer.toString(indexKeys.size()));
        UPSERT.run(redis, keys, args).await().atMost(TIMEOUT);
    }

    private static Set<String> indexKeys(Store store) {
        Set<String> keys = new LinkedHashSet<>();
        keys.add(CatalogKeys.category(SearchText.normalize(store.category())));
        SearchText.indexTerms(store).forEach(term -> keys.add(CatalogKeys.term(term)));
        return keys;
    }

    private Map<String, Store> previous() {
        Response all = redis.execute(Command.HGETALL, CatalogKeys.BY_ID).await().atMost(TIMEOUT);
        Map<String, Store> stores = new HashMap<>();
        if (all != null) {
            for (String id : all.getKeys()) {
                stores.put(id, storeJson.read(all.get(id).toString()));
            }
        }
        return stores;
    }

    private List<Store> parse(byte[] data) {
        try {
            return json.readValue(data, new TypeReference<List<Store>>() {});
        } catch (IOException e) {
            throw new IllegalStateException(
                    "the store catalogue "
                            + config.seed().resource()
                            + " is not a JSON array of stores",
                    e);
        }
    }

    private static byte[] read(String resource) {
        try (InputStream in =
                Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(
                        "store catalogue " + resource + " is not on the classpath");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
