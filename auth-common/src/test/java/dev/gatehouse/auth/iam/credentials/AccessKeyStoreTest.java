package dev.gatehouse.auth.iam.credentials;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.gatehouse.auth.iam.config.IamConfig;
import dev.gatehouse.testing.RedisTestResource;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Access key lookups against a real Redis, counted with Redis's own command statistics. */
@QuarkusTest
@WithTestResource(value = RedisTestResource.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
class AccessKeyStoreTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(2);
    private static final Pattern HMGET_CALLS = Pattern.compile("cmdstat_hmget:calls=(\\d+)");

    @Inject ReactiveRedisDataSource redis;
    @Inject IamConfig config;

    @Test
    void concurrentLookupsOfAnUncachedKeyShareOneRead() {
        AccessKey key = key("AKIASTORETESTSHARED1");
        store().put(key, null).await().atMost(TIMEOUT);
        AccessKeyStore instance = store(); // another instance: nothing of the key in memory
        long before = hmgetCalls();
        // Redis holds every reply for 300 ms, so all 20 lookups are under way at once.
        redis.execute("CLIENT", "PAUSE", "300", "ALL").await().atMost(TIMEOUT);
        List<Uni<Optional<AccessKey>>> lookups = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            lookups.add(instance.find(key.accessKeyId(), TIMEOUT).memoize().indefinitely());
        }
        lookups.forEach(lookup -> lookup.subscribe().with(found -> {}, failure -> {}));
        for (Uni<Optional<AccessKey>> lookup : lookups) {
            assertEquals(Optional.of(key), lookup.await().atMost(TIMEOUT));
        }
        assertEquals(1, hmgetCalls() - before, "one HMGET for 20 concurrent lookups");
    }

    @Test
    void anUnknownKeyIsReadAgainOnEachLookup() {
        AccessKeyStore instance = store();
        long before = hmgetCalls();
        for (int i = 0; i < 3; i++) {
            assertEquals(
                    Optional.empty(),
                    instance.find("AKIASTORETESTUNKNOWN", TIMEOUT).await().atMost(TIMEOUT));
        }
        assertEquals(3, hmgetCalls() - before, "a key issued meanwhile must work at once");
    }

    private AccessKeyStore store() {
        return new AccessKeyStore(
                redis, SecretCipher.fromBase64(config.masterKey()), Duration.ofMinutes(1));
    }

    private static AccessKey key(String accessKeyId) {
        return new AccessKey(
                accessKeyId,
                "StoreTestSecret0000000000000000000000000",
                "store-test",
                "arn:aws:iam::123456789012:user/store-test",
                null,
                null);
    }

    private long hmgetCalls() {
        String stats = redis.execute("INFO", "commandstats").await().atMost(TIMEOUT).toString();
        Matcher calls = HMGET_CALLS.matcher(stats);
        return calls.find() ? Long.parseLong(calls.group(1)) : 0;
    }
}
