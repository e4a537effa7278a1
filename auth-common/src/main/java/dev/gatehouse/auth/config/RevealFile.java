package dev.gatehouse.auth.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

/**
 * Where generated secrets (API key values, IAM secret access keys) are shown once: a JSON object
 * file, mode 600, to which new entries are merged atomically. Secrets never go to the log.
 */
public final class RevealFile {

    private RevealFile() {}

    /** Merges {@code entries} (name to JSON-serialisable value) into {@code file}. */
    public static void merge(Path file, Map<String, ?> entries, ObjectMapper json) {
        try {
            ObjectNode all =
                    Files.isRegularFile(file)
                            ? (ObjectNode) json.readTree(file.toFile())
                            : json.createObjectNode();
            entries.forEach((name, value) -> all.set(name, json.valueToTree(value)));
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path partial = Files.createTempFile(dir, "reveal", ".partial");
            try {
                Files.setPosixFilePermissions(
                        partial, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // Non-POSIX file systems keep their default permissions.
            }
            json.writerWithDefaultPrettyPrinter().writeValue(partial.toFile(), all);
            Files.move(
                    partial,
                    file,
                    StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the reveal file " + file, e);
        }
    }
}
