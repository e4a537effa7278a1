package dev.gatehouse.identity.protocol;

import java.util.Map;

/** A feature's operations, registered by name ({@code SignUp}, {@code InitiateAuth}, ...). */
public interface OperationSet {

    Map<String, CognitoOperation> operations();
}
