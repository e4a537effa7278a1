package dev.gatehouse.auth.sigv4;

import java.util.List;

/**
 * What a well-formed SigV4 request claims: who signed it, when, for which scope, and the signature
 * to check once the access key's secret is known.
 *
 * @param amzDate the request time as signed, {@code yyyyMMdd'T'HHmmss'Z'}
 * @param securityToken the session token of temporary credentials, or null
 * @param presigned whether the signature came in the query string
 * @param validUntil when the signature stops being accepted (X-Amz-Expires after its date, or five
 *     minutes after it when there is none)
 */
public record SignatureClaim(
        String accessKeyId,
        String amzDate,
        String scopeDate,
        String region,
        String service,
        List<String> signedHeaders,
        String signature,
        String securityToken,
        boolean presigned,
        java.time.Instant validUntil)
        implements SignatureParse {

    /** {@code <date>/<region>/<service>/aws4_request}. */
    public String scope() {
        return scopeDate + "/" + region + "/" + service + "/aws4_request";
    }
}
