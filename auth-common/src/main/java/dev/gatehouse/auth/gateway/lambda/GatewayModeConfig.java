package dev.gatehouse.auth.gateway.lambda;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Who authenticates the callers of {@code @AwsIamRequired} and {@code @CognitoUserPoolsRequired}
 * routes (ARCHITECTURE.md, "Deployment shapes").
 */
@ConfigMapping(prefix = "gatehouse.gateway")
public interface GatewayModeConfig {

    /**
     * {@code self-enforcing} (local, dev, Kubernetes): the suite verifies SigV4 and JWTs itself.
     * {@code api-gateway} (the Lambda build, {@code -Plambda}): API Gateway's IAM and JWT
     * authorizers did, and the suite reads their results from the Lambda event's {@code
     * requestContext.authorizer}; a protected route whose authorizer result is missing is refused.
     * API keys and usage plans are enforced by the suite in both modes.
     */
    @WithDefault("self-enforcing")
    Mode mode();

    enum Mode {
        SELF_ENFORCING,
        API_GATEWAY
    }
}
