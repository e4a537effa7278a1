package dev.gatehouse.redis.local;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.Optional;

/**
 * Finds a real {@code redis-server} executable. In order: the path in {@code
 * GATEHOUSE_REDIS_SERVER}, {@code redis-server} on {@code PATH}, and finally the binary that {@code
 * com.github.codemonstur:embedded-redis} carries inside its jar, extracted once to a cache
 * directory. The same discovery serves tests, dev mode and the local launcher.
 */
public final class RedisBinary {

    static final String OVERRIDE_ENV = "GATEHOUSE_REDIS_SERVER";

    private RedisBinary() {}

    /** Returns the path of an executable redis-server, extracting the bundled one if needed. */
    public static Path locate() {
        String override = System.getenv(OVERRIDE_ENV);
        if (override != null && !override.isBlank()) {
            Path path = Path.of(override);
            if (!Files.isExecutable(path)) {
                throw new IllegalStateException(
                        OVERRIDE_ENV + " names " + path + ", which is not an executable file");
            }
            return path;
        }
        return onPath().orElseGet(RedisBinary::extractBundled);
    }

    static Optional<Path> onPath() {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(dir, "redis-server");
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    static Path extractBundled() {
        String resource = bundledResourceName();
        Path cacheDir =
                Path.of(
                        System.getProperty("java.io.tmpdir"),
                        "gatehouse-redis-" + System.getProperty("user.name", "user"));
        Path target = cacheDir.resolve(resource);
        if (Files.isExecutable(target)) {
            return target;
        }
        try (InputStream in = RedisBinary.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(
                        "no redis-server on PATH and the embedded-redis jar, which carries "
                                + resource
                                + ", is not on the classpath");
            }
            Files.createDirectories(cacheDir);
            // Write to a temporary name and move into place so that parallel test JVMs never
            // execute a half-written binary.
            Path partial = Files.createTempFile(cacheDir, resource, ".partial");
            Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
            if (!partial.toFile().setExecutable(true, true)) {
                throw new IllegalStateException("cannot mark " + partial + " executable");
            }
            try {
                Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING);
            }
            return target;
        } catch (IOException e) {
            throw new IllegalStateException(
                    "cannot extract the bundled redis-server to " + cacheDir, e);
        }
    }

    static String bundledResourceName() {
        String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch").toLowerCase(Locale.ROOT);
        boolean arm = arch.equals("aarch64") || arch.equals("arm64");
        if (os.contains("linux")) {
            return arm ? "redis-server-6.2.7-linux-arm64" : "redis-server-6.2.6-v5-linux-amd64";
        }
        if (os.contains("mac")) {
            return arm
                    ? "redis-server-6.2.6-v5-darwin-arm64"
                    : "redis-server-6.2.6-v5-darwin-amd64";
        }
        throw new IllegalStateException(
                "no bundled redis-server for "
                        + os
                        + "/"
                        + arch
                        + "; install Redis and put redis-server on PATH");
    }
}
