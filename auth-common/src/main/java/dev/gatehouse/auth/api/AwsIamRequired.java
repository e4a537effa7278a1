package dev.gatehouse.auth.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a resource method (or every method of a resource class) as {@code authorizationType:
 * AWS_IAM}, like {@code authorizer: aws_iam} in {@code serverless.yml}: the request must carry a
 * valid SigV4 signature (header or presigned query) by a known access key whose principal's
 * policies allow {@code execute-api:Invoke} on the request's resource ARN. Runs before the API key
 * check, as in API Gateway. The caller is then available as {@link RequestIdentity#of}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface AwsIamRequired {

    /**
     * Whether a second request carrying a signature already accepted within its validity window is
     * refused (403 {@code InvalidSignatureException}); costs one Redis {@code SET NX} per signed
     * request. {@code gatehouse.iam.replay-protection=true} turns it on for every route.
     */
    boolean replayProtection() default false;
}
