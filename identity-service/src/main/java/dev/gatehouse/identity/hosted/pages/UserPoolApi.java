package dev.gatehouse.identity.hosted.pages;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.identity.pool.AppClient;
import dev.gatehouse.identity.pool.UserPool;
import dev.gatehouse.identity.protocol.CognitoDispatcher;
import dev.gatehouse.identity.protocol.CognitoErrors;
import dev.gatehouse.identity.protocol.CognitoOperation;
import dev.gatehouse.identity.protocol.CognitoRequest;
import dev.gatehouse.identity.protocol.OperationSet;
import dev.gatehouse.identity.quota.RequestQuotas;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.util.HashMap;
import java.util.Map;

/**
 * The managed-login pages as a client of the user pool API, the way Cognito's own pages are: each
 * form becomes the public operation ({@code SignUp}, {@code ConfirmSignUp}, {@code ForgotPassword},
 * ...) with the same validation, {@code PreventUserExistenceErrors}, hourly limits and request
 * quotas as a call from the AWS SDK. For a client with a secret the pages sign each call with its
 * {@code SecretHash}, as Cognito's own pages hold the secret of the clients they serve. Blocking
 * (Redis's blocking API, password hashing): callers run on a worker thread.
 */
@ApplicationScoped
public class UserPoolApi {

    private final Map<String, CognitoOperation> operations = new HashMap<>();
    private final RequestQuotas quotas;
    private final ObjectMapper json;
    private final UserPool pool;

    UserPoolApi(
            Instance<OperationSet> sets, RequestQuotas quotas, ObjectMapper json, UserPool pool) {
        this.quotas = quotas;
        this.json = json;
        this.pool = pool;
        sets.forEach(
                set -> {
                    if (CognitoDispatcher.TARGET_PREFIX.equals(set.targetPrefix())) {
                        operations.putAll(set.operations());
                    }
                });
    }

    /** A JSON body to fill in for {@link #call}. */
    public ObjectNode body(String clientId) {
        return json.createObjectNode().put("ClientId", clientId);
    }

    /**
     * Serves {@code operation} with {@code body}: its response members, or the {@link
     * dev.gatehouse.identity.protocol.CognitoException} the API would answer.
     */
    @SuppressWarnings("unchecked")
    public Map<String, Object> call(String operation, ObjectNode body) {
        CognitoOperation served = operations.get(operation);
        if (served == null) {
            throw CognitoErrors.unknownOperation();
        }
        quotas.admit(operation);
        signWithSecret(body);
        Object result = served.handle(new CognitoRequest(body), null);
        return result instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }

    /** {@code SecretHash} of the body's {@code Username}, when its client has a secret. */
    private void signWithSecret(ObjectNode body) {
        AppClient client = pool.clientsById().get(body.path("ClientId").asText(""));
        if (client == null || client.secret().isEmpty() || !body.path("Username").isTextual()) {
            return;
        }
        body.put(
                "SecretHash",
                client.secret().get().secretHash(body.get("Username").textValue(), client.id()));
    }
}
