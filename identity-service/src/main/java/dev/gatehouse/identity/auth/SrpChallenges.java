package dev.gatehouse.identity.auth;

import dev.gatehouse.identity.pool.UserPool;
import dev.gatehouse.identity.srp.Srp;
import dev.gatehouse.identity.user.UserKeys;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.hash.HashCommands;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

/**
 * Open PASSWORD_VERIFIER challenges, keyed by the SHA-256 of their SECRET_BLOCK, alive for the
 * client's auth session validity and answerable once (read and deleted together).
 */
@ApplicationScoped
public class SrpChallenges {

    /** What the server remembers between the two SRP steps (integers in hex). */
    public record Challenge(
            String username,
            String clientId,
            String clientPublic,
            String serverSecret,
            String serverPublic,
            boolean simulated) {}

    private final RedisDataSource redis;
    private final HashCommands<String, String, String> hashes;
    private final UserKeys keys;

    SrpChallenges(RedisDataSource redis, UserPool pool) {
        this.redis = redis;
        this.hashes = redis.hash(String.class);
        this.keys = new UserKeys(pool.id());
    }

    public void open(byte[] secretBlock, Challenge challenge, Duration validity) {
        String key = keys.srpChallenge(hash(secretBlock));
        hashes.hset(
                key,
                Map.of(
                        "username", challenge.username(),
                        "client", challenge.clientId(),
                        "A", challenge.clientPublic(),
                        "b", challenge.serverSecret(),
                        "B", challenge.serverPublic(),
                        "simulated", Boolean.toString(challenge.simulated())));
        redis.key().expire(key, validity);
    }

    public Optional<Challenge> take(byte[] secretBlock) {
        String key = keys.srpChallenge(hash(secretBlock));
        Map<String, String> stored =
                redis.withTransaction(
                                tx -> {
                                    tx.hash(String.class).hgetall(key);
                                    tx.key().del(key);
                                })
                        .get(0);
        if (stored == null || stored.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(
                new Challenge(
                        stored.get("username"),
                        stored.get("client"),
                        stored.get("A"),
                        stored.get("b"),
                        stored.get("B"),
                        Boolean.parseBoolean(stored.get("simulated"))));
    }

    private static String hash(byte[] secretBlock) {
        return HexFormat.of().formatHex(Srp.sha256(secretBlock));
    }
}
