package dev.gatehouse.stores.search;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What {@code POST /stores/search} looks for, validated by {@link SearchRequestParser}. At least
 * one of query, category and near is present.
 */
@Schema(name = "SearchRequest", description = "At least one of query, category, near is required.")
public record SearchCriteria(
        @Schema(
                        description =
                                "Words matched, case- and accent-insensitively, against the start"
                                        + " of words in name, category and tags",
                        maxLength = SearchCriteria.MAX_QUERY_LENGTH)
                String query,
        @Schema(description = "Exact category, e.g. bakery (case- and accent-insensitive)")
                String category,
        @Schema(description = "Only stores within radiusKm of this point, nearest first") Near near,
        @Schema(
                        description =
                                "Search radius in km, > 0 and <= 100; default 5; only with near",
                        defaultValue = "5")
                Double radiusKm,
        @Schema(description = "Maximum number of results, 1..100", defaultValue = "20")
                Integer limit) {

    public static final int MAX_QUERY_LENGTH = 200;
    public static final int MAX_QUERY_WORDS = 10;
    public static final double DEFAULT_RADIUS_KM = 5;
    public static final double MAX_RADIUS_KM = 100;
    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 100;

    /** A point on Earth in WGS 84 degrees. */
    public record Near(
            @Schema(required = true, minimum = "-90", maximum = "90") double lat,
            @Schema(required = true, minimum = "-180", maximum = "180") double lon) {}

    /** The radius to use: the given one, or the default when searching near a point. */
    public double radiusOrDefault() {
        return radiusKm == null ? DEFAULT_RADIUS_KM : radiusKm;
    }

    /** The limit to use: the given one, or the default. */
    public int limitOrDefault() {
        return limit == null ? DEFAULT_LIMIT : limit;
    }
}
