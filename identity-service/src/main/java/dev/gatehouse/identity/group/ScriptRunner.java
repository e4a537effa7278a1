package dev.gatehouse.identity.group;

import dev.gatehouse.auth.api.RedisScript;
import io.quarkus.redis.datasource.RedisDataSource;
import io.vertx.mutiny.redis.client.Response;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Runs a script for the user pool API, which serves on worker threads: it waits for the reply, at
 * most a bounded time, so a stalled Redis fails the call instead of holding the worker.
 */
record ScriptRunner(RedisDataSource redis) {

    private static final Duration WAIT = Duration.ofSeconds(5);

    Response run(RedisScript script, List<String> keys, List<String> args) {
        return script.run(redis.getReactive(), keys, args).await().atMost(WAIT);
    }

    /** {@code ZRANGEBYLEX key (after + LIMIT 0 count}: a sorted set read in name order. */
    List<String> rangeAfter(String key, Optional<String> after, int count) {
        Response response =
                redis.execute(
                        "ZRANGEBYLEX",
                        key,
                        after.map(a -> "(" + a).orElse("-"),
                        "+",
                        "LIMIT",
                        "0",
                        Integer.toString(count));
        List<String> entries = new ArrayList<>();
        if (response != null) {
            response.forEach(entry -> entries.add(entry.toString()));
        }
        return entries;
    }
}
