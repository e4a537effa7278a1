package dev.gatehouse.stores.paging;

import dev.gatehouse.auth.api.InvalidRequestException;

/**
 * The {@code limit} query parameter of the listing routes. Parsed here rather than bound: a JAX-RS
 * conversion failure would answer 404, not 400.
 */
public final class PageLimit {

    /** The largest page any route serves. */
    public static final int MAX = 100;

    private PageLimit() {}

    /** {@code limit} as 1..{@link #MAX}, {@code defaultLimit} when absent; 400 otherwise. */
    public static int parse(String limit, int defaultLimit) {
        if (limit == null) {
            return defaultLimit;
        }
        try {
            int value = Integer.parseInt(limit.strip());
            if (value >= 1 && value <= MAX) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InvalidRequestException("limit must be an integer between 1 and " + MAX);
    }
}
