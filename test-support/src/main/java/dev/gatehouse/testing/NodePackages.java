package dev.gatehouse.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The npm packages of a module's {@code src/test/node} (real AWS clients for Node: SigV4 signers,
 * amazon-cognito-identity-js), installed with {@code npm ci} from the committed lock file into
 * {@code target/test-node/}, with the scripts beside them. The install runs once per build: a
 * marker holds the hash of package.json and package-lock.json, so later test classes and later
 * builds without {@code clean} reuse node_modules.
 *
 * <p>Without {@code node} or {@code npm} on the PATH the calling tests are skipped (JUnit
 * assumption, with the reason); a failing {@code npm ci} fails them.
 */
public final class NodePackages {

    private static final boolean WINDOWS =
            System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");
    private static final Path MODULE = Path.of(System.getProperty("basedir", "")).toAbsolutePath();
    private static final Path SOURCE = MODULE.resolve("src/test/node");
    private static final Path INSTALL = MODULE.resolve("target/test-node");
    private static final Path MARKER = INSTALL.resolve(".installed-lock-sha256");

    private static final long PROBE_SECONDS = 30;
    private static final long NODE_SECONDS = 120;
    private static final long NPM_SECONDS = 600;

    private static String unavailable;
    private static boolean ready;

    private NodePackages() {}

    /** The installed directory (scripts and node_modules); skips the caller without Node. */
    public static synchronized Path require() {
        if (!ready && unavailable == null) {
            unavailable = missingTool();
            if (unavailable != null) {
                // Skip reasons stay in the reports; say it once where a person reads the build.
                System.err.println("WARNING: skipping the Node client tests: " + unavailable);
            } else {
                install();
                ready = true;
            }
        }
        RequiredTool.require(unavailable);
        return INSTALL;
    }

    /**
     * Runs {@code node <script> <args>} in the install directory with {@code stdin}; its stdout. A
     * non-zero exit fails with the script's stderr.
     */
    public static String node(String script, String stdin, String... args) {
        return node(script, stdin, Map.of(), args);
    }

    /** As {@link #node(String, String, String...)}, with {@code env} added to the environment. */
    public static String node(
            String script, String stdin, Map<String, String> env, String... args) {
        Path dir = require();
        List<String> command = new ArrayList<>(List.of("node", script));
        command.addAll(List.of(args));
        return run(dir, stdin, env, NODE_SECONDS, command.toArray(String[]::new));
    }

    private static String missingTool() {
        for (String tool : List.of("node", npm())) {
            try {
                run(MODULE, null, PROBE_SECONDS, tool, "--version");
            } catch (RuntimeException e) {
                return tool
                        + " is not usable ("
                        + e.getMessage().lines().findFirst().orElse("")
                        + "): the Node client checks need Node.js and npm on the PATH";
            }
        }
        return null;
    }

    private static void install() {
        try {
            String lock = lockHash();
            Files.createDirectories(INSTALL);
            boolean current =
                    Files.isDirectory(INSTALL.resolve("node_modules"))
                            && Files.exists(MARKER)
                            && Files.readString(MARKER).equals(lock);
            if (!current) {
                Files.deleteIfExists(MARKER);
                for (String file : List.of("package.json", "package-lock.json")) {
                    Files.copy(
                            SOURCE.resolve(file),
                            INSTALL.resolve(file),
                            StandardCopyOption.REPLACE_EXISTING);
                }
                // No install scripts: nothing here needs one, and tests should not run them.
                run(
                        INSTALL,
                        null,
                        NPM_SECONDS,
                        npm(),
                        "ci",
                        "--ignore-scripts",
                        "--no-audit",
                        "--no-fund");
                Files.writeString(MARKER, lock);
            }
            // Scripts are copied every time, so that an edited script needs no reinstall.
            try (Stream<Path> files = Files.list(SOURCE)) {
                for (Path script : files.filter(p -> p.toString().endsWith(".js")).toList()) {
                    Files.copy(
                            script,
                            INSTALL.resolve(script.getFileName()),
                            StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("installing " + SOURCE + " into " + INSTALL, e);
        }
    }

    private static String lockHash() throws IOException {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(Files.readAllBytes(SOURCE.resolve("package.json")));
            sha.update(Files.readAllBytes(SOURCE.resolve("package-lock.json")));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String npm() {
        return WINDOWS ? "npm.cmd" : "npm";
    }

    private static String run(Path dir, String stdin, long timeoutSeconds, String... command) {
        return run(dir, stdin, Map.of(), timeoutSeconds, command);
    }

    private static String run(
            Path dir,
            String stdin,
            Map<String, String> env,
            long timeoutSeconds,
            String... command) {
        String line = String.join(" ", command);
        Path out = null;
        Path err = null;
        Process process = null;
        try {
            // Output goes to files, not pipes: a chatty npm can never block on a full pipe.
            out = Files.createTempFile("gatehouse-node-", ".out");
            err = Files.createTempFile("gatehouse-node-", ".err");
            ProcessBuilder builder =
                    new ProcessBuilder(command)
                            .directory(dir.toFile())
                            .redirectOutput(out.toFile())
                            .redirectError(err.toFile());
            builder.environment().putAll(env);
            process = builder.start();
            try (OutputStream in = process.getOutputStream()) {
                if (stdin != null) {
                    in.write(stdin.getBytes(StandardCharsets.UTF_8));
                }
            } catch (IOException e) {
                // Ended before reading its input: the exit code and stderr below say why.
            }
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                throw new IllegalStateException(
                        line + " did not finish in " + timeoutSeconds + " s");
            }
            String stdout = Files.readString(out);
            if (process.exitValue() != 0) {
                throw new IllegalStateException(
                        line
                                + " exited with "
                                + process.exitValue()
                                + " in "
                                + dir
                                + ":\n"
                                + Files.readString(err)
                                + stdout);
            }
            return stdout;
        } catch (IOException e) {
            throw new IllegalStateException(line + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(line + " interrupted", e);
        } finally {
            if (process != null && process.isAlive()) {
                process.destroyForcibly();
            }
            deleteQuietly(out);
            deleteQuietly(err);
        }
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                // A temporary file left behind is harmless.
            }
        }
    }
}
