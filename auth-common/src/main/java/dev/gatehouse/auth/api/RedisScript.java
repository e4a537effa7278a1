package dev.gatehouse.auth.api;

import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Request;
import io.vertx.mutiny.redis.client.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Function;

/**
 * A Lua script run with EVALSHA, falling back to EVAL (which also caches it) when the server
 * answers NOSCRIPT, e.g. after a restart or a failover. Every key the script touches must be passed
 * in {@code keys} and share one hash tag, so that it runs unchanged on Redis Cluster.
 */
public final class RedisScript {

    private final String name;
    private final String source;
    private final String sha1;

    private RedisScript(String name, String source) {
        this.name = name;
        this.source = source;
        this.sha1 = sha1Hex(source);
    }

    /**
     * Loads a script from the classpath of the calling module, e.g. {@code
     * "lua/stores-service/search-stores.lua"}. Each module keeps its scripts in a folder of its own
     * ({@code lua/<module>/}); a name found more than once on the classpath is refused, so one
     * module's script can never shadow another's.
     */
    public static RedisScript fromClasspath(String resource) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        try {
            List<URL> found = Collections.list(loader.getResources(resource));
            if (found.isEmpty()) {
                throw new IllegalStateException(
                        "Redis script " + resource + " is not on the classpath");
            }
            if (found.size() > 1) {
                throw new IllegalStateException(
                        "Redis script "
                                + resource
                                + " is on the classpath more than once: "
                                + found);
            }
            try (InputStream in = found.get(0).openStream()) {
                return new RedisScript(
                        resource, new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read Redis script " + resource, e);
        }
    }

    /** Runs the script in one round trip (two only the first time a server sees it). */
    public Uni<Response> run(ReactiveRedisDataSource redis, List<String> keys, List<String> args) {
        return run(request -> redis.getRedis().send(request), keys, args);
    }

    /** Runs the script through {@code send}, e.g. a connection of the caller's own. */
    public Uni<Response> run(
            Function<Request, Uni<Response>> send, List<String> keys, List<String> args) {
        return send.apply(request(Command.EVALSHA, sha1, keys, args))
                .onFailure(RedisScript::isNoScript)
                .recoverWithUni(() -> send.apply(request(Command.EVAL, source, keys, args)));
    }

    public String name() {
        return name;
    }

    public String sha1() {
        return sha1;
    }

    private static Request request(
            Command command, String script, List<String> keys, List<String> args) {
        Request request = Request.cmd(command).arg(script).arg(keys.size());
        for (String key : keys) {
            request.arg(key);
        }
        for (String arg : args) {
            request.arg(arg);
        }
        return request;
    }

    private static boolean isNoScript(Throwable failure) {
        String message = failure.getMessage();
        return message != null && message.startsWith("NOSCRIPT");
    }

    private static String sha1Hex(String text) {
        try {
            return HexFormat.of()
                    .formatHex(
                            MessageDigest.getInstance("SHA-1")
                                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is required of every JVM", e);
        }
    }
}
