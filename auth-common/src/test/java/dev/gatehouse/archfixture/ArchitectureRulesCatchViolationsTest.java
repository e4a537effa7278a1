package dev.gatehouse.archfixture;

import static dev.gatehouse.testing.architecture.GatehouseArchitecture.apiExposesOnlyApiTypes;
import static dev.gatehouse.testing.architecture.GatehouseArchitecture.featurePackagesAreFreeOfCycles;
import static dev.gatehouse.testing.architecture.GatehouseArchitecture.noDevMachineryInProduction;
import static dev.gatehouse.testing.architecture.GatehouseArchitecture.onlyResourcesUseResources;
import static dev.gatehouse.testing.architecture.GatehouseArchitecture.resourcesDoNotTouchRedis;
import static dev.gatehouse.testing.architecture.GatehouseArchitecture.usesOnlyTheLibraryApi;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

/**
 * Each rule of GatehouseArchitecture fails on a deliberate violation (the classes of this package,
 * test sources only), naming the offending class: the ArchitectureTests cannot pass by accident.
 */
class ArchitectureRulesCatchViolationsTest {

    private static final String ROOT = "dev.gatehouse.archfixture";
    private static final JavaClasses FIXTURES = new ClassFileImporter().importPackages(ROOT);

    private static void failsNaming(ArchRule rule, String offender) {
        AssertionError failure = assertThrows(AssertionError.class, () -> rule.check(FIXTURES));
        assertTrue(failure.getMessage().contains(offender), failure.getMessage());
    }

    @Test
    void aServiceUsingAnInternalOfAuthCommonFails() {
        failsNaming(usesOnlyTheLibraryApi(ROOT + ".service"), "UsesLibraryInternals");
    }

    @Test
    void aResourceTouchingRedisFails() {
        failsNaming(resourcesDoNotTouchRedis(ROOT + ".service"), "RedisInAResource");
    }

    @Test
    void aServiceClassUsingAResourceFails() {
        failsNaming(onlyResourcesUseResources(ROOT + ".service"), "UsesAResource");
    }

    @Test
    void twoFeaturePackagesUsingEachOtherFail() {
        failsNaming(featurePackagesAreFreeOfCycles(ROOT + ".cycle"), "Cycle detected");
    }

    @Test
    void productionCodeUsingTheLocalRedisFails() {
        failsNaming(noDevMachineryInProduction(), "UsesLibraryInternals");
    }

    @Test
    void anApiHandingOutAnInternalTypeFails() {
        failsNaming(apiExposesOnlyApiTypes(ROOT + ".api..", ROOT + ".."), "LeakyApi");
    }
}
