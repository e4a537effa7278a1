package dev.gatehouse.stores.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.testing.RedisTestResource;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = RedisTestResource.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
class CatalogSeederTest {

    @Inject CatalogSeeder seeder;
    @Inject RedisDataSource redis;

    @Test
    void seedsAtLeastTwoHundredStoresInFiveCities() {
        long stores = redis.hash(String.class).hlen(CatalogKeys.BY_ID);
        assertTrue(stores >= 200, "stores: " + stores);
        assertEquals(stores, redis.sortedSet(String.class).zcard(CatalogKeys.ORDER));
        long cities =
                redis.hash(String.class).hvals(CatalogKeys.BY_ID).stream()
                        .map(json -> json.replaceAll(".*\"city\":\"([^\"]+)\".*", "$1"))
                        .distinct()
                        .count();
        assertTrue(cities >= 5, "cities: " + cities);
    }

    @Test
    void skipsAnUnchangedCatalogue() {
        assertEquals(0, seeder.seed());
    }

    @Test
    void reseedingNeverDuplicatesNorWipes() {
        long before = redis.hash(String.class).hlen(CatalogKeys.BY_ID);
        redis.hash(String.class)
                .hset(
                        CatalogKeys.BY_ID,
                        "extra-001",
                        "{\"id\":\"extra-001\",\"name\":\"Kept\",\"category\":\"cafe\",\"address\":\"1"
                            + " Side"
                            + " St\",\"city\":\"Porto\",\"country\":\"PT\",\"latitude\":41.1,\"longitude\":-8.6,\"openingHours\":{},\"tags\":[]}");
        redis.key().del(CatalogKeys.SEEDED);

        int written = seeder.seed();

        assertEquals(before, written);
        assertEquals(before + 1, redis.hash(String.class).hlen(CatalogKeys.BY_ID));
        assertEquals(before, redis.sortedSet(String.class).zcard(CatalogKeys.ORDER));
        // The geo index is a sorted set: one member per catalogue store, the kept extra not added.
        assertEquals(before, redis.sortedSet(String.class).zcard(CatalogKeys.GEO));
        assertNotNull(redis.geo(String.class).geopos(CatalogKeys.GEO, "lis-001").get(0));
        redis.hash(String.class).hdel(CatalogKeys.BY_ID, "extra-001");
    }

    @Test
    void removesIndexEntriesAStoreNoLongerHas() {
        String staleTerm = CatalogKeys.term("zzstale");
        redis.set(String.class).sadd(staleTerm, "lis-001");
        String current = redis.hash(String.class).hget(CatalogKeys.BY_ID, "lis-001");
        String older = current.replace("\"tags\":[", "\"tags\":[\"zzstale\",");
        redis.hash(String.class).hset(CatalogKeys.BY_ID, "lis-001", older);
        redis.key().del(CatalogKeys.SEEDED);

        seeder.seed();

        assertFalse(redis.set(String.class).sismember(staleTerm, "lis-001"));
        assertEquals(current, redis.hash(String.class).hget(CatalogKeys.BY_ID, "lis-001"));
    }
}
