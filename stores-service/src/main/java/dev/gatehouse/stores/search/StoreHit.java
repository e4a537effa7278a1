package dev.gatehouse.stores.search;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.gatehouse.stores.catalog.Store;

/**
 * A search result: the store's fields, plus {@code distanceKm} from the search point when the
 * search had one.
 */
public record StoreHit(
        @JsonUnwrapped Store store, @JsonInclude(JsonInclude.Include.NON_NULL) Double distanceKm) {}
