package dev.gatehouse.benchmarks;

import dev.gatehouse.redis.local.RedisServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A private redis-server on a free port for one benchmark trial, in a temporary directory that is
 * removed on {@link #close()}. Servers left behind by a killed run are reaped on the next start.
 */
final class BenchRedis implements AutoCloseable {

    private static final Path ROOT =
            Path.of(System.getProperty("java.io.tmpdir"), "gatehouse-jmh-redis");

    private final Path dir;
    private final RedisServer server;

    private BenchRedis(Path dir, RedisServer server) {
        this.dir = dir;
        this.server = server;
    }

    static BenchRedis start() {
        RedisServer.reapOrphans(ROOT);
        try {
            Files.createDirectories(ROOT);
            Path dir = Files.createTempDirectory(ROOT, "trial-");
            return new BenchRedis(dir, RedisServer.startOnFreePort(dir));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    int port() {
        return server.port();
    }

    String uri() {
        return server.uri();
    }

    /**
     * Calls per command since start ({@code INFO commandstats}, commands run inside scripts
     * included), to see the round trips and retries behind each operation.
     */
    String commandCalls() {
        StringBuilder out = new StringBuilder();
        for (String line : server.call("INFO", "commandstats").toString().split("\r?\n")) {
            if (line.startsWith("cmdstat_")) {
                out.append(line, "cmdstat_".length(), line.indexOf(",usec=")).append(' ');
            }
        }
        return out.toString().trim();
    }

    @Override
    public void close() {
        server.close();
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // Only a log file is left in a temporary directory.
        }
    }
}
