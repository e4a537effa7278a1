package dev.gatehouse.auth.sigv4;

import java.util.List;
import java.util.Map;

/**
 * A request as the verifier needs it: exactly as received, before any decoding or normalising.
 *
 * @param rawPath the path as sent on the wire, still percent-encoded
 * @param rawQuery the query string as sent, without {@code ?}; empty when there is none
 * @param headers header names in lower case, each with its values in arrival order
 * @param body the exact body bytes
 */
public record SignedRequest(
        String method,
        String rawPath,
        String rawQuery,
        Map<String, List<String>> headers,
        byte[] body) {

    /** The first value of a header, or null. */
    public String header(String lowerCaseName) {
        List<String> values = headers.get(lowerCaseName);
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
