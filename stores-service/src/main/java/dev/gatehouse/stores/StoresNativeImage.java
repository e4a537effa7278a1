package dev.gatehouse.stores;

import dev.gatehouse.stores.catalog.Store;
import dev.gatehouse.stores.search.SearchCriteria;
import dev.gatehouse.stores.search.StoreHit;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Types read and written with Jackson by hand (the catalogue file, stores kept in Redis): kept
 * reflectively accessible in native images.
 */
@RegisterForReflection(targets = {Store.class, StoreHit.class, SearchCriteria.class})
final class StoresNativeImage {

    private StoresNativeImage() {}
}
