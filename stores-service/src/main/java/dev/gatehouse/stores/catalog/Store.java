package dev.gatehouse.stores.catalog;

import java.util.List;
import java.util.Map;

/**
 * One store of the catalogue, as stored in Redis and as returned to clients.
 *
 * @param openingHours day name ({@code monday}..{@code sunday}) to {@code HH:MM-HH:MM} or {@code
 *     closed}
 */
public record Store(
        String id,
        String name,
        String category,
        String address,
        String city,
        String country,
        double latitude,
        double longitude,
        Map<String, String> openingHours,
        List<String> tags) {}
