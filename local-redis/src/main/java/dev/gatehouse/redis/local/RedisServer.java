package dev.gatehouse.redis.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * One real redis-server process bound to 127.0.0.1. Its working directory holds its log and a pid
 * file, so that a run killed before it could clean up is cleaned up by the next one ({@link
 * #reapOrphans(Path)}).
 */
public final class RedisServer implements AutoCloseable {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(15);

    private final int port;
    private final Path dir;
    private final Process process;

    private RedisServer(int port, Path dir, Process process) {
        this.port = port;
        this.dir = dir;
        this.process = process;
    }

    /**
     * Starts a server on {@code port} with its files in {@code dir}, and waits until it answers
     * PING. Persistence is off unless {@code extraArgs} turns it on.
     */
    public static RedisServer start(int port, Path dir, List<String> extraArgs) {
        Path binary = RedisBinary.locate();
        try {
            Files.createDirectories(dir);
            List<String> command =
                    new ArrayList<>(
                            List.of(
                                    binary.toString(),
                                    "--port",
                                    Integer.toString(port),
                                    "--bind",
                                    "127.0.0.1",
                                    "--dir",
                                    dir.toAbsolutePath().toString(),
                                    "--daemonize",
                                    "no",
                                    "--save",
                                    "",
                                    "--appendonly",
                                    "no"));
            command.addAll(extraArgs);
            Path log = dir.resolve("redis-" + port + ".log");
            Process process =
                    new ProcessBuilder(command)
                            .redirectErrorStream(true)
                            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                            .start();
            Files.writeString(pidFile(dir, port), Long.toString(process.pid()));
            RedisServer server = new RedisServer(port, dir, process);
            server.awaitReady(log);
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + binary + " on port " + port, e);
        }
    }

    /** Starts a standalone server on a free port. */
    public static RedisServer startOnFreePort(Path dir) {
        return start(FreePort.pick(), dir, List.of());
    }

    /**
     * Kills redis-server processes recorded in pid files under {@code root} (left behind by a run
     * that was killed), so that no earlier run's server outlives it by more than one run.
     */
    public static void reapOrphans(Path root) {
        if (!Files.isDirectory(root)) {
            return;
        }
        try (Stream<Path> files = Files.walk(root, 3)) {
            files.filter(p -> p.getFileName().toString().endsWith(".pid"))
                    .forEach(RedisServer::reap);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void reap(Path pidFile) {
        try {
            long pid = Long.parseLong(Files.readString(pidFile).trim());
            ProcessHandle.of(pid)
                    .filter(
                            p ->
                                    p.info()
                                            .command()
                                            .map(c -> c.contains("redis-server"))
                                            .orElse(false))
                    .ifPresent(ProcessHandle::destroyForcibly);
            Files.deleteIfExists(pidFile);
        } catch (IOException | NumberFormatException e) {
            // A pid file we cannot read names nothing we started.
        }
    }

    private static Path pidFile(Path dir, int port) {
        return dir.resolve("redis-" + port + ".pid");
    }

    private void awaitReady(Path log) {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        IOException last = null;
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(
                        "redis-server exited with "
                                + process.exitValue()
                                + " on port "
                                + port
                                + ": "
                                + tail(log));
            }
            try (RespConnection connection = connect()) {
                if ("PONG".equals(connection.call("PING"))) {
                    return;
                }
            } catch (IOException e) {
                last = e;
            }
            sleep(20);
        }
        close();
        throw new IllegalStateException(
                "redis-server on port "
                        + port
                        + " not ready after "
                        + READY_TIMEOUT
                        + ": "
                        + (last == null ? "" : last.getMessage())
                        + " "
                        + tail(log));
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 5), lines.size()));
        } catch (IOException e) {
            return "(no log)";
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    public int port() {
        return port;
    }

    /** The address in the form {@code quarkus.redis.hosts} expects. */
    public String uri() {
        return "redis://127.0.0.1:" + port;
    }

    /** The working directory: log, pid file and any saved data. */
    public Path dir() {
        return dir;
    }

    public boolean isRunning() {
        return process.isAlive();
    }

    /** Opens an administration connection to this server. */
    public RespConnection connect() throws IOException {
        return RespConnection.open("127.0.0.1", port, 1_000);
    }

    /** Runs one command on a fresh connection (administration only, not a hot path). */
    public Object call(String... args) {
        try (RespConnection connection = connect()) {
            return connection.call(args);
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "redis command " + args[0] + " failed on port " + port, e);
        }
    }

    /** Deletes every key in every database. */
    public void flushAll() {
        call("FLUSHALL");
    }

    public Optional<Long> pid() {
        return process.isAlive() ? Optional.of(process.pid()) : Optional.empty();
    }

    /** Stops the server (SHUTDOWN NOSAVE, then a kill if it lingers) and removes its pid file. */
    @Override
    public void close() {
        if (process.isAlive()) {
            try (RespConnection connection = connect()) {
                connection.call("SHUTDOWN", "NOSAVE");
            } catch (IOException e) {
                // SHUTDOWN closes the connection without a reply; any other failure ends in a kill.
            }
            try {
                if (!process.waitFor(5, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
        try {
            Files.deleteIfExists(pidFile(dir, port));
        } catch (IOException e) {
            // The next run reaps by pid and tolerates a stale file.
        }
    }
}
