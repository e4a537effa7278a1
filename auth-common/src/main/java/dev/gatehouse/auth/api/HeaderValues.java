package dev.gatehouse.auth.api;

/**
 * Makes a header value out of text that may come from a client. An HTTP field value carries visible
 * ASCII, space and tab only (RFC 9110 section 5.5); Vert.x refuses anything else when the response
 * is written, after the status line is decided, and the request would end with no answer. Every
 * header built from input goes through {@link #safe}, and a response filter applies it to every
 * header of every JAX-RS response as a second line.
 */
public final class HeaderValues {

    /**
     * The longest value kept: clients cap a response's headers (Node at 16 KB, Netty at 8 KB), and
     * a longer echo would make them drop an answer that the body already carries whole.
     */
    public static final int MAX_LENGTH = 1024;

    private static final String CUT = "...";

    private HeaderValues() {}

    /**
     * {@code value} with each run of control characters and whitespace (NUL, VT, FF, DEL, line
     * breaks, tabs) as one space, each non-ASCII character as {@code ?}, and at most {@link
     * #MAX_LENGTH} characters; the value itself when it is already safe. Null stays null.
     */
    public static String safe(String value) {
        if (value == null || isSafe(value)) {
            return value;
        }
        StringBuilder safe = new StringBuilder(Math.min(value.length(), MAX_LENGTH));
        boolean space = false;
        for (int i = 0; i < value.length() && safe.length() < MAX_LENGTH - CUT.length(); i++) {
            char c = value.charAt(i);
            if (c <= 0x20 || c == 0x7f) {
                space = true;
                continue;
            }
            if (space && !safe.isEmpty()) {
                safe.append(' ');
            }
            space = false;
            safe.append(c < 0x7f ? c : '?');
            if (Character.isHighSurrogate(c)
                    && i + 1 < value.length()
                    && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++; // one code point, one '?'
            }
        }
        if (safe.length() >= MAX_LENGTH - CUT.length()) {
            safe.append(CUT);
        }
        return safe.toString();
    }

    /** Whether {@code value} is already a header value every client reads. */
    public static boolean isSafe(String value) {
        if (value.length() > MAX_LENGTH) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c >= 0x7f) {
                return false;
            }
        }
        return true;
    }
}
