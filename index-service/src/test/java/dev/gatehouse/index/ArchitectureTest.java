package dev.gatehouse.index;

import static dev.gatehouse.testing.architecture.GatehouseArchitecture.productionClasses;

import dev.gatehouse.testing.architecture.ServiceArchitecture;
import org.junit.jupiter.api.Test;

/**
 * index-service keeps the suite's architecture ({@link ServiceArchitecture}: auth-common through
 * its API only, resources without Redis, rest on top, feature packages without cycles, no dev-only
 * machinery) with no exception.
 */
class ArchitectureTest {

    @Test
    void keepsTheSuiteArchitectureWithoutExceptions() {
        ServiceArchitecture.of("dev.gatehouse.index").check(productionClasses());
    }
}
