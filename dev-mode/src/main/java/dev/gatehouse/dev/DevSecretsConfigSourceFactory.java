package dev.gatehouse.dev;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.PropertiesConfigSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Dev mode's secrets, shared with the launcher through its run directory's {@code secrets.env}
 * (mode 600): the IAM master key, index-service's API key and access key, stores-service's and
 * fanout-service's access keys, the local Redis's password, each generated and appended there when
 * missing, exactly as {@code up.sh} does. They are offered as properties of the same names, so the
 * suite file's {@code ${GATEHOUSE_...:}} references resolve in {@code quarkus:dev} as they do under
 * the launcher. Also points the reveal files and identity-service's pool file at the run directory,
 * and offers that pool's issuer as {@code GATEHOUSE_COGNITO_ISSUER} (a service started before
 * identity-service's first run picks it up on its next reload). Does nothing in any other profile;
 * the environment still overrides everything.
 */
public class DevSecretsConfigSourceFactory implements ConfigSourceFactory {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String ALPHANUMERIC =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final String BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    private static final Pattern ISSUER = Pattern.compile("\"issuer\"\\s*:\\s*\"([^\"]+)\"");

    private static final Map<String, Supplier<String>> GENERATED =
            Map.of(
                    "GATEHOUSE_IAM_MASTER_KEY", DevSecretsConfigSourceFactory::masterKey,
                    "GATEHOUSE_INDEX_API_KEY", () -> random(ALPHANUMERIC, 40),
                    "GATEHOUSE_IAM_INDEX_ACCESS_KEY_ID", () -> "AKIA" + random(BASE32, 16),
                    "GATEHOUSE_IAM_INDEX_SECRET_ACCESS_KEY", () -> random(ALPHANUMERIC, 40),
                    "GATEHOUSE_IAM_STORES_ACCESS_KEY_ID", () -> "AKIA" + random(BASE32, 16),
                    "GATEHOUSE_IAM_STORES_SECRET_ACCESS_KEY", () -> random(ALPHANUMERIC, 40),
                    "GATEHOUSE_IAM_FANOUT_ACCESS_KEY_ID", () -> "AKIA" + random(BASE32, 16),
                    "GATEHOUSE_IAM_FANOUT_SECRET_ACCESS_KEY", () -> random(ALPHANUMERIC, 40),
                    "GATEHOUSE_REDIS_PASSWORD", () -> random(ALPHANUMERIC, 40));

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        if (!context.getProfiles().contains("dev")) {
            return List.of();
        }
        Path runDir = DevRedisConfigSourceFactory.runDir();
        Map<String, String> properties =
                new LinkedHashMap<>(secrets(runDir.resolve("secrets.env")));
        properties.put("gatehouse.iam.master-key", properties.get("GATEHOUSE_IAM_MASTER_KEY"));
        properties.put(
                "gatehouse.iam.reveal-file", runDir.resolve("iam-credentials.json").toString());
        properties.put(
                "gatehouse.metering.reveal-file", runDir.resolve("api-keys.json").toString());
        // identity-service describes its pool there; the Cognito authorizer of the others reads it.
        Path pool = runDir.resolve("user-pool.json");
        properties.put("gatehouse.identity.pool-file", pool.toString());
        poolIssuer(pool).ifPresent(issuer -> properties.put("GATEHOUSE_COGNITO_ISSUER", issuer));
        return List.of(new PropertiesConfigSource(properties, "gatehouse-dev-secrets", 255));
    }

    /** The file's entries, after appending any generated one that was missing. */
    static synchronized Map<String, String> secrets(Path file) {
        Map<String, String> entries = read(file);
        StringBuilder added = new StringBuilder();
        GENERATED.forEach(
                (name, generator) -> {
                    if (!entries.containsKey(name)) {
                        String value = generator.get();
                        entries.put(name, value);
                        added.append(name).append('=').append(value).append('\n');
                    }
                });
        if (!added.isEmpty()) {
            append(file, added.toString());
        }
        return entries;
    }

    /** The {@code "issuer"} of a pool file, once identity-service has written one. */
    private static Optional<String> poolIssuer(Path file) {
        try {
            Matcher issuer = ISSUER.matcher(Files.readString(file));
            return issuer.find() ? Optional.of(issuer.group(1)) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static Map<String, String> read(Path file) {
        Map<String, String> entries = new LinkedHashMap<>();
        try {
            for (String line : Files.readAllLines(file)) {
                int eq = line.indexOf('=');
                if (eq > 0 && !line.startsWith("#") && eq < line.length() - 1) {
                    entries.put(line.substring(0, eq).trim(), line.substring(eq + 1).trim());
                }
            }
        } catch (IOException e) {
            // No file yet: everything is generated.
        }
        return entries;
    }

    private static void append(Path file, String lines) {
        try {
            Files.createDirectories(file.getParent());
            if (!Files.exists(file)) {
                Files.createFile(file);
                try {
                    Files.setPosixFilePermissions(
                            file, PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException e) {
                    // Non-POSIX file systems keep their default permissions.
                }
            }
            Files.writeString(file, lines, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot record dev secrets in " + file, e);
        }
    }

    private static String masterKey() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    private static String random(String alphabet, int length) {
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return out.toString();
    }
}
