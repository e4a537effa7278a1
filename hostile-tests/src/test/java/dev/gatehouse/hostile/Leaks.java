package dev.gatehouse.hostile;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What must never reach a caller or a log line: a secret of the launch (API key values, IAM
 * secrets, the master key, passwords), and for callers, a stack trace or an internal class name.
 */
final class Leaks {

    /** A stack frame or a "Caused by" line, as Java prints them. */
    static final Pattern STACK_TRACE =
            Pattern.compile(
                    "(^|\\s)at [\\w$.]+\\([\\w$.]*(\\.java:\\d+|Native Method|Unknown Source)\\)"
                            + "|Caused by: ");

    /**
     * A stack trace, or an exception's fully qualified class name: internals a caller never sees.
     */
    static final Pattern INTERNALS =
            Pattern.compile(
                    STACK_TRACE.pattern()
                            + "|\\b(java|javax|jakarta|io\\.vertx|io\\.netty|io\\.quarkus|io\\.smallrye"
                            + "|com\\.fasterxml|org\\.jboss|dev\\.gatehouse)\\.[\\w.$]*"
                            + "(Exception|Error)\\b");

    private Leaks() {}

    /**
     * Problems in one answer (status line aside): secrets, stack traces, class names. A secret the
     * request itself carried ({@code request}) is the caller's own and may be echoed, as API
     * Gateway echoes a malformed Authorization value or the canonical request.
     */
    static List<String> inAnswer(Answer answer, List<String> secrets, String request) {
        List<String> found = new ArrayList<>();
        String text = answer.headers() + "\n" + answer.body();
        for (String secret : secrets) {
            if (text.contains(secret) && !request.contains(secret)) {
                found.add("a secret (" + secret.substring(0, 4) + "...) in the answer");
            }
        }
        if (INTERNALS.matcher(text).find()) {
            found.add("a stack trace or internal class name in the answer");
        }
        return found;
    }

    /** Every line of the run's logs holding a secret or a stack trace, with its file. */
    static List<String> inLogs(Path logs, List<String> secrets) throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.list(logs)) {
            for (Path file : files.sorted().toList()) {
                String name = file.getFileName().toString();
                // Only our services are held to "no stack trace"; every log to "no secret".
                boolean ours = name.endsWith("-service.log");
                List<String> lines =
                        List.of(
                                new String(Files.readAllBytes(file), StandardCharsets.UTF_8)
                                        .split("\n"));
                for (String line : lines) {
                    for (String secret : secrets) {
                        if (line.contains(secret)) {
                            found.add(
                                    name
                                            + ": a secret ("
                                            + secret.substring(0, 4)
                                            + "...): "
                                            + clip(line.replace(secret, "<secret>")));
                        }
                    }
                    if (ours && STACK_TRACE.matcher(line).find()) {
                        found.add(name + ": " + clip(line));
                    }
                }
            }
        }
        return found;
    }

    private static String clip(String line) {
        return line.length() > 240 ? line.substring(0, 240) + "..." : line;
    }
}
