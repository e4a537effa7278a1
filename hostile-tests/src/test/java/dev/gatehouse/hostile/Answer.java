package dev.gatehouse.hostile;

import java.util.List;
import java.util.Map;

/**
 * What came back for a {@link Probe}: the status and headers (names lower-cased), the body, and how
 * long it took. {@link #NO_ANSWER} / {@link #CLOSED} when no status line arrived in time / at all.
 */
record Answer(int status, Map<String, List<String>> headers, String body, long millis) {

    /** No complete answer within the deadline: the request was left hanging. */
    static final int NO_ANSWER = -1;

    /** The connection closed (or reset) before a status line. */
    static final int CLOSED = -2;

    String header(String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** The status, headers and body as one text, for failure messages and scans. */
    String describe() {
        String text = status + " " + headers + " " + body;
        return text.length() > 600 ? text.substring(0, 600) + "..." : text;
    }
}
