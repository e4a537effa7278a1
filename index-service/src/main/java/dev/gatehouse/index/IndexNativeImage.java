package dev.gatehouse.index;

import dev.gatehouse.index.stores.StoreSummary;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** The stores-service answers index-service reads: reflectively accessible in native images. */
@RegisterForReflection(targets = StoreSummary.class)
final class IndexNativeImage {

    private IndexNativeImage() {}
}
