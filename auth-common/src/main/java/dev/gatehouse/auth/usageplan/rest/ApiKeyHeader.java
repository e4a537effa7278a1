package dev.gatehouse.auth.usageplan.rest;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads {@code x-api-key} (the name is case-insensitive; query strings are never read, as in AWS).
 * Absent, empty, repeated or malformed values are refused here, before Redis is asked.
 */
final class ApiKeyHeader {

    static final String NAME = "x-api-key";
    private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9_-]{20,128}");

    private ApiKeyHeader() {}

    /** The single, well-formed key value, or empty when the request must be refused. */
    static Optional<String> read(List<String> values) {
        if (values == null || values.size() != 1) {
            return Optional.empty();
        }
        String value = values.get(0);
        if (value == null || value.length() > 256) {
            return Optional.empty();
        }
        value = value.strip();
        return SHAPE.matcher(value).matches() ? Optional.of(value) : Optional.empty();
    }
}
