package dev.gatehouse.auth.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a resource method (or every method of a resource class) as {@code authorizationType:
 * COGNITO_USER_POOLS}: the {@code Authorization} header must carry a token of the configured user
 * pool ({@code gatehouse.cognito.*}), raw or as {@code Bearer <token>}, RS256-signed by a key of
 * the pool's JWKS, unexpired, from an allowed app client. Anything else is 401 {@code
 * {"message":"Unauthorized"}}. Runs before the API key check, as in API Gateway. The token's claims
 * are then available as {@link RequestIdentity#claims()} ({@code
 * requestContext.authorizer.claims}).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface CognitoUserPoolsRequired {

    /**
     * The method's OAuth scopes. None (the default): an ID token is expected (or whatever {@code
     * gatehouse.cognito.token-use} says). Any: an access token whose {@code scope} holds at least
     * one of them, as API Gateway treats a method with {@code AuthorizationScopes}.
     */
    String[] scopes() default {};
}
