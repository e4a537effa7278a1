package dev.gatehouse.auth.cognito;

/**
 * Reading the token out of an {@code Authorization} header without copying it: where it starts and
 * ends, raw or after {@code Bearer }, surrounding whitespace ignored.
 */
final class BearerTokens {

    private static final String BEARER = "bearer ";

    private BearerTokens() {}

    /**
     * The token's span in {@code authorization}: {@code start << 32 | end}, or -1 when the header
     * is absent, blank, or a bare {@code Bearer}.
     */
    static long span(String authorization) {
        if (authorization == null) {
            return -1;
        }
        int start = 0;
        int end = authorization.length();
        while (start < end && Character.isWhitespace(authorization.charAt(start))) {
            start++;
        }
        while (end > start && Character.isWhitespace(authorization.charAt(end - 1))) {
            end--;
        }
        if (end - start >= BEARER.length()
                && authorization.regionMatches(true, start, BEARER, 0, BEARER.length())) {
            start += BEARER.length();
            while (start < end && Character.isWhitespace(authorization.charAt(start))) {
                start++;
            }
        } else if (end - start == BEARER.length() - 1
                && authorization.regionMatches(true, start, BEARER, 0, BEARER.length() - 1)) {
            return -1;
        }
        return start == end ? -1 : ((long) start << 32) | end;
    }

    static int start(long span) {
        return (int) (span >>> 32);
    }

    static int end(long span) {
        return (int) span;
    }
}
