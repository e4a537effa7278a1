package dev.gatehouse.stores.catalog;

/**
 * Redis key names of the catalogue. All share the hash tag {@code {stores}}, so that every script
 * that reads or writes several of them runs on one Redis Cluster slot.
 */
public final class CatalogKeys {

    /** Hash: store id to store JSON. */
    public static final String BY_ID = "{stores}:by-id";

    /** Geo set of store ids. */
    public static final String GEO = "{stores}:geo";

    /** Sorted set: store id scored by its position in the catalogue (the order of GET /stores). */
    public static final String ORDER = "{stores}:order";

    /** String: SHA-256 of the data file last seeded. */
    public static final String SEEDED = "{stores}:seeded";

    private CatalogKeys() {}

    /** Set of the ids of stores whose name, category or tags contain a word starting with term. */
    public static String term(String term) {
        return "{stores}:term:" + term;
    }

    /** Set of the ids of stores in a category. */
    public static String category(String normalizedCategory) {
        return "{stores}:category:" + normalizedCategory;
    }
}
