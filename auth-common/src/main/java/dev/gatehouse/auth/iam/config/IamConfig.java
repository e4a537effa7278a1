package dev.gatehouse.auth.iam.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * IAM authorization ({@code AWS_IAM} routes): the suite's account and region, this service's API id
 * and stage (they make up the execute-api resource ARNs policies match), and the principals whose
 * access keys callers sign with.
 */
@ConfigMapping(prefix = "gatehouse.iam")
public interface IamConfig {

    /**
     * Whether this service verifies SigV4 on {@code @AwsIamRequired} routes and provisions the
     * principals' access keys at startup.
     */
    @WithDefault("true")
    boolean enabled();

    /** The region in every credential scope and ARN (the suite's {@code gatehouse.region}). */
    @WithDefault("${gatehouse.region:us-east-1}")
    String region();

    /** The 12-digit account that owns the principals and the APIs. */
    @WithDefault("${gatehouse.account-id:123456789012}")
    String accountId();

    /** This service's API id in execute-api ARNs ({@code arn:aws:execute-api:r:a:<api-id>/...}). */
    @WithDefault("${quarkus.application.name}")
    String apiId();

    /** The stage in execute-api ARNs. */
    @WithDefault("dev")
    String stage();

    /**
     * Base64 of 32 random bytes that encrypts the secret access keys kept in Redis (AES-256-GCM).
     * From the environment ({@code GATEHOUSE_IAM_MASTER_KEY}), never from a committed file. Every
     * service sharing the Redis needs the same key.
     */
    Optional<String> masterKey();

    /**
     * Whether a signature mismatch echoes the canonical request and string to sign, as execute-api
     * does. Helps clients debug; reveals how the server canonicalises. Turn off to hide it.
     */
    @WithDefault("true")
    boolean echoCanonicalRequest();

    /**
     * How long an access key's record is kept in memory after a Redis lookup. A deleted key stops
     * working within this time on every instance (IAM itself is eventually consistent too).
     */
    @WithDefault("10s")
    Duration credentialCacheTtl();

    /**
     * The host names signed requests may be addressed to, comma-separated (the {@code Host} a
     * signature covers, compared without port and case). When set, a request for any other host is
     * refused with 403 {@code ForbiddenException}, however well signed; when absent, any host is
     * accepted (the signature still binds the one it was made for).
     */
    Optional<List<String>> hosts();

    /**
     * Whether every {@code @AwsIamRequired} route refuses a second request carrying a signature
     * already accepted within its validity window (one Redis {@code SET NX} per signed request).
     * Off by default, as in AWS; a route can turn it on alone with
     * {@code @AwsIamRequired(replayProtection = true)}. See docs/iam.md.
     */
    @WithDefault("false")
    boolean replayProtection();

    /** Longest wait for Redis while authenticating; a timeout answers 503, never a pass. */
    @WithDefault("1s")
    Duration redisTimeout();

    /**
     * File that receives the access keys generated at startup (JSON, principal name to {@code
     * accessKeyId}, {@code secretAccessKey}, {@code arn}; mode 600), so that they are shown once
     * and never logged.
     */
    Optional<Path> revealFile();

    /** Where relative {@code policy-files} are found; default: next to the suite configuration. */
    @WithDefault("${gatehouse.suite-dir:.}")
    Path policyDir();

    /** The principals (IAM users and roles) whose access keys this suite accepts, by name. */
    Map<String, Principal> principals();

    /** One IAM user or role. */
    interface Principal {

        /** {@code arn:aws:iam::<account>:user/<name>} or {@code ...:role/<name>}. */
        String arn();

        /**
         * Identity policy files (AWS JSON policy documents), comma-separated, relative to {@code
         * policy-dir} unless absolute.
         */
        Optional<List<String>> policyFiles();

        /** An inline identity policy document (JSON), in addition to the files. */
        Optional<String> policy();

        /**
         * A role's trust policy ({@code AssumeRolePolicyDocument} of {@code AWS::IAM::Role}): who
         * may assume it through STS or an identity pool. Absent: nobody may. Read by
         * identity-service only.
         */
        Optional<String> assumeRolePolicyDocument();

        /** A fixed access key id ({@code AKIA} + 16); generated at first start when absent. */
        Optional<String> accessKeyId();

        /**
         * The matching secret (40 characters), from the environment; generated when absent. A
         * changed value replaces the stored one (rotation).
         */
        Optional<String> secretAccessKey();
    }
}
