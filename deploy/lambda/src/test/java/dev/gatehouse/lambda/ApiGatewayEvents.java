package dev.gatehouse.lambda;

import static io.restassured.RestAssured.given;

import io.restassured.response.ValidatableResponse;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * API Gateway HTTP API events (payload format 2.0) as API Gateway sends them to a function, posted
 * to the extension's mock event server ({@code /_lambda_}), which hands them to the function and
 * answers with the function's {@code APIGatewayV2HTTPResponse}.
 */
final class ApiGatewayEvents {

    static final String SOURCE_IP = "203.0.113.7";
    static final String USER_AGENT = "aws-sdk-java/2.35.0";

    private final Map<String, Object> event = new LinkedHashMap<>();
    private final Map<String, Object> requestContext = new LinkedHashMap<>();
    private final Map<String, String> headers = new LinkedHashMap<>();

    private ApiGatewayEvents(String method, String path) {
        headers.put("host", "a1b2c3d4e5.execute-api.us-east-1.amazonaws.com");
        headers.put("user-agent", USER_AGENT);
        event.put("version", "2.0");
        event.put("routeKey", method + " " + path);
        event.put("rawPath", path);
        event.put("rawQueryString", "");
        event.put("headers", headers);
        event.put("isBase64Encoded", false);
        requestContext.put("accountId", "123456789012");
        requestContext.put("apiId", "a1b2c3d4e5");
        requestContext.put("domainName", headers.get("host"));
        requestContext.put("domainPrefix", "a1b2c3d4e5");
        requestContext.put(
                "http",
                Map.of(
                        "method", method,
                        "path", path,
                        "protocol", "HTTP/1.1",
                        "sourceIp", SOURCE_IP,
                        "userAgent", USER_AGENT));
        requestContext.put("requestId", UUID.randomUUID().toString());
        requestContext.put("routeKey", method + " " + path);
        requestContext.put("stage", "$default");
        requestContext.put("time", Instant.now().toString());
        requestContext.put("timeEpoch", Instant.now().toEpochMilli());
        event.put("requestContext", requestContext);
    }

    static ApiGatewayEvents request(String method, String path) {
        return new ApiGatewayEvents(method, path);
    }

    ApiGatewayEvents header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    ApiGatewayEvents body(String json) {
        headers.put("content-type", "application/json");
        event.put("body", json);
        return this;
    }

    /** What the IAM authorizer puts in {@code requestContext.authorizer.iam}. */
    ApiGatewayEvents iam(String userId, String userArn, String accessKey) {
        Map<String, Object> iam = new LinkedHashMap<>();
        iam.put("accessKey", accessKey);
        iam.put("accountId", "123456789012");
        iam.put("callerId", userId);
        iam.put("cognitoIdentity", null);
        iam.put("principalOrgId", null);
        iam.put("userArn", userArn);
        iam.put("userId", userId);
        requestContext.put("authorizer", Map.of("iam", iam));
        return this;
    }

    /** What the JWT authorizer puts in {@code requestContext.authorizer.jwt} (string claims). */
    ApiGatewayEvents jwt(Map<String, String> claims, List<String> scopes) {
        Map<String, Object> jwt = new HashMap<>();
        jwt.put("claims", claims);
        jwt.put("scopes", scopes);
        requestContext.put("authorizer", Map.of("jwt", jwt));
        return this;
    }

    /** The function's response ({@code statusCode}, {@code headers}, {@code body}). */
    ValidatableResponse invoke() {
        return given().contentType("application/json")
                .accept("application/json")
                .body(event)
                .post("/_lambda_")
                .then()
                .statusCode(200);
    }
}
