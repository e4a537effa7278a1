package dev.gatehouse.identity;

import static dev.gatehouse.testing.architecture.GatehouseArchitecture.featurePackagesAreFreeOfCycles;
import static dev.gatehouse.testing.architecture.GatehouseArchitecture.noDevMachineryInProduction;
import static dev.gatehouse.testing.architecture.GatehouseArchitecture.onlyResourcesUseResources;
import static dev.gatehouse.testing.architecture.GatehouseArchitecture.productionClasses;
import static dev.gatehouse.testing.architecture.GatehouseArchitecture.resourcesDoNotTouchRedis;
import static dev.gatehouse.testing.architecture.GatehouseArchitecture.usesOnlyTheLibraryApi;

import com.tngtech.archunit.core.domain.JavaClasses;
import org.junit.jupiter.api.Test;

/** identity-service's layering and its use of auth-common (test-support GatehouseArchitecture). */
class ArchitectureTest {

    private static final String ROOT = "dev.gatehouse.identity";
    private static final JavaClasses CLASSES = productionClasses();

    /**
     * STS and the identity pools issue the credentials auth-common's IAM authorizer verifies: they
     * share its credential store, principal catalog and policy language, which are the one SPI they
     * may use besides the API.
     */
    private static final String[] ISSUERS = {ROOT + ".sts..", ROOT + ".identitypool.."};

    private static final String[] IAM_SPI = {
        "dev.gatehouse.auth.iam.credentials..",
        "dev.gatehouse.auth.iam.policy..",
        "dev.gatehouse.auth.iam.config.."
    };

    @Test
    void usesAuthCommonOnlyThroughItsApi() {
        usesOnlyTheLibraryApi(ROOT, ISSUERS, IAM_SPI).check(CLASSES);
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
