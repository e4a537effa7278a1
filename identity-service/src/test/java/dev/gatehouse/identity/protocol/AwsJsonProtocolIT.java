package dev.gatehouse.identity.protocol;

import dev.gatehouse.testing.TestConfigResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;

/**
 * {@link AwsJsonProtocolTest} against the packaged application: the native executable with {@code
 * -Pnative}, or the JVM jar with {@code -Djvm-its} (Failsafe runs only in those profiles).
 */
@QuarkusIntegrationTest
@WithTestResource(value = TestConfigResource.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
class AwsJsonProtocolIT extends AwsJsonProtocolTest {}
