package dev.gatehouse.auth.iam.credentials;

import java.time.Instant;

/**
 * Temporary credentials as STS returns them: sign with the id and secret, and send the token as
 * {@code X-Amz-Security-Token}.
 *
 * @param arn the caller ARN requests signed with them present
 */
public record SessionCredentials(
        String accessKeyId,
        String secretAccessKey,
        String sessionToken,
        Instant expiration,
        String arn) {

    @Override
    public String toString() {
        return "SessionCredentials[" + accessKeyId + ", " + arn + ", expires " + expiration + "]";
    }
}
