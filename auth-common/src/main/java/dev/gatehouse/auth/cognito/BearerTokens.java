package dev.gatehouse.auth.cognito;

/** Reading the token out of an {@code Authorization} header, and the cheapest sanity checks. */
final class BearerTokens {

    private static final String BEARER = "bearer ";

    private BearerTokens() {}

    /** The token of a raw or {@code Bearer <token>} header value; null when there is none. */
    static String extract(String authorization) {
        if (authorization == null) {
            return null;
        }
        String value = authorization.strip();
        if (value.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            value = value.substring(BEARER.length()).strip();
        } else if (value.equalsIgnoreCase("bearer")) {
            return null;
        }
        return value.isEmpty() ? null : value;
    }

    /**
     * Three non-empty base64url segments and nothing else: everything that is not can be refused
     * before hashing or decoding (and the token is then plain ASCII).
     */
    static boolean isWellFormed(String token, int maxLength) {
        if (token.length() > maxLength) {
            return false;
        }
        int dots = 0;
        int segment = 0;
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            if (c == '.') {
                if (segment == 0) {
                    return false;
                }
                dots++;
                segment = 0;
            } else if ((c >= 'A' && c <= 'Z')
                    || (c >= 'a' && c <= 'z')
                    || (c >= '0' && c <= '9')
                    || c == '-'
                    || c == '_') {
                segment++;
            } else {
                return false;
            }
        }
        return dots == 2 && segment > 0;
    }
}
