package dev.gatehouse.auth.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a resource method (or every method of a resource class) as requiring an API key, like
 * {@code private: true} in {@code serverless.yml} or {@code apiKeyRequired} on an API Gateway
 * method. The caller's {@code x-api-key} must belong to an enabled key in a usage plan for this
 * API; the plan's throttle and quota are then applied in one Redis round trip. Independent of the
 * route's authorizer.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface ApiKeyRequired {}
