package dev.gatehouse.stores.controlplane;

import static dev.gatehouse.stores.TestCallers.signed;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
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
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.apigateway.model.ApiKey;
import software.amazon.awssdk.services.apigateway.model.ApiStage;
import software.amazon.awssdk.services.apigateway.model.BadRequestException;
import software.amazon.awssdk.services.apigateway.model.ConflictException;
import software.amazon.awssdk.services.apigateway.model.CreateApiKeyResponse;
import software.amazon.awssdk.services.apigateway.model.GetApiKeysResponse;
import software.amazon.awssdk.services.apigateway.model.ImportApiKeysResponse;
import software.amazon.awssdk.services.apigateway.model.NotFoundException;
import software.amazon.awssdk.services.apigateway.model.Op;
import software.amazon.awssdk.services.apigateway.model.PatchOperation;

/**
 * API key operations through the real {@code ApiGatewayClient}, and their effect on {@code GET
 * /stores} from the next request.
 */
@QuarkusTest
@WithTestResource(value = RedisTestResource.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
class ApiKeysWithAwsSdkTest {

    @TestHTTPResource(value = "/", management = true)
    URL management;

    @Inject RedisDataSource redis;

    ApiGatewayClient sdk() {
        return ControlPlaneClients.operator(management);
    }

    String plan() {
        return sdk().createUsagePlan(
                        r ->
                                r.name("keys-" + System.nanoTime())
                                        .apiStages(
                                                ApiStage.builder()
                                                        .apiId("stores-service")
                                                        .stage("dev")
                                                        .build()))
                .id();
    }

    int status(String value) {
        return signed().header("x-api-key", value).get("/stores").statusCode();
    }

    @Test
    void aCreatedKeyWorksOnceInAPlanAndStopsWhenDisabledOrDeleted() {
        CreateApiKeyResponse created = sdk().createApiKey(r -> r.name("alice").enabled(true));
        assertTrue(created.value().matches("[A-Za-z0-9]{40}"), "40 alphanumerics");
        assertTrue(created.id().matches("[a-z0-9]{10}"));
        assertTrue(created.enabled());
        assertTrue(
                Math.abs(created.createdDate().getEpochSecond() - Instant.now().getEpochSecond())
                        < 60);
        assertEquals(403, status(created.value()), "not in a plan yet");

        String plan = plan();
        var planKey =
                sdk().createUsagePlanKey(
                                r -> r.usagePlanId(plan).keyId(created.id()).keyType("API_KEY"));
        assertEquals(created.id(), planKey.id());
        assertEquals("API_KEY", planKey.type());
        assertEquals(created.value(), planKey.value());
        assertEquals(200, status(created.value()));

        sdk().updateApiKey(
                        r ->
                                r.apiKey(created.id())
                                        .patchOperations(
                                                PatchOperation.builder()
                                                        .op(Op.REPLACE)
                                                        .path("/enabled")
                                                        .value("false")
                                                        .build()));
        assertEquals(403, status(created.value()));
        assertFalse(sdk().getApiKey(r -> r.apiKey(created.id())).enabled());

        sdk().deleteApiKey(r -> r.apiKey(created.id()));
        assertEquals(403, status(created.value()));
        NotFoundException gone =
                assertThrows(
                        NotFoundException.class,
                        () -> sdk().getApiKey(r -> r.apiKey(created.id())));
        assertEquals("Invalid API Key identifier specified", gone.awsErrorDetails().errorMessage());
        assertEquals(404, gone.statusCode());
        assertTrue(sdk().getUsagePlanKeys(r -> r.usagePlanId(plan)).items().isEmpty());
    }

    @Test
    void includeValueReturnsTheSuppliedValueAndOtherwiseLeavesItOut() {
        String value = "SuppliedValueOfTwentyPlusChars001";
        ApiKey key =
                toKey(
                        sdk().createApiKey(
                                        r ->
                                                r.name("bob")
                                                        .value(value)
                                                        .description("d")
                                                        .customerId("c-1")));
        assertFalse(key.enabled(), "AWS creates keys disabled unless enabled=true");
        assertEquals(value, sdk().getApiKey(r -> r.apiKey(key.id()).includeValue(true)).value());
        assertNull(sdk().getApiKey(r -> r.apiKey(key.id())).value());
        var got = sdk().getApiKey(r -> r.apiKey(key.id()));
        assertEquals("d", got.description());
        assertEquals("c-1", got.customerId());
        ConflictException twice =
                assertThrows(
                        ConflictException.class,
                        () -> sdk().createApiKey(r -> r.name("again").value(value)));
        assertEquals("API Key already exists", twice.awsErrorDetails().errorMessage());
        for (String field : redis.hash(String.class).hvals("{apikeys}:key-items")) {
            assertFalse(field.contains(value), "never the value in clear at rest");
        }
    }

    private static ApiKey toKey(CreateApiKeyResponse r) {
        return ApiKey.builder().id(r.id()).enabled(r.enabled()).name(r.name()).build();
    }

    @Test
    void getApiKeysPagesByPositionAndFiltersByName() {
        String prefix = "page" + System.nanoTime() + "-";
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 5; i++) {
            int n = i;
            ids.add(sdk().createApiKey(r -> r.name(prefix + n)).id());
        }
        List<String> seen = new ArrayList<>();
        String position = null;
        int pages = 0;
        do {
            String at = position;
            GetApiKeysResponse page =
                    sdk().getApiKeys(
                                    r ->
                                            r.nameQuery(prefix)
                                                    .limit(2)
                                                    .position(at)
                                                    .includeValues(true));
            page.items().forEach(k -> seen.add(k.id()));
            page.items().forEach(k -> assertNotNull(k.value()));
            position = page.position();
            pages++;
        } while (position != null);
        assertEquals(3, pages);
        assertEquals(ids, new HashSet<>(seen));
        assertEquals(5, seen.size());
        // The SDK's paginator walks the same pages.
        assertEquals(
                5,
                sdk().getApiKeysPaginator(r -> r.nameQuery(prefix).limit(2)).items().stream()
                        .count());
    }

    @Test
    void patchesNameDescriptionAndCustomerIdAndRefusesOtherPaths() {
        String id = sdk().createApiKey(r -> r.name("carol")).id();
        var updated =
                sdk().updateApiKey(
                                r ->
                                        r.apiKey(id)
                                                .patchOperations(
                                                        op("/name", "carol2"),
                                                        op("/description", "new"),
                                                        op("/customerId", "cust")));
        assertEquals("carol2", updated.name());
        assertEquals("new", updated.description());
        assertEquals("cust", updated.customerId());
        BadRequestException bad =
                assertThrows(
                        BadRequestException.class,
                        () ->
                                sdk().updateApiKey(
                                                r ->
                                                        r.apiKey(id)
                                                                .patchOperations(
                                                                        op("/value", "x"))));
        assertEquals(400, bad.statusCode());
        assertThrows(
                BadRequestException.class,
                () ->
                        sdk().updateApiKey(
                                        r ->
                                                r.apiKey(id)
                                                        .patchOperations(op("/enabled", "maybe"))));
        assertEquals("carol2", sdk().getApiKey(r -> r.apiKey(id)).name(), "nothing changed");
    }

    static PatchOperation op(String path, String value) {
        return PatchOperation.builder().op(Op.REPLACE).path(path).value(value).build();
    }

    @Test
    void unsignedAndWrongServiceCallersAreRefusedAndNothingChanges() {
        long before = redis.hash(String.class).hlen("{apikeys}:key-items");
        String url = ControlPlaneClients.root(management) + "/apikeys";
        given().contentType("application/json")
                .body("{\"name\":\"x\"}")
                .post(url)
                .then()
                .statusCode(403)
                .header("x-amzn-ErrorType", "MissingAuthenticationTokenException")
                .body(equalTo("{\"message\":\"Missing Authentication Token\"}"));
        given().filter(
                        SigV4Signing.as(
                                ControlPlaneClients.OPERATOR_ID,
                                ControlPlaneClients.OPERATOR_SECRET))
                .contentType("application/json")
                .body("{\"name\":\"x\"}")
                .post(url)
                .then()
                .statusCode(403)
                .header("x-amzn-ErrorType", "InvalidSignatureException");
        assertEquals(before, redis.hash(String.class).hlen("{apikeys}:key-items"));
    }

    @Test
    void writesAreAuditedWithTheCallerArnAndNeverTheValue() {
        String value = "AuditedValueNeverInTheStream01";
        String id = sdk().createApiKey(r -> r.name("audited").value(value)).id();
        String audit =
                given().filter(
                                SigV4Signing.as(
                                                ControlPlaneClients.AUDITOR_ID,
                                                ControlPlaneClients.AUDITOR_SECRET)
                                        .forService("apigateway"))
                        .queryParam("limit", 50)
                        .get(ControlPlaneClients.root(management) + "/audit")
                        .then()
                        .statusCode(200)
                        .extract()
                        .asString();
        assertTrue(audit.contains("\"action\":\"CreateApiKey\""), audit);
        assertTrue(audit.contains("\"target\":\"" + id + "\""), audit);
        assertTrue(audit.contains("arn:aws:iam::123456789012:user/operator"), audit);
        assertFalse(audit.contains(value));
        for (var entry :
                redis.stream(String.class)
                        .xrange(
                                "{apikeys}:audit",
                                io.quarkus.redis.datasource.stream.StreamRange.of("-", "+"))) {
            assertFalse(entry.payload().values().stream().anyMatch(v -> v.contains(value)));
        }
    }

    @Test
    void refusesOversizedAndShortValuesAndChangesNothing() {
        long before = redis.hash(String.class).hlen("{apikeys}:key-items");
        assertThrows(
                BadRequestException.class,
                () -> sdk().createApiKey(r -> r.name("x").value("a".repeat(129))));
        assertThrows(
                BadRequestException.class,
                () -> sdk().createApiKey(r -> r.name("x").value("short")));
        assertThrows(
                BadRequestException.class, () -> sdk().createApiKey(r -> r.name("n".repeat(1025))));
        assertEquals(before, redis.hash(String.class).hlen("{apikeys}:key-items"));
    }

    @Test
    void importsCsvRowsIntoPlansAndReportsBadRowsAsWarnings() {
        String plan = plan();
        String first = "ImportedValueNumberOne000001";
        String second = "ImportedValueNumberTwo000002";
        String csv =
                "Name,key,Enabled,UsagePlanIds,Ignored\n"
                        + "imp1,"
                        + first
                        + ",true,\""
                        + plan
                        + "\",x\n"
                        + "imp2,"
                        + second
                        + ",false,,y\n"
                        + "bad,tooshort,true,,z\n";
        ImportApiKeysResponse imported =
                sdk().importApiKeys(r -> r.format("csv").body(SdkBytes.fromUtf8String(csv)));
        assertEquals(2, imported.ids().size());
        assertEquals(List.of("Invalid API key value at line 4"), imported.warnings());
        assertEquals(200, status(first));
        assertEquals(403, status(second), "imported disabled");

        long before = redis.hash(String.class).hlen("{apikeys}:key-items");
        String third = "ImportedValueNumberThree0003";
        BadRequestException refused =
                assertThrows(
                        BadRequestException.class,
                        () ->
                                sdk().importApiKeys(
                                                r ->
                                                        r.format("csv")
                                                                .failOnWarnings(true)
                                                                .body(
                                                                        SdkBytes.fromUtf8String(
                                                                                "name,key\nok,"
                                                                                        + third
                                                                                        + "\n"
                                                                                        + "bad,x\n"))));
        assertTrue(refused.awsErrorDetails().errorMessage().contains("line 3"));
        assertEquals(before, redis.hash(String.class).hlen("{apikeys}:key-items"));
        assertEquals(403, status(third), "nothing imported");
    }
}
