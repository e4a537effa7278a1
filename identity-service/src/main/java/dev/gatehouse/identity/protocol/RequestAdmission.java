package dev.gatehouse.identity.protocol;

/**
 * The request quotas {@link CognitoDispatcher} admits each call through before its operation runs
 * (implemented by {@code quota.RequestQuotas}). The protocol owns this contract so that it depends
 * on no feature: every feature answers in the protocol's vocabulary, and the protocol calls the
 * features only through {@link OperationSet} and this interface.
 */
public interface RequestAdmission {

    /**
     * Counts one call of the user pool API's {@code operation} (blocking: the dispatcher runs on a
     * worker thread); else throws {@code TooManyRequestsException}.
     */
    void admit(String operation);

    /** Counts one call of the identity pool API's {@code operation}, as {@link #admit} does. */
    void admitIdentityPool(String operation);
}
