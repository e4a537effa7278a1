package dev.gatehouse.auth.usageplan.rest;

import java.util.List;
import java.util.Optional;

/**
 * Reads {@code x-api-key} (the name is case-insensitive; query strings are never read, as in AWS).
 * Absent, empty, repeated or malformed values are refused here, before Redis is asked.
 */
final class ApiKeyHeader {

    static final String NAME = "x-api-key";

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
        return hasKeyShape(value) ? Optional.of(value) : Optional.empty();
    }

    /** {@code [A-Za-z0-9_-]{20,128}}, checked by hand: it runs on every keyed request. */
    private static boolean hasKeyShape(String value) {
        int length = value.length();
        if (length < 20 || length > 128) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            char c = value.charAt(i);
            boolean allowed =
                    (c >= 'a' && c <= 'z')
                            || (c >= 'A' && c <= 'Z')
                            || (c >= '0' && c <= '9')
                            || c == '_'
                            || c == '-';
            if (!allowed) {
                return false;
            }
        }
        return true;
    }
}
