package dev.gatehouse.identity.pool;

import dev.gatehouse.identity.protocol.CognitoErrors;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The one user pool this service hosts: its id ({@code us-east-1_Ab12Cd34E}), issuer, app clients
 * by id, required attributes and password policy.
 */
public record UserPool(
        String id,
        String issuer,
        Map<String, AppClient> clientsById,
        List<String> requiredAttributes,
        PasswordPolicy passwordPolicy,
        byte[] simulationSecret) {

    /** The part of the pool id after {@code _}, which SRP hashes into x and the signature. */
    public String poolName() {
        return id.substring(id.indexOf('_') + 1);
    }

    public Optional<AppClient> clientByName(String name) {
        return clientsById.values().stream().filter(c -> c.name().equals(name)).findFirst();
    }

    /** {@code UserPoolId} of an admin call: well-formed and this pool, else Cognito's errors. */
    public void requirePool(String poolId) {
        if (poolId.length() > 55 || !poolId.matches("[\\w-]+_[0-9a-zA-Z]+")) {
            throw CognitoErrors.invalidParameter(
                    "1 validation error detected: Value '"
                            + poolId
                            + "' at 'userPoolId' failed to satisfy constraint: Member must satisfy"
                            + " regular expression pattern: [\\w-]+_[0-9a-zA-Z]+");
        }
        if (!id.equals(poolId)) {
            throw CognitoErrors.poolNotFound(poolId);
        }
    }

    /** The client named by {@code ClientId}, or Cognito's ResourceNotFoundException. */
    public AppClient client(String clientId) {
        AppClient client = clientsById.get(clientId);
        if (client == null) {
            throw CognitoErrors.clientNotFound(clientId);
        }
        return client;
    }
}
