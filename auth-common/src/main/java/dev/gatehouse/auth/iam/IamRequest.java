package dev.gatehouse.auth.iam;

import dev.gatehouse.auth.sigv4.SignedRequest;

/**
 * What the authorizer is asked: a request as received, the action and resource it would perform
 * (e.g. {@code execute-api:Invoke} on an execute-api ARN), and the network facts policies may test.
 *
 * @param sourceIp the client address ({@code aws:SourceIp})
 * @param secureTransport whether it came over TLS ({@code aws:SecureTransport})
 */
public record IamRequest(
        SignedRequest request,
        String action,
        String resource,
        String sourceIp,
        boolean secureTransport) {}
