package dev.gatehouse.stores.controlplane;

import static dev.gatehouse.stores.TestCallers.signed;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.testing.RedisTestResource;
import dev.gatehouse.testing.SigV4Signing;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.apigateway.model.ApiGatewayException;
import software.amazon.awssdk.services.apigateway.model.ApiStage;
import software.amazon.awssdk.services.apigateway.model.BadRequestException;
import software.amazon.awssdk.services.apigateway.model.ConflictException;
import software.amazon.awssdk.services.apigateway.model.CreateUsagePlanResponse;
import software.amazon.awssdk.services.apigateway.model.NotFoundException;
import software.amazon.awssdk.services.apigateway.model.Op;
import software.amazon.awssdk.services.apigateway.model.PatchOperation;
import software.amazon.awssdk.services.apigateway.model.QuotaPeriodType;

/**
 * Usage plans, plan keys and usage through the real {@code ApiGatewayClient}; limits changed at run
 * time are enforced from the next request with the counters carried over; refusals come in AWS's
 * shapes and change nothing.
 */
@QuarkusTest
@WithTestResource(value = RedisTestResource.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
class UsagePlansWithAwsSdkTest {

    @TestHTTPResource(value = "/", management = true)
    URL management;

    @Inject RedisDataSource redis;

    ApiGatewayClient sdk() {
        return ControlPlaneClients.operator(management);
    }

    int status(String value) {
        return signed().header("x-api-key", value).get("/stores").statusCode();
    }

    CreateUsagePlanResponse plan(int quota) {
        return sdk().createUsagePlan(
                        r ->
                                r.name("plan-" + System.nanoTime())
                                        .description("run-time plan")
                                        .throttle(t -> t.burstLimit(100).rateLimit(50.0))
                                        .quota(q -> q.limit(quota).period(QuotaPeriodType.DAY))
                                        .apiStages(
                                                ApiStage.builder()
                                                        .apiId("stores-service")
                                                        .stage("dev")
                                                        .throttle(
                                                                Map.of(
                                                                        "/stores/{id}/GET",
                                                                        software.amazon.awssdk
                                                                                .services.apigateway
                                                                                .model
                                                                                .ThrottleSettings
                                                                                .builder()
                                                                                .burstLimit(1)
                                                                                .rateLimit(0.01)
                                                                                .build()))
                                                        .build()));
    }

    String key(String plan) {
        var key = sdk().createApiKey(r -> r.name("k" + System.nanoTime()).enabled(true));
        sdk().createUsagePlanKey(r -> r.usagePlanId(plan).keyId(key.id()).keyType("API_KEY"));
        return key.value();
    }

    String keyId(String value) {
        return sdk().getApiKeys(r -> r.includeValues(true).limit(500)).items().stream()
                .filter(k -> value.equals(k.value()))
                .findFirst()
                .orElseThrow()
                .id();
    }

    @Test
    void aPlanIsReadBackInAwsShape() {
        CreateUsagePlanResponse created = plan(5);
        assertTrue(created.id().matches("[a-z0-9]{6}"));
        var got = sdk().getUsagePlan(r -> r.usagePlanId(created.id()));
        assertEquals(created.name(), got.name());
        assertEquals("run-time plan", got.description());
        assertEquals(100, got.throttle().burstLimit());
        assertEquals(50.0, got.throttle().rateLimit());
        assertEquals(5, got.quota().limit());
        assertEquals(QuotaPeriodType.DAY, got.quota().period());
        assertEquals("stores-service", got.apiStages().get(0).apiId());
        assertEquals("dev", got.apiStages().get(0).stage());
        assertEquals(1, got.apiStages().get(0).throttle().get("/stores/{id}/GET").burstLimit());
        assertTrue(
                sdk().getUsagePlansPaginator(r -> r.limit(2)).items().stream()
                        .anyMatch(p -> p.id().equals(created.id())));
    }

    @Test
    void quotaAndMethodThrottleOfARunTimePlanAreEnforcedAndChangesCarryTheCounters() {
        String plan = plan(3).id();
        String value = key(plan);
        assertEquals(200, status(value));
        assertEquals(200, status(value));
        assertEquals(200, signed().header("x-api-key", value).get("/stores/lis-002").statusCode());
        assertEquals(
                429,
                signed().header("x-api-key", value).get("/stores/lis-002").statusCode(),
                "method throttle: burst 1");
        given().filter(
                        SigV4Signing.as(
                                "AKIASTORESTESTREADER", "StoresServiceTestReaderSecret00000000000"))
                .header("x-api-key", value)
                .get("/stores")
                .then()
                .statusCode(429)
                .body(equalTo("{\"message\":\"Limit Exceeded\"}"));

        // Raising the quota keeps the 3 requests counted: 5 - 3 = 2 more.
        sdk().updateUsagePlan(
                        r ->
                                r.usagePlanId(plan)
                                        .patchOperations(
                                                PatchOperation.builder()
                                                        .op(Op.REPLACE)
                                                        .path("/quota/limit")
                                                        .value("5")
                                                        .build()));
        assertEquals(200, status(value));
        assertEquals(200, status(value));
        assertEquals(429, status(value));
        var usage = sdk().getUsage(r -> r.usagePlanId(plan).startDate(today()).endDate(today()));
        String id = keyId(value);
        assertEquals(List.of(List.of(5L, 0L)), usage.items().get(id));

        sdk().updateUsage(
                        r ->
                                r.usagePlanId(plan)
                                        .keyId(id)
                                        .patchOperations(
                                                PatchOperation.builder()
                                                        .op(Op.REPLACE)
                                                        .path("/remaining")
                                                        .value("1")
                                                        .build()));
        assertEquals(200, status(value));
        assertEquals(429, status(value));

        sdk().updateUsagePlan(
                        r ->
                                r.usagePlanId(plan)
                                        .patchOperations(
                                                PatchOperation.builder()
                                                        .op(Op.REMOVE)
                                                        .path("/quota")
                                                        .build()));
        assertEquals(200, status(value), "no quota any more");
    }

    static String today() {
        return LocalDate.now(ZoneOffset.UTC).toString();
    }

    @Test
    void aKeyMovedToAnotherPlanGetsThatPlansLimits() {
        String small = plan(1).id();
        String large = plan(100).id();
        String value = key(small);
        String id = keyId(value);
        assertEquals(200, status(value));
        assertEquals(429, status(value));
        ConflictException twoPlans =
                assertThrows(
                        ConflictException.class,
                        () ->
                                sdk().createUsagePlanKey(
                                                r ->
                                                        r.usagePlanId(large)
                                                                .keyId(id)
                                                                .keyType("API_KEY")));
        assertEquals(409, twoPlans.statusCode());
        assertTrue(
                twoPlans.awsErrorDetails()
                        .errorMessage()
                        .contains("cannot reference multiple Usage Plans with the same API Stage"));
        sdk().deleteUsagePlanKey(r -> r.usagePlanId(small).keyId(id));
        assertEquals(403, status(value));
        sdk().createUsagePlanKey(r -> r.usagePlanId(large).keyId(id).keyType("API_KEY"));
        assertEquals(200, status(value));
        assertEquals(id, sdk().getUsagePlanKey(r -> r.usagePlanId(large).keyId(id)).id());
        assertEquals(
                List.of(id),
                sdk().getUsagePlanKeys(r -> r.usagePlanId(large)).items().stream()
                        .map(k -> k.id())
                        .toList());
        assertEquals(
                List.of(large),
                sdk().getUsagePlans(r -> r.keyId(id)).items().stream().map(p -> p.id()).toList());
        sdk().deleteUsagePlan(r -> r.usagePlanId(large));
        assertEquals(403, status(value), "a deleted plan takes its keys' access with it");
        assertTrue(sdk().getUsagePlans(r -> r.keyId(id)).items().isEmpty());
    }

    @Test
    void unknownIdsAreNotFoundInAwsWords() {
        NotFoundException plan =
                assertThrows(
                        NotFoundException.class,
                        () -> sdk().getUsagePlan(r -> r.usagePlanId("nope00")));
        assertEquals("Invalid Usage Plan ID specified", plan.awsErrorDetails().errorMessage());
        String existing = plan(1).id();
        NotFoundException key =
                assertThrows(
                        NotFoundException.class,
                        () ->
                                sdk().createUsagePlanKey(
                                                r ->
                                                        r.usagePlanId(existing)
                                                                .keyId("nokey00000")
                                                                .keyType("API_KEY")));
        assertEquals("Invalid API Key identifier specified", key.awsErrorDetails().errorMessage());
        assertThrows(
                NotFoundException.class,
                () -> sdk().getUsagePlanKey(r -> r.usagePlanId(existing).keyId("nokey00000")));
        assertThrows(
                NotFoundException.class, () -> sdk().deleteUsagePlan(r -> r.usagePlanId("nope00")));
    }

    @Test
    void malformedPatchesAreBadRequestsAndChangeNothing() {
        String plan = plan(7).id();
        for (PatchOperation bad :
                List.of(
                        PatchOperation.builder()
                                .op(Op.REPLACE)
                                .path("/quota/limit")
                                .value("-1")
                                .build(),
                        PatchOperation.builder()
                                .op(Op.REPLACE)
                                .path("/quota/period")
                                .value("YEAR")
                                .build(),
                        PatchOperation.builder()
                                .op(Op.REPLACE)
                                .path("/nonsense")
                                .value("1")
                                .build(),
                        PatchOperation.builder()
                                .op(Op.ADD)
                                .path("/apiStages")
                                .value("no-colon")
                                .build(),
                        PatchOperation.builder()
                                .op(Op.REPLACE)
                                .path("/throttle/rateLimit")
                                .value("fast")
                                .build())) {
            assertThrows(
                    BadRequestException.class,
                    () -> sdk().updateUsagePlan(r -> r.usagePlanId(plan).patchOperations(bad)),
                    bad.toString());
        }
        assertEquals(7, sdk().getUsagePlan(r -> r.usagePlanId(plan)).quota().limit());
        var updated =
                sdk().updateUsagePlan(
                                r ->
                                        r.usagePlanId(plan)
                                                .patchOperations(
                                                        PatchOperation.builder()
                                                                .op(Op.REPLACE)
                                                                .path(
                                                                        "/apiStages/stores-service:dev/throttle/~1stores~1{id}/GET/rateLimit")
                                                                .value("2")
                                                                .build()));
        assertEquals(
                2.0, updated.apiStages().get(0).throttle().get("/stores/{id}/GET").rateLimit());
    }

    @Test
    void aPrincipalWithoutTheActionIsDeniedAndNothingChanges() {
        long before = redis.hash(String.class).hlen("{apikeys}:plans");
        ApiGatewayException denied =
                assertThrows(
                        ApiGatewayException.class,
                        () ->
                                ControlPlaneClients.auditor(management)
                                        .createUsagePlan(r -> r.name("sneaky")));
        assertEquals(403, denied.statusCode());
        assertEquals("AccessDeniedException", denied.awsErrorDetails().errorCode());
        assertEquals(before, redis.hash(String.class).hlen("{apikeys}:plans"));
        // Reads are allowed to the auditor.
        assertFalse(
                ControlPlaneClients.auditor(management)
                        .getUsagePlans(r -> r.limit(1))
                        .items()
                        .isEmpty());
    }
}
