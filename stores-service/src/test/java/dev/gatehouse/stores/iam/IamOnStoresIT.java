package dev.gatehouse.stores.iam;

import dev.gatehouse.testing.TestConfigResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;

/**
 * {@link IamOnStoresTest} against the packaged application: the native executable with {@code
 * -Pnative} (Failsafe runs only in that profile).
 */
@QuarkusIntegrationTest
@WithTestResource(value = TestConfigResource.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
class IamOnStoresIT extends IamOnStoresTest {}
