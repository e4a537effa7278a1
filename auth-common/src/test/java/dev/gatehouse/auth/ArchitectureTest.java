package dev.gatehouse.auth;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static dev.gatehouse.testing.architecture.GatehouseArchitecture.apiExposesOnlyApiTypes;
import static dev.gatehouse.testing.architecture.GatehouseArchitecture.featurePackagesAreFreeOfCycles;
import static dev.gatehouse.testing.architecture.GatehouseArchitecture.noDevMachineryInProduction;
import static dev.gatehouse.testing.architecture.GatehouseArchitecture.onlyResourcesUseResources;
import static dev.gatehouse.testing.architecture.GatehouseArchitecture.productionClasses;
import static dev.gatehouse.testing.architecture.GatehouseArchitecture.resourcesDoNotTouchRedis;

import com.tngtech.archunit.core.domain.JavaClasses;
import org.junit.jupiter.api.Test;

/** auth-common's layering: a small public API over internal feature packages. */
class ArchitectureTest {

    private static final String ROOT = "dev.gatehouse.auth";
    private static final JavaClasses CLASSES = productionClasses();

    @Test
    void theApiHandsOutOnlyApiTypes() {
        apiExposesOnlyApiTypes(ROOT + ".api..", ROOT + "..").check(CLASSES);
    }

    @Test
    void resourcesNeverTouchRedis() {
        resourcesDoNotTouchRedis(ROOT).check(CLASSES);
    }

    @Test
    void onlyResourcesDependOnResources() {
        onlyResourcesUseResources(ROOT).check(CLASSES);
    }

    /**
     * One edge is kept out of the feature packages' graph on purpose: gateway mode hands the JWT
     * API Gateway verified to the Cognito authorizer's claim checks, which in turn ask gateway mode
     * whether to verify at all. Any other cycle fails.
     */
    @Test
    void featurePackagesHaveNoCycles() {
        featurePackagesAreFreeOfCycles(ROOT, ROOT + ".api..")
                .ignoreDependency(
                        resideInAPackage(ROOT + ".gateway.lambda.."),
                        resideInAPackage(ROOT + ".cognito.."))
                .check(CLASSES);
    }

    @Test
    void usesNoDevOnlyMachinery() {
        noDevMachineryInProduction().check(CLASSES);
    }
}
