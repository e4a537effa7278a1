package dev.gatehouse.auth.config;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
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
 * Reads the suite-wide settings (usage plans, API keys, principals) that every service shares. The
 * file is the one named by {@code GATEHOUSE_CONFIG} (or the system property {@code
 * gatehouse.config}); without it, in dev mode only, {@code deploy/local/gatehouse.properties} in
 * the working directory or a parent of it. Tests configure themselves.
 *
 * <p>Never searched for in the {@code prod} profile: that is also the profile of the build, and
 * Quarkus records the values of every config source it sees while building (except the environment
 * and system properties) as run-time defaults of the packaged application. A file found there would
 * travel inside the jar or native image and mix its principals, keys and plans into those of the
 * file named at run time (the Kubernetes ConfigMap). So a packaged service reads only the file it
 * is told about; the launcher, the benchmarks and Kubernetes always name it. (Do not export {@code
 * GATEHOUSE_CONFIG} while packaging, for the same reason.)
 *
 * <p>Its ordinal ({@value #ORDINAL}) sits above {@code application.properties} (250) and below
 * environment variables (300) and system properties (400), so the suite file overrides a service's
 * defaults and the environment overrides both.
 */
public class SuiteConfigSourceFactory implements ConfigSourceFactory {

    /** Environment variable naming the suite configuration file. */
    public static final String ENV = "GATEHOUSE_CONFIG";

    static final String PROPERTY = "gatehouse.config";

    /** The directory of the suite file, for paths relative to it (policy files). */
    static final String SUITE_DIR = "gatehouse.suite-dir";

    static final Path DEFAULT = Path.of("deploy", "local", "gatehouse.properties");
    static final int ORDINAL = 260;

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        return locate(context)
                .map(
                        path ->
                                List.of(
                                        load(path),
                                        new PropertiesConfigSource(
                                                Map.of(
                                                        SUITE_DIR,
                                                        path.toAbsolutePath()
                                                                .getParent()
                                                                .toString()),
                                                "gatehouse-suite-dir",
                                                ORDINAL)))
                .orElse(List.of());
    }

    static Optional<Path> locate(ConfigSourceContext context) {
        String named = Optional.ofNullable(System.getProperty(PROPERTY)).orElse(System.getenv(ENV));
        if (named != null && !named.isBlank()) {
            Path path = Path.of(named);
            if (!Files.isRegularFile(path)) {
                throw new IllegalStateException(
                        ENV + " names " + path.toAbsolutePath() + ", which is not a readable file");
            }
            return Optional.of(path);
        }
        if (!context.getProfiles().contains("dev")) {
            return Optional.empty();
        }
        return findUpwards(Path.of("").toAbsolutePath());
    }

    /**
     * The suite file, {@code deploy/local/gatehouse.properties} of {@code start} or of the nearest
     * directory above.
     */
    public static Optional<Path> findUpwards(Path start) {
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(DEFAULT);
            if (Files.isRegularFile(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    private static ConfigSource load(Path path) {
        try {
            return new PropertiesConfigSource(path.toUri().toURL(), ORDINAL);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read suite configuration " + path, e);
        }
    }
}
