package dev.gatehouse.auth.iam.signing;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/** How this service signs its own outgoing calls (SigV4, as the {@code aws4} package does). */
@ConfigMapping(prefix = "gatehouse.signing")
public interface SigningConfig {

    /** The region of the credential scope. */
    @WithDefault("${gatehouse.region:us-east-1}")
    String region();

    /** The signing name of the called service. */
    @WithDefault("execute-api")
    String service();

    /**
     * A fixed access key id. When absent (the normal case) the AWS SDK's default credentials
     * provider chain is used: environment variables, system properties, web identity (EKS), the
     * shared profile files, container and instance credentials; on Lambda, the function's role.
     */
    Optional<String> accessKeyId();

    /** The secret of {@code access-key-id}, from the environment. */
    Optional<String> secretAccessKey();
}
