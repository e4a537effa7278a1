package dev.gatehouse.deploy.sam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * deploy/sam/template.yaml, route by route: who authenticates each route (API Gateway's IAM or JWT
 * authorizer, or nobody), the user pool and clients as the seed defines them, the execution roles'
 * {@code execute-api:Invoke} grants, Redis in the VPC, and secrets only as NoEcho parameters.
 */
class SamTemplateTest {

    static Map<String, Object> template;

    @BeforeAll
    static void read() throws Exception {
        Path root = Path.of(System.getProperty("gatehouse.root", "..")).toAbsolutePath();
        template = CloudFormationYaml.read(root.resolve("deploy/sam/template.yaml"));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object value) {
        return (List<Object>) value;
    }

    static Map<String, Object> resources() {
        return map(template.get("Resources"));
    }

    static Map<String, Object> properties(String resource) {
        return map(map(resources().get(resource)).get("Properties"));
    }

    /** "METHOD path" -> "function authorizer" for every HttpApi event of every function. */
    static Map<String, String> routes() {
        Map<String, String> routes = new TreeMap<>();
        resources()
                .forEach(
                        (name, value) -> {
                            Map<String, Object> resource = map(value);
                            if (!"AWS::Serverless::Function".equals(resource.get("Type"))) {
                                return;
                            }
                            Map<String, Object> events =
                                    map(map(resource.get("Properties")).get("Events"));
                            events.values()
                                    .forEach(
                                            event -> {
                                                Map<String, Object> e = map(event);
                                                assertEquals("HttpApi", e.get("Type"), name);
                                                Map<String, Object> p = map(e.get("Properties"));
                                                assertEquals(
                                                        Map.of("Ref", "HttpApi"),
                                                        p.get("ApiId"),
                                                        name + " is on the one HTTP API");
                                                Object auth =
                                                        p.get("Auth") == null
                                                                ? "(default)"
                                                                : map(p.get("Auth"))
                                                                        .get("Authorizer");
                                                String key = p.get("Method") + " " + p.get("Path");
                                                String previous =
                                                        routes.put(key, name + " " + auth);
                                                assertEquals(null, previous, "duplicate " + key);
                                            });
                        });
        return routes;
    }

    @Test
    void everyRouteHasTheAuthorizerItsServiceRequires() {
        Map<String, String> expected = new TreeMap<>();
        expected.put("GET /", "IndexFunction NONE");
        expected.put("GET /stores", "StoresFunction AWS_IAM");
        expected.put("GET /stores/{id}", "StoresFunction AWS_IAM");
        expected.put("POST /stores/search", "StoresFunction CognitoJwt");
        expected.put("POST /orders", "StoresFunction CognitoJwt");
        expected.put("GET /orders", "StoresFunction CognitoJwt");
        expected.put("GET /orders/{orderId}", "StoresFunction CognitoJwt");
        expected.put("POST /", "IdentityFunction NONE");
        expected.put("GET /{poolId}/.well-known/jwks.json", "IdentityFunction NONE");
        expected.put("GET /{poolId}/.well-known/openid-configuration", "IdentityFunction NONE");
        expected.put("POST /events", "FanoutFunction AWS_IAM");
        expected.put("GET /events/{id}", "FanoutFunction AWS_IAM");
        expected.put("POST /dead-letters/{id}/replay", "FanoutFunction AWS_IAM");
        assertEquals(expected, routes());
    }

    @Test
    void theJwtAuthorizerTrustsTheUserPoolAndItsTwoClients() {
        Map<String, Object> auth = map(properties("HttpApi").get("Auth"));
        assertEquals(true, auth.get("EnableIamAuthorizer"));
        assertFalse(auth.containsKey("DefaultAuthorizer"), "every route names its authorizer");
        Map<String, Object> jwt = map(map(auth.get("Authorizers")).get("CognitoJwt"));
        assertEquals("$request.header.Authorization", jwt.get("IdentitySource"));
        Map<String, Object> config = map(jwt.get("JwtConfiguration"));
        assertEquals(
                Map.of("Fn::Sub", "https://cognito-idp.${AWS::Region}.amazonaws.com/${UserPool}"),
                config.get("issuer"));
        assertEquals(
                List.of(Map.of("Ref", "WebClient"), Map.of("Ref", "ServerClient")),
                config.get("audience"));
    }

