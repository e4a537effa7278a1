package dev.gatehouse.identity.protocol;

import java.util.Map;

/** A feature's operations, registered by name ({@code SignUp}, {@code InitiateAuth}, ...). */
public interface OperationSet {

    Map<String, CognitoOperation> operations();

    /**
     * The {@code X-Amz-Target} prefix of the API the operations belong to: the user pool API's
     * unless a set says otherwise (the identity pool API: {@code AWSCognitoIdentityService.}).
     */
    default String targetPrefix() {
        return CognitoDispatcher.TARGET_PREFIX;
    }
}
