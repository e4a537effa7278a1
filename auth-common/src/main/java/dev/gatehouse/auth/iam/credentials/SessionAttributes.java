package dev.gatehouse.auth.iam.credentials;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gatehouse.auth.iam.policy.InvalidPolicyException;
import dev.gatehouse.auth.iam.policy.PolicyDocument;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a temporary session carries beyond its role's policies, as STS attaches it to the
 * credentials it issues: the request-context keys the web identity gave it ({@code
 * cognito-identity.amazonaws.com:sub|aud|amr}, or an OIDC provider's {@code <host>:sub|aud}), API
 * Gateway's {@code cognitoAuthenticationProvider} text, and a session policy that scopes the role's
 * permissions down (STS's {@code Policy}, or Cognito's policy for guests of the enhanced flow).
 * Kept with the access key in Redis as one JSON field, parsed once per cache load.
 */
public final class SessionAttributes {

    /** A session with nothing beyond its role: long-term keys and plain AssumeRole. */
    public static final SessionAttributes NONE =
            new SessionAttributes(Map.of(), Optional.empty(), Optional.empty(), Optional.empty());

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

    private final Map<String, List<String>> context;
    private final Optional<String> authenticationProvider;
    private final Optional<String> policyText;
    private final Optional<PolicyDocument> policy;

    private SessionAttributes(
            Map<String, List<String>> context,
            Optional<String> authenticationProvider,
            Optional<String> policyText,
            Optional<PolicyDocument> policy) {
        this.context = context;
        this.authenticationProvider = authenticationProvider;
        this.policyText = policyText;
        this.policy = policy;
    }

    /**
     * @param context request-context keys (any case) to their values
     * @param authenticationProvider API Gateway's {@code cognitoAuthenticationProvider}, if any
     * @param sessionPolicy a policy document (JSON) that scopes the session down, if any
     * @throws InvalidPolicyException when the session policy does not parse
     */
    public static SessionAttributes of(
            Map<String, List<String>> context,
            Optional<String> authenticationProvider,
            Optional<String> sessionPolicy)
            throws InvalidPolicyException {
        Optional<PolicyDocument> parsed =
                sessionPolicy.isPresent()
                        ? Optional.of(PolicyDocument.parse(sessionPolicy.get()))
                        : Optional.empty();
        Map<String, List<String>> copy = new LinkedHashMap<>();
        context.forEach((key, values) -> copy.put(key, List.copyOf(values)));
        return new SessionAttributes(
                Map.copyOf(copy), authenticationProvider, sessionPolicy, parsed);
    }

    public Map<String, List<String>> context() {
        return context;
    }

    public Optional<String> authenticationProvider() {
        return authenticationProvider;
    }

    public Optional<PolicyDocument> policy() {
        return policy;
    }

    /** The single value of a context key, if it has exactly one. */
    public Optional<String> value(String key) {
        List<String> values = context.get(key);
        return values != null && values.size() == 1 ? Optional.of(values.get(0)) : Optional.empty();
    }

    public boolean isEmpty() {
        return context.isEmpty() && authenticationProvider.isEmpty() && policy.isEmpty();
    }

    /** The Redis field's value. */
    String encode() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("context", context);
        authenticationProvider.ifPresent(p -> fields.put("provider", p));
        policyText.ifPresent(p -> fields.put("policy", p));
        try {
            return JSON.writeValueAsString(fields);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The attributes a Redis field holds; empty when it is unreadable (the key is then refused).
     */
    @SuppressWarnings("unchecked")
    static Optional<SessionAttributes> decode(String field) {
        try {
            Map<String, Object> fields = JSON.readValue(field, MAP);
            Map<String, List<String>> context = new LinkedHashMap<>();
            Object stored = fields.get("context");
            if (stored instanceof Map<?, ?> map) {
                map.forEach((k, v) -> context.put((String) k, (List<String>) v));
            }
            return Optional.of(
                    of(
                            context,
                            Optional.ofNullable((String) fields.get("provider")),
                            Optional.ofNullable((String) fields.get("policy"))));
        } catch (JsonProcessingException | InvalidPolicyException | ClassCastException e) {
            return Optional.empty();
        }
    }
}
