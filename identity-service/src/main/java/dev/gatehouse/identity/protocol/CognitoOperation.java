package dev.gatehouse.identity.protocol;

/** One operation of the user pool API ({@code X-Amz-Target: ...<name>}). */
@FunctionalInterface
public interface CognitoOperation {

    /**
     * Serves the call on a worker thread (SRP and RS256 are CPU work). Returns the response members
     * (serialised as JSON, {@code {}} when empty) or throws {@link CognitoException}.
     */
    Object handle(CognitoRequest request, CallContext call);
}
