package dev.gatehouse.identity.sts;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An AWS Query protocol request body ({@code Action=...&Version=2011-06-15&...}), with STS's model
 * constraints on the members it reads, refused in the model's words.
 */
final class QueryRequest {

    private static final Pattern SESSION_NAME = Pattern.compile("[\\w+=,.@-]*");

    private final Map<String, String> parameters;

    private QueryRequest(Map<String, String> parameters) {
        this.parameters = parameters;
    }

    static QueryRequest parse(byte[] body) {
        Map<String, String> parameters = new LinkedHashMap<>();
        String text = body == null ? "" : new String(body, StandardCharsets.UTF_8);
        for (String pair : text.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            try {
                String name =
                        URLDecoder.decode(
                                equals < 0 ? pair : pair.substring(0, equals),
                                StandardCharsets.UTF_8);
                String value =
                        equals < 0
                                ? ""
                                : URLDecoder.decode(
                                        pair.substring(equals + 1), StandardCharsets.UTF_8);
                parameters.putIfAbsent(name, value);
            } catch (IllegalArgumentException e) {
                throw StsErrors.validation("The request body is not valid form data.");
            }
        }
        return new QueryRequest(parameters);
    }

    Optional<String> optional(String name) {
        return Optional.ofNullable(parameters.get(name));
    }

    String required(String name) {
        String value = parameters.get(name);
        if (value == null) {
            throw StsErrors.missing(camel(name));
        }
        return value;
    }

    /** A member with a length range ({@code RoleArn} 20-2048, {@code WebIdentityToken} 4-20000). */
    String bounded(String name, int min, int max) {
        String value = required(name);
        check(value, name, min, max);
        return value;
    }

    String roleSessionName() {
        String name = bounded("RoleSessionName", 2, 64);
        if (!SESSION_NAME.matcher(name).matches()) {
            throw StsErrors.constraint(
                    name,
                    "roleSessionName",
                    "Member must satisfy regular expression pattern: [\\w+=,.@-]*");
        }
        return name;
    }

    /** {@code DurationSeconds} within {@code [min, max]}, or {@code fallback} when absent. */
    int duration(int min, int max, int fallback) {
        Optional<String> text = optional("DurationSeconds");
        if (text.isEmpty()) {
            return fallback;
        }
        int seconds;
        try {
            seconds = Integer.parseInt(text.get());
        } catch (NumberFormatException e) {
            throw StsErrors.validation("Invalid value for DurationSeconds: " + text.get());
        }
        if (seconds < min) {
            throw StsErrors.constraint(
                    text.get(),
                    "durationSeconds",
                    "Member must have value greater than or equal to " + min);
        }
        if (seconds > max) {
            throw StsErrors.constraint(
                    text.get(),
                    "durationSeconds",
                    "Member must have value less than or equal to " + max);
        }
        return seconds;
    }

    private static void check(String value, String name, int min, int max) {
        if (value.length() < min) {
            throw StsErrors.constraint(
                    shown(value),
                    camel(name),
                    "Member must have length greater than or equal to " + min);
        }
        if (value.length() > max) {
            throw StsErrors.constraint(
                    shown(value),
                    camel(name),
                    "Member must have length less than or equal to " + max);
        }
    }

    private static String shown(String value) {
        return value.length() > 64 ? value.substring(0, 64) + "..." : value;
    }

    private static String camel(String member) {
        return Character.toLowerCase(member.charAt(0)) + member.substring(1);
    }
}
