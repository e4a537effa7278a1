package dev.gatehouse.identity.protocol;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.logging.Log;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * AWS JSON 1.1: picks the operation named by {@code X-Amz-Target}, reads the body strictly (no
 * duplicate keys, no trailing data), and turns the outcome into a {@link CognitoReply}. No client
 * input ever produces a 500: anything unexpected is logged and answered as {@code
 * InternalErrorException}.
 */
@ApplicationScoped
public class CognitoDispatcher {

    /** The target prefix of the user pool API. */
    public static final String TARGET_PREFIX = "AWSCognitoIdentityProviderService.";

    /** The target prefix of the identity pool API (its request quotas are per operation). */
    static final String IDENTITY_POOL_PREFIX = "AWSCognitoIdentityService.";

    private final Map<String, CognitoOperation> operations = new HashMap<>();
    private final ObjectMapper json;
    private final ObjectReader reader;
    private final RequestAdmission quotas;

    CognitoDispatcher(Instance<OperationSet> sets, ObjectMapper json, RequestAdmission quotas) {
        this.quotas = quotas;
        sets.forEach(
                set ->
                        set.operations()
                                .forEach(
                                        (name, operation) ->
                                                operations.put(
                                                        set.targetPrefix() + name, operation)));
        this.json = json;
        this.reader =
                json.reader()
                        .with(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                        .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }

    public CognitoReply dispatch(String target, byte[] body, HttpServerRequest http) {
        try {
            CognitoOperation operation = operation(target);
            if (target.startsWith(TARGET_PREFIX)) {
                quotas.admit(target.substring(TARGET_PREFIX.length()));
            } else if (target.startsWith(IDENTITY_POOL_PREFIX)) {
                quotas.admitIdentityPool(target.substring(IDENTITY_POOL_PREFIX.length()));
            }
            Object result =
                    operation.handle(new CognitoRequest(read(body)), new CallContext(http, body));
            return CognitoReply.ok(json.writeValueAsBytes(result == null ? Map.of() : result));
        } catch (CognitoException e) {
            Log.debugf("%s: %s %s", target, e.type(), e.getMessage());
            return CognitoReply.error(e);
        } catch (RuntimeException | JsonProcessingException e) {
            Log.error("unexpected failure serving " + target, e);
            return CognitoReply.error(CognitoErrors.internal());
        }
    }

    private CognitoOperation operation(String target) {
        CognitoOperation operation = target == null ? null : operations.get(target);
        if (operation == null) {
            throw CognitoErrors.unknownOperation();
        }
        return operation;
    }

    private ObjectNode read(byte[] body) {
        if (body == null || body.length == 0) {
            return json.createObjectNode();
        }
        try {
            JsonNode node = reader.readTree(body);
            if (node == null || node.isMissingNode()) {
                return json.createObjectNode();
            }
            if (!(node instanceof ObjectNode object)) {
                throw CognitoErrors.serialization("");
            }
            return object;
        } catch (IOException e) {
            Log.debugf("unreadable JSON body: %s", e.getMessage());
            throw CognitoErrors.serialization("");
        }
    }
}
