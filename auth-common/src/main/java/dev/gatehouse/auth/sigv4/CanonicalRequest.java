package dev.gatehouse.auth.sigv4;

import dev.gatehouse.auth.api.Sha256;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The canonical request execute-api builds from a request as received (section 4.4): method, the
 * wire path with each segment encoded again (non-S3 double encoding), the sorted re-encoded query,
 * the signed headers trimmed and folded, and the SHA-256 of the real body.
 */
final class CanonicalRequest {

    private CanonicalRequest() {}

    static String of(
            SignedRequest request,
            String path,
            List<String> signedHeaders,
            Set<String> excludedQueryNames) {
        // Sized for the usual signed request, a session token's header included, so it seldom
        // grows.
        StringBuilder out = new StringBuilder(512);
        out.append(request.method()).append('\n');
        out.append(canonicalUri(path)).append('\n');
        out.append(canonicalQuery(request.rawQuery(), excludedQueryNames)).append('\n');
        for (String name : signedHeaders) {
            out.append(name)
                    .append(':')
                    .append(canonicalHeaderValue(request.headers().get(name)))
                    .append('\n');
        }
        out.append('\n').append(String.join(";", signedHeaders)).append('\n');
        out.append(sha256Hex(request.body()));
        return out.toString();
    }

    static String canonicalUri(String rawPath) {
        if (rawPath == null || rawPath.isEmpty()) {
            return "/";
        }
        StringBuilder out = new StringBuilder(rawPath.length() + 16);
        int start = 0;
        while (start <= rawPath.length()) {
            int slash = rawPath.indexOf('/', start);
            int end = slash < 0 ? rawPath.length() : slash;
            out.append(UriEncoding.encode(rawPath.substring(start, end)));
            if (slash < 0) {
                break;
            }
            out.append('/');
            start = slash + 1;
        }
        return out.toString();
    }

    static String canonicalQuery(String rawQuery, Set<String> excludedNames) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return "";
        }
        List<String[]> pairs = new ArrayList<>();
        for (String part : rawQuery.split("&")) {
            if (part.isEmpty()) {
                continue;
            }
            int eq = part.indexOf('=');
            String name = UriEncoding.decode(eq < 0 ? part : part.substring(0, eq));
            if (excludedNames.contains(name)) {
                continue;
            }
            String value = eq < 0 ? "" : UriEncoding.decode(part.substring(eq + 1));
            pairs.add(new String[] {UriEncoding.encode(name), UriEncoding.encode(value)});
        }
        pairs.sort(
                (a, b) -> {
                    int byName = a[0].compareTo(b[0]);
                    return byName != 0 ? byName : a[1].compareTo(b[1]);
                });
        StringBuilder out = new StringBuilder(rawQuery.length() + 16);
        for (String[] pair : pairs) {
            if (out.length() > 0) {
                out.append('&');
            }
            out.append(pair[0]).append('=').append(pair[1]);
        }
        return out.toString();
    }

    /**
     * Values trimmed, runs of whitespace (line folds included) collapsed, repeats joined by comma.
     */
    static String canonicalHeaderValue(List<String> values) {
        if (values == null) {
            return "";
        }
        StringBuilder joined = new StringBuilder();
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                joined.append(',');
            }
            collapseWhitespace(values.get(i).strip(), joined);
        }
        return joined.toString();
    }

    /** Appends {@code value} with each run of regex {@code \\s} characters as one space. */
    private static void collapseWhitespace(String value, StringBuilder out) {
        if (!hasWhitespace(value)) { // the usual case: copy the value whole
            out.append(value);
            return;
        }
        boolean inRun = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r') {
                if (!inRun) {
                    out.append(' ');
                    inRun = true;
                }
            } else {
                out.append(c);
                inRun = false;
            }
        }
    }

    /**
     * Whether {@code value} may hold whitespace: every character {@link #collapseWhitespace} folds
     * is at most a space, so one comparison per character rules them out (a control character only
     * sends the value the exact way).
     */
    private static boolean hasWhitespace(String value) {
        for (int i = 0; i < value.length(); i++) {
            if (value.charAt(i) <= ' ') {
                return true;
            }
        }
        return false;
    }

    static String sha256Hex(byte[] bytes) {
        return Sha256.hex(bytes);
    }

    static String sha256Hex(String text) {
        return sha256Hex(text.getBytes(StandardCharsets.UTF_8));
    }
}