    @Test
    void theUserPoolIsTheSeeds() {
        Map<String, Object> pool = properties("UserPool");
        assertEquals(List.of("email"), pool.get("AliasAttributes"));
        assertEquals(List.of("email"), pool.get("AutoVerifiedAttributes"));
        assertEquals(Map.of("CaseSensitive", false), pool.get("UsernameConfiguration"));
        assertEquals(
                Map.of(
                        "MinimumLength", 8,
                        "RequireLowercase", true,
                        "RequireUppercase", true,
                        "RequireNumbers", true,
                        "RequireSymbols", true),
                map(pool.get("Policies")).get("PasswordPolicy"));
        List<String> required = new ArrayList<>();
        for (Object attribute : list(pool.get("Schema"))) {
            if (Boolean.TRUE.equals(map(attribute).get("Required"))) {
                required.add((String) map(attribute).get("Name"));
            }
        }
        assertEquals(List.of("given_name", "family_name", "email"), required);

        Map<String, Object> web = properties("WebClient");
        assertEquals("web", web.get("ClientName"));
        assertEquals(
                List.of("ALLOW_USER_SRP_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"),
                web.get("ExplicitAuthFlows"));
        assertEquals("ENABLED", web.get("PreventUserExistenceErrors"));
        Map<String, Object> server = properties("ServerClient");
        assertEquals("server", server.get("ClientName"));
        assertEquals(
                List.of("ALLOW_ADMIN_USER_PASSWORD_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"),
                server.get("ExplicitAuthFlows"));
        assertEquals("ENABLED", server.get("PreventUserExistenceErrors"));

        Map<String, Object> outputs = map(template.get("Outputs"));
        for (String output : List.of("UserPoolId", "WebClientId", "ServerClientId", "ApiUrl")) {
            assertTrue(outputs.containsKey(output), output);
        }
    }

    @Test
    void everyFunctionIsANativeArmFunctionInTheVpcInGatewayMode() {
        Map<String, Object> function = map(map(template.get("Globals")).get("Function"));
        assertEquals("provided.al2023", function.get("Runtime"));
        assertEquals(List.of("arm64"), function.get("Architectures"));
        assertTrue(map(function.get("VpcConfig")).containsKey("SubnetIds"));
        Map<String, Object> env = map(map(function.get("Environment")).get("Variables"));
        assertEquals("api-gateway", env.get("GATEHOUSE_GATEWAY_MODE"));
        assertEquals(Map.of("Ref", "GatehouseMasterKey"), env.get("GATEHOUSE_IAM_MASTER_KEY"));

        List<String> functions = new ArrayList<>();
        resources()
                .forEach(
                        (name, value) -> {
                            if ("AWS::Serverless::Function".equals(map(value).get("Type"))) {
                                functions.add(name);
                                Map<String, Object> p = map(map(value).get("Properties"));
                                assertFalse(p.containsKey("Runtime"), name + " keeps the global");
                                assertTrue(
                                        ((String) p.get("CodeUri"))
                                                .endsWith("/target/function.zip"),
                                        name);
                            }
                        });
        assertEquals(
                List.of("IndexFunction", "StoresFunction", "IdentityFunction", "FanoutFunction"),
                functions);
    }

    static List<Object> invokeGrants(String role) {
        List<Object> resources = new ArrayList<>();
        Object policies = properties(role).get("Policies");
        if (policies == null) {
            return resources;
        }
        for (Object policy : list(policies)) {
            for (Object statement : list(map(map(policy).get("PolicyDocument")).get("Statement"))) {
                Map<String, Object> s = map(statement);
                assertEquals("Allow", s.get("Effect"));
                assertEquals("execute-api:Invoke", s.get("Action"), role + " only invokes APIs");
                resources.addAll(list(s.get("Resource")));
            }
        }
        return resources;
    }

    static Map<String, String> arn(String methodAndPath) {
        return Map.of(
                "Fn::Sub",
                "arn:aws:execute-api:${AWS::Region}:${AWS::AccountId}:${HttpApi}/*/"
                        + methodAndPath);
    }

    @Test
    void executionRolesInvokeOnlyWhatTheirServiceCalls() {
        assertEquals(List.of(arn("GET/stores"), arn("GET/stores/*")), invokeGrants("IndexRole"));
        assertEquals(List.of(arn("POST/events")), invokeGrants("StoresRole"));
        assertEquals(List.of(arn("POST/notifications")), invokeGrants("FanoutRole"));
        assertEquals(List.of(), invokeGrants("IdentityRole"));
        for (String function :
                List.of("IndexFunction", "StoresFunction", "IdentityFunction", "FanoutFunction")) {
            String role = function.replace("Function", "Role");
            assertEquals(
                    Map.of("Fn::GetAtt", List.of(role, "Arn")), properties(function).get("Role"));
        }
    }

