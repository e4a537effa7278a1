package dev.gatehouse.identity.hosted;

import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.keys.KeyScanArgs;
import java.util.Set;
import java.util.TreeSet;

/**
 * The hosted-login state in Redis (login sessions, codes, pending challenges, failure counts,
 * refresh tokens): what a refused request must leave exactly as it was.
 */
public record RedisKeys(RedisDataSource redis) {

    public Set<String> hostedState() {
        Set<String> keys = new TreeSet<>();
        for (String pattern :
                new String[] {
                    "*login-session:*",
                    "*oauth-code:*",
                    "*pending-challenge:*",
                    "*failures:*",
                    "*refresh:*",
                    "*new-password:*"
                }) {
            redis.key()
                    .scan(new KeyScanArgs().match(pattern).count(1000))
                    .toIterable()
                    .forEach(keys::add);
        }
        return keys;
    }
}
