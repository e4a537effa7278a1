package dev.gatehouse.auth.sigv4;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;

/**
 * Verifies AWS Signature Version 4 exactly as execute-api does (spec sections 4.2-4.6, 4.9), in two
 * steps so that the secret can be looked up asynchronously in between: {@link #parse} checks shape,
 * scope and time; {@link #verify} recomputes the signature with the secret and compares it in
 * constant time. Neither throws for any input.
 */
public final class SigV4Verifier {

    /** The signing name of API Gateway. */
    public static final String EXECUTE_API = "execute-api";

    private static final Set<String> SIGNATURE_PARAM = Set.of("X-Amz-Signature");

    private final SignatureParser parser;
    private final DerivedSigningKeys keys = new DerivedSigningKeys();
    private final boolean echoCanonicalRequest;

    /**
     * @param echoCanonicalRequest whether a mismatch echoes the canonical request and string to
     *     sign, as AWS does (helps clients debug; reveals how the server canonicalises)
     */
    public SigV4Verifier(String region, String service, boolean echoCanonicalRequest) {
        this.parser = new SignatureParser(region, service);
        this.echoCanonicalRequest = echoCanonicalRequest;
    }

    /** The request's signature claim, or the rejection of its signature data. */
    public SignatureParse parse(SignedRequest request, Instant now) {
        try {
            return parser.parse(request, now);
        } catch (RuntimeException e) {
            // Defence in depth: malformed input must end in a 403, never a 500.
            return SigV4Rejection.incomplete("Malformed Authorization data");
        }
    }

    /** Empty when the signature is right; the InvalidSignatureException otherwise. */
    public Optional<SigV4Rejection> verify(
            SignedRequest request, SignatureClaim claim, String secret) {
        byte[] key =
                keys.signingKey(
                        claim.accessKeyId(),
                        secret,
                        claim.scopeDate(),
                        claim.region(),
                        claim.service());
        Set<String> excluded = claim.presigned() ? SIGNATURE_PARAM : Set.of();
        String canonical =
                CanonicalRequest.of(request, request.rawPath(), claim.signedHeaders(), excluded);
        String stringToSign = stringToSign(claim, canonical);
        if (matches(key, stringToSign, claim.signature())) {
            return Optional.empty();
        }
        String normalized = normalize(request.rawPath());
        if (!normalized.equals(request.rawPath())) {
            String alternative =
                    CanonicalRequest.of(request, normalized, claim.signedHeaders(), excluded);
            if (matches(key, stringToSign(claim, alternative), claim.signature())) {
                return Optional.empty();
            }
        }
        String message =
                "The request signature we calculated does not match the signature you provided."
                    + " Check your AWS Secret Access Key and signing method. Consult the service"
                    + " documentation for details.";
        if (echoCanonicalRequest) {
            message +=
                    "\n\nThe Canonical String for this request should have been\n'"
                            + canonical
                            + "'\n\nThe String-to-Sign should have been\n'"
                            + stringToSign
                            + "'\n";
        }
        return Optional.of(SigV4Rejection.invalidSignature(message));
    }

    static String stringToSign(SignatureClaim claim, String canonicalRequest) {
        return SignatureParser.ALGORITHM
                + "\n"
                + claim.amzDate()
                + "\n"
                + claim.scope()
                + "\n"
                + CanonicalRequest.sha256Hex(canonicalRequest);
    }

    private static boolean matches(byte[] key, String stringToSign, String signature) {
        byte[] expected =
                HexFormat.of()
                        .formatHex(DerivedSigningKeys.hmac(key, stringToSign))
                        .getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.US_ASCII));
    }

    /** RFC 3986 dot-segment removal and slash collapsing (SDK signers normalise non-S3 paths). */
    static String normalize(String rawPath) {
        if (rawPath == null || rawPath.isEmpty()) {
            return "/";
        }
        try {
            String path =
                    URI.create("http://h" + rawPath.replaceAll("/{2,}", "/"))
                            .normalize()
                            .getRawPath();
            // A final "." or ".." segment leaves a trailing slash ("/a/b/." -> "/a/b/") that the
            // signers drop when the path they were given has none: the AWS SDKs, aws4 and
            // @smithy/signature-v4 all sign "/a/b/." as "/a/b".
            if (path.length() > 1 && path.endsWith("/") && !rawPath.endsWith("/")) {
                path = path.substring(0, path.length() - 1);
            }
            return path.isEmpty() ? "/" : path;
        } catch (IllegalArgumentException e) {
            return rawPath;
        }
    }
}