    @Test
    void aScheduleRunsFanoutDeliveriesEveryMinuteByDirectInvocationOnly() throws Exception {
        Map<String, Object> schedule = map(resources().get("DeliverySchedule"));
        assertEquals("AWS::Scheduler::Schedule", schedule.get("Type"));
        Map<String, Object> p = map(schedule.get("Properties"));
        assertEquals("rate(1 minute)", p.get("ScheduleExpression"));
        Map<String, Object> target = map(p.get("Target"));
        assertEquals(Map.of("Fn::GetAtt", List.of("FanoutFunction", "Arn")), target.get("Arn"));
        assertEquals(
                Map.of("Fn::GetAtt", List.of("DeliveryScheduleRole", "Arn")),
                target.get("RoleArn"));

        JsonNode event =
                new ObjectMapper().readTree((String) map(target.get("Input")).get("Fn::Sub"));
        assertEquals("2.0", event.path("version").asText());
        assertEquals("POST /deliveries/drain", event.path("routeKey").asText());
        assertEquals("/deliveries/drain", event.path("rawPath").asText());
        JsonNode context = event.path("requestContext");
        assertEquals("POST", context.path("http").path("method").asText());
        assertEquals("/deliveries/drain", context.path("http").path("path").asText());
        JsonNode iam = context.path("authorizer").path("iam");
        assertEquals(
                "arn:aws:sts::${AWS::AccountId}:assumed-role/${DeliveryScheduleRole}/delivery-run",
                iam.path("userArn").asText());
        assertEquals("${DeliveryScheduleRole.RoleId}:delivery-run", iam.path("userId").asText());
        assertFalse(
                routes().keySet().stream().anyMatch(route -> route.contains("/deliveries")),
                "the HTTP API has no route to a delivery run");

        Map<String, Object> role = properties("DeliveryScheduleRole");
        Map<String, Object> trust =
                map(list(map(role.get("AssumeRolePolicyDocument")).get("Statement")).get(0));
        assertEquals(Map.of("Service", "scheduler.amazonaws.com"), trust.get("Principal"));
        List<Object> policies = list(role.get("Policies"));
        assertEquals(1, policies.size());
        List<Object> statements =
                list(map(map(policies.get(0)).get("PolicyDocument")).get("Statement"));
        assertEquals(
                List.of(
                        Map.of(
                                "Effect", "Allow",
                                "Action", "lambda:InvokeFunction",
                                "Resource",
                                        Map.of("Fn::GetAtt", List.of("FanoutFunction", "Arn")))),
                statements);

        Map<String, Object> fanout = properties("FanoutFunction");
        Map<String, Object> env = map(map(fanout.get("Environment")).get("Variables"));
        assertEquals("false", env.get("GATEHOUSE_FANOUT_WORKER_ENABLED"), "no idle worker");
        long budget = Duration.parse("PT" + env.get("GATEHOUSE_FANOUT_DRAIN_BUDGET")).toSeconds();
        long grace = Duration.parse("PT" + env.get("GATEHOUSE_FANOUT_DRAIN_GRACE")).toSeconds();
        int timeout = (Integer) fanout.get("Timeout");
        assertTrue(budget + grace < timeout, "a run ends before the function times out");
        assertTrue(budget + grace <= 60, "runs of consecutive minutes barely overlap");
    }

    @Test
    void redisIsElastiCacheServerlessInsideTheVpc() {
        Map<String, Object> redis = map(resources().get("RedisCache"));
        assertEquals("AWS::ElastiCache::ServerlessCache", redis.get("Type"));
        Map<String, Object> p = map(redis.get("Properties"));
        assertEquals("redis", p.get("Engine"));
        assertEquals(
                List.of(Map.of("Ref", "PrivateSubnetA"), Map.of("Ref", "PrivateSubnetB")),
                p.get("SubnetIds"));
        Map<String, Object> ingress =
                map(list(properties("RedisSecurityGroup").get("SecurityGroupIngress")).get(0));
        assertEquals(Map.of("Ref", "FunctionSecurityGroup"), ingress.get("SourceSecurityGroupId"));
    }

    @Test
    void secretsArriveOnlyAsNoEchoParametersWithoutValues() {
        Map<String, Object> parameters = map(template.get("Parameters"));
        for (String secret :
                List.of("GatehouseMasterKey", "IndexServiceApiKey", "FreeApiKey", "PaidApiKey")) {
            Map<String, Object> p = map(parameters.get(secret));
            assertEquals(true, p.get("NoEcho"), secret);
            Object fallback = p.get("Default");
            assertTrue(fallback == null || "".equals(fallback), secret + " has no default value");
        }
    }
}
