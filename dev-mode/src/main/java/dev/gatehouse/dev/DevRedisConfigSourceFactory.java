package dev.gatehouse.dev;

import dev.gatehouse.auth.config.SuiteConfigSourceFactory;
import dev.gatehouse.redis.local.FreePort;
import dev.gatehouse.redis.local.RedisServer;
import dev.gatehouse.redis.local.RespConnection;
import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Dev mode's replacement for Quarkus Dev Services (which need a container engine): when {@code
 * quarkus:dev} runs without {@code quarkus.redis.hosts}, use the suite's local Redis, whose port is
 * recorded in {@code deploy/local/run/redis.port} by the launcher or by another service in dev
 * mode, or start one with the same discovery the tests use. Either way the Redis requires the
 * password {@code GATEHOUSE_REDIS_PASSWORD} of the run directory's {@code secrets.env} (shared with
 * the launcher, generated on first use), offered as {@code quarkus.redis.password}. Does nothing in
 * any other profile.
 */
public class DevRedisConfigSourceFactory implements ConfigSourceFactory {

    private static final String HOSTS = "quarkus.redis.hosts";
    private static final String PASSWORD = "quarkus.redis.password";
    private static final String PASSWORD_SECRET = "GATEHOUSE_REDIS_PASSWORD";
    private static RedisServer started;

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        if (!context.getProfiles().contains("dev") || configured(context)) {
            return List.of();
        }
        String password = password();
        String uri = "redis://127.0.0.1:" + port(password);
        return List.of(
                new PropertiesConfigSource(
                        Map.of(HOSTS, uri, PASSWORD, password), "gatehouse-dev-redis", 255));
    }

    /** Set by someone other than auth-common's own fallback (ordinal 100). */
    private static boolean configured(ConfigSourceContext context) {
        ConfigValue value = context.getValue(HOSTS);
        return value != null
                && value.getValue() != null
                && !value.getValue().isBlank()
                && value.getConfigSourceOrdinal() > 100;
    }

    /** The launcher's Redis password, shared through its {@code secrets.env} (made if missing). */
    private static String password() {
        return DevSecretsConfigSourceFactory.secrets(runDir().resolve("secrets.env"))
                .get(PASSWORD_SECRET);
    }

    private static synchronized int port(String password) {
        Path runDir = runDir();
        Path portFile = runDir.resolve("redis.port");
        Optional<Integer> running =
                recordedPort(portFile).filter(port -> answersPing(port, password));
        if (running.isPresent()) {
            return running.get();
        }
        if (started == null || !started.isRunning()) {
            RedisServer server =
                    RedisServer.start(
                            FreePort.pick(),
                            runDir.resolve("redis"),
                            List.of("--appendonly", "yes"));
            // Set after start rather than as an argument, which ps would show to every local user.
            server.call("CONFIG", "SET", "requirepass", password);
            started = server;
            write(portFile, server.port());
            Runtime.getRuntime()
                    .addShutdownHook(
                            new Thread(
                                    () -> {
                                        server.close();
                                        delete(portFile);
                                    },
                                    "stop-dev-redis"));
        }
        return started.port();
    }

    /** The launcher's run directory, next to the suite file; else under this module's target. */
    static Path runDir() {
        Path start = Path.of("").toAbsolutePath();
        return SuiteConfigSourceFactory.findUpwards(start)
                .map(suiteFile -> suiteFile.getParent().resolve("run"))
                .orElseGet(() -> start.resolve("target").resolve("dev-redis"));
    }

    private static Optional<Integer> recordedPort(Path portFile) {
        try {
            return Optional.of(Integer.parseInt(Files.readString(portFile).trim()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static boolean answersPing(int port, String password) {
        try (RespConnection connection = RespConnection.open("127.0.0.1", port, 300)) {
            connection.call("AUTH", password);
            return "PONG".equals(connection.call("PING"));
        } catch (IOException e) {
            return false;
        }
    }

    private static void delete(Path portFile) {
        try {
            Files.deleteIfExists(portFile);
        } catch (IOException e) {
            // A stale port file is harmless: the next start checks that the port answers PING.
        }
    }

    private static void write(Path portFile, int port) {
        try {
            Files.createDirectories(portFile.getParent());
            Files.writeString(portFile, Integer.toString(port));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot record the dev Redis port in " + portFile, e);
        }
    }
}
