package dev.gatehouse.auth.iam.credentials;

import java.time.Instant;

/**
 * An access key as the authorizer sees it after lookup: the decrypted secret and who it belongs to.
 *
 * @param principal the configured principal's name (its policies apply)
 * @param arn the caller ARN: the principal's, or {@code
 *     arn:aws:sts::...:assumed-role/<role>/<session>}
 * @param sessionTokenSha256 for temporary credentials, the SHA-256 (hex) of the session token; null
 *     for long-term keys
 * @param expiresAt for temporary credentials, when they stop working; null for long-term keys
 * @param session what a temporary session carries beyond its role (web identity context keys, a
 *     session policy); {@link SessionAttributes#NONE} otherwise
 */
public record AccessKey(
        String accessKeyId,
        String secretAccessKey,
        String principal,
        String arn,
        String sessionTokenSha256,
        Instant expiresAt,
        SessionAttributes session) {

    public AccessKey(
            String accessKeyId,
            String secretAccessKey,
            String principal,
            String arn,
            String sessionTokenSha256,
            Instant expiresAt) {
        this(
                accessKeyId,
                secretAccessKey,
                principal,
                arn,
                sessionTokenSha256,
                expiresAt,
                SessionAttributes.NONE);
    }

    public boolean temporary() {
        return sessionTokenSha256 != null;
    }

    @Override
    public String toString() {
        // Never print the secret, whatever logs this record.
        return "AccessKey[" + accessKeyId + ", " + arn + "]";
    }
}
