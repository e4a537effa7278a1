package dev.gatehouse.auth.usageplan;

import dev.gatehouse.testing.RedisTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** The same limiter contract against a 3-master Redis Cluster. */
@QuarkusTest
@WithTestResource(
        value = RedisTestResource.class,
        scope = TestResourceScope.RESTRICTED_TO_CLASS,
        initArgs = @ResourceArg(name = RedisTestResource.MODE, value = "cluster"))
class UsagePlanLimiterOnClusterTest extends UsagePlanLimiterContract {}
