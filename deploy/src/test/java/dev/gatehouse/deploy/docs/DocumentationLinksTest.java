package dev.gatehouse.deploy.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The documentation stands alone: every relative link of README.md and docs/ leads to a file of the
 * repository, every path it names in backticks exists, and nothing points outside the repository
 * (AWS behaviour is cited by URL).
 */
class DocumentationLinksTest {

    static final Path ROOT =
            Path.of(System.getProperty("gatehouse.root", "..")).toAbsolutePath().normalize();

    /** {@code [text](target)}: the target up to a space, a closing parenthesis or a fragment. */
    private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s#]*)(#[^)\\s]*)?\\)");

    /** A backticked token that starts with a top-level folder of the repository. */
    private static final Pattern CODE = Pattern.compile("`([^`\\s]+)`");

    /** Generated or per-run places a document may name although a clean clone lacks them. */
    private static final Set<String> MADE_AT_RUN_TIME =
            Set.of("target", "run", "results", "node_modules", ".cifuzz-corpus");

    @Test
    void everyRelativeLinkLeadsToAFileOfTheRepository() throws IOException {
        List<String> broken = new ArrayList<>();
        for (Path doc : documents()) {
            Matcher m = LINK.matcher(Files.readString(doc));
            while (m.find()) {
                String target = m.group(1);
                if (target.isEmpty() || target.matches("^[a-z][a-z0-9+.-]*:.*")) {
                    continue; // a fragment of the same page, or an absolute URL (https:, mailto:)
                }
                Path resolved = doc.getParent().resolve(target).normalize();
                if (!resolved.startsWith(ROOT) || !Files.exists(resolved)) {
                    broken.add(ROOT.relativize(doc) + " -> " + target);
                }
            }
        }
        assertEquals(List.of(), broken, "broken or outside links");
    }

    @Test
    void everyPathNamedInBackticksExists() throws IOException {
        Set<String> topLevel = topLevelFolders();
        List<String> missing = new ArrayList<>();
        for (Path doc : documents()) {
            Matcher m = CODE.matcher(Files.readString(doc));
            while (m.find()) {
                String token = m.group(1).replaceAll("[.,:;]+$", "");
                int slash = token.indexOf('/');
                if (slash <= 0
                        || !topLevel.contains(token.substring(0, slash))
                        || token.matches(".*[*<>{}$?].*")
                        || namesRunTimePlace(token)) {
                    continue;
                }
                if (!Files.exists(ROOT.resolve(token))) {
                    missing.add(ROOT.relativize(doc) + ": " + token);
                }
            }
        }
        assertEquals(List.of(), missing, "paths named in the documentation that do not exist");
    }

    @Test
    void nothingPointsOutsideTheRepository() throws IOException {
        List<String> outside = new ArrayList<>();
        for (Path doc : documents()) {
            String text = Files.readString(doc);
            for (String marker : List.of("../shared", "shared/spec", "ARCHITECTURE.md")) {
                if (text.contains(marker)) {
                    outside.add(ROOT.relativize(doc) + " names " + marker);
                }
            }
        }
        assertEquals(List.of(), outside, "references to files outside the repository");
    }

    private static boolean namesRunTimePlace(String token) {
        for (String part : token.split("/")) {
            if (MADE_AT_RUN_TIME.contains(part)) {
                return true;
            }
        }
        return false;
    }

    private static Set<String> topLevelFolders() throws IOException {
        try (Stream<Path> entries = Files.list(ROOT)) {
            return Set.copyOf(
                    entries.filter(Files::isDirectory)
                            .map(p -> p.getFileName().toString())
                            .filter(name -> !name.startsWith("."))
                            .toList());
        }
    }

    private static List<Path> documents() throws IOException {
        List<Path> docs = new ArrayList<>(List.of(ROOT.resolve("README.md")));
        Path dir = ROOT.resolve("docs");
        if (Files.isDirectory(dir)) {
            try (Stream<Path> pages = Files.walk(dir)) {
                pages.filter(p -> p.toString().endsWith(".md")).sorted().forEach(docs::add);
            }
        }
        return docs;
    }
}
