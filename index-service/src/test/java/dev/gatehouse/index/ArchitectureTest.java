package dev.gatehouse.index;

import static dev.gatehouse.testing.architecture.GatehouseArchitecture.featurePackagesAreFreeOfCycles;
import static dev.gatehouse.testing.architecture.GatehouseArchitecture.noDevMachineryInProduction;
import static dev.gatehouse.testing.architecture.GatehouseArchitecture.onlyResourcesUseResources;
import static dev.gatehouse.testing.architecture.GatehouseArchitecture.productionClasses;
import static dev.gatehouse.testing.architecture.GatehouseArchitecture.resourcesDoNotTouchRedis;
import static dev.gatehouse.testing.architecture.GatehouseArchitecture.usesOnlyTheLibraryApi;

import com.tngtech.archunit.core.domain.JavaClasses;
import org.junit.jupiter.api.Test;

/** index-service's layering and its use of auth-common (test-support GatehouseArchitecture). */
class ArchitectureTest {

    private static final String ROOT = "dev.gatehouse.index";
    private static final JavaClasses CLASSES = productionClasses();

    @Test
    void usesAuthCommonOnlyThroughItsApi() {
        usesOnlyTheLibraryApi(ROOT).check(CLASSES);
    }

    @Test
    void resourcesNeverTouchRedis() {
        resourcesDoNotTouchRedis(ROOT).check(CLASSES);
    }

    @Test
    void onlyResourcesDependOnResources() {
        onlyResourcesUseResources(ROOT).check(CLASSES);
    }

    @Test
    void featurePackagesHaveNoCycles() {
        featurePackagesAreFreeOfCycles(ROOT).check(CLASSES);
    }

    @Test
    void usesNoDevOnlyMachinery() {
        noDevMachineryInProduction().check(CLASSES);
    }
}
