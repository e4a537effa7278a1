package dev.gatehouse.hostile;

/** Genuine request bodies the JSON tables start from. */
final class OrderBodies {

    static final String GENUINE =
            "{\"storeId\":\"lis-001\",\"items\":[{\"name\":\"Pastel de nata\",\"quantity\":2}]}";
    static final String SEARCH = "{\"query\":\"nata\",\"limit\":3}";

    private OrderBodies() {}
}
