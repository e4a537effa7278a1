package dev.gatehouse.stores.catalog;

import dev.gatehouse.testing.TestConfigResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;

/**
 * {@link StoresResourceTest} against the packaged application: the native executable with {@code
 * -Pnative}, or the JVM jar with {@code -Djvm-its} (Failsafe runs only in those profiles).
 */
@QuarkusIntegrationTest
@WithTestResource(value = TestConfigResource.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
class StoresResourceIT extends StoresResourceTest {}
