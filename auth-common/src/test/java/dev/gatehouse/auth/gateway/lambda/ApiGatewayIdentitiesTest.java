package dev.gatehouse.auth.gateway.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent.RequestContext;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent.RequestContext.Authorizer;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent.RequestContext.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent.RequestContext.Http;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent.RequestContext.IAM;
import dev.gatehouse.auth.api.RequestIdentity;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** API Gateway's authorizer results (payload 2.0) as the suite's {@link RequestIdentity}. */
class ApiGatewayIdentitiesTest {

    static RequestContext context(Authorizer authorizer) {
        return RequestContext.builder()
                .withHttp(
                        Http.builder()
                                .withMethod("GET")
                                .withPath("/stores")
                                .withSourceIp("203.0.113.7")
                                .withUserAgent("aws-sdk-java/2")
                                .build())
                .withAuthorizer(authorizer)
                .build();
    }

    static IAM iamCaller() {
        return IAM.builder()
                .withAccessKey("ASIAEXAMPLE000000001")
                .withAccountId("123456789012")
                .withCallerId("AROAEXAMPLE000000001:index-service")
                .withUserId("AROAEXAMPLE000000001:index-service")
                .withUserArn("arn:aws:sts::123456789012:assumed-role/index-service/index-service")
                .build();
    }

    @Test
    void mapsTheIamAuthorizerLikeTheSigV4Authorizer() {
        RequestIdentity identity =
                ApiGatewayIdentities.iam(context(Authorizer.builder().withIam(iamCaller()).build()))
                        .orElseThrow();

        assertEquals("203.0.113.7", identity.sourceIp());
        assertEquals("aws-sdk-java/2", identity.userAgent());
        assertEquals("123456789012", identity.accountId());
        assertEquals("AROAEXAMPLE000000001:index-service", identity.caller());
        assertEquals("AROAEXAMPLE000000001:index-service", identity.user());
        assertEquals(
                "arn:aws:sts::123456789012:assumed-role/index-service/index-service",
                identity.userArn());
        assertEquals("ASIAEXAMPLE000000001", identity.accessKey());
        assertNull(identity.claims());
        assertEquals(
                "AROAEXAMPLE000000001:index-service",
                identity.principalName(),
                "Quarkus names an IAM principal by authorizer.iam.userId");
    }

    @Test
    void mapsFederatedIdentityPoolCallers() {
        IAM iam = iamCaller();
        iam.setCognitoIdentity(
                CognitoIdentity.builder()
                        .withIdentityId("us-east-1:1234")
                        .withIdentityPoolId("us-east-1:pool")
                        .withAmr(
                                List.of(
                                        "authenticated",
                                        "cognito-idp.us-east-1.amazonaws.com/us-east-1_Ab12Cd34E",
                                        "cognito-idp.us-east-1.amazonaws.com/us-east-1_Ab12Cd34E:CognitoSignIn:sub"))
                        .build());
        RequestIdentity identity =
                ApiGatewayIdentities.iam(context(Authorizer.builder().withIam(iam).build()))
                        .orElseThrow();

        assertEquals("us-east-1:1234", identity.cognitoIdentityId());
        assertEquals("us-east-1:pool", identity.cognitoIdentityPoolId());
        assertEquals("authenticated", identity.cognitoAuthenticationType());
        assertEquals(
                "cognito-idp.us-east-1.amazonaws.com/us-east-1_Ab12Cd34E,"
                    + "cognito-idp.us-east-1.amazonaws.com/us-east-1_Ab12Cd34E:CognitoSignIn:sub",
                identity.cognitoAuthenticationProvider());
    }

    @Test
    void mapsTheJwtAuthorizerClaimsLikeTheCognitoAuthorizer() {
        Authorizer authorizer =
                Authorizer.builder()
                        .withJwt(
                                Authorizer.JWT
                                        .builder()
                                        .withClaims(
                                                Map.of(
                                                        "sub", "aaaa-bbbb",
                                                        "cognito:username", "ada",
                                                        "token_use", "id",
                                                        "email_verified", "true"))
                                        .withScopes(List.of())
                                        .build())
                        .build();
        RequestIdentity identity = ApiGatewayIdentities.jwt(context(authorizer)).orElseThrow();

        assertEquals("ada", identity.claims().get("cognito:username"));
        assertEquals("true", identity.claims().get("email_verified"));
        assertEquals("203.0.113.7", identity.sourceIp());
        assertNull(identity.userArn());
        assertNull(identity.accessKey());
        assertEquals(
                "ada",
                identity.principalName(),
                "Quarkus names a JWT principal by claims.cognito:username");
    }

    @Test
    void anAccessTokenHasNoPrincipalNameAsInQuarkus() {
        Authorizer authorizer =
                Authorizer.builder()
                        .withJwt(
                                Authorizer.JWT
                                        .builder()
                                        .withClaims(
                                                Map.of("username", "ada", "token_use", "access"))
                                        .build())
                        .build();
        assertNull(ApiGatewayIdentities.jwt(context(authorizer)).orElseThrow().principalName());
    }

    @Test
    void findsNothingWhereTheAuthorizerDidNotRun() {
        assertTrue(ApiGatewayIdentities.iam(context(null)).isEmpty());
        assertTrue(ApiGatewayIdentities.jwt(context(null)).isEmpty());
        Authorizer jwtOnly =
                Authorizer.builder()
                        .withJwt(
                                Authorizer.JWT
                                        .builder()
                                        .withClaims(Map.of("cognito:username", "ada"))
                                        .build())
                        .build();
        assertTrue(ApiGatewayIdentities.iam(context(jwtOnly)).isEmpty(), "JWT is not IAM");
        Authorizer iamOnly = Authorizer.builder().withIam(iamCaller()).build();
        assertTrue(ApiGatewayIdentities.jwt(context(iamOnly)).isEmpty(), "IAM is not a JWT");
        Authorizer emptyIam = Authorizer.builder().withIam(IAM.builder().build()).build();
        assertTrue(ApiGatewayIdentities.iam(context(emptyIam)).isEmpty(), "no userId, no caller");
        Authorizer emptyClaims =
                Authorizer.builder()
                        .withJwt(Authorizer.JWT.builder().withClaims(Map.of()).build())
                        .build();
        assertTrue(ApiGatewayIdentities.jwt(context(emptyClaims)).isEmpty(), "no claims");
    }
}
